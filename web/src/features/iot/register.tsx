import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";

/** What the IoT feature adds to other pages: the project's 智慧工地 tab. */
projectDetail.addTab({
  key: "iot",
  label: "project.tabIot",
  order: 40,
  permission: "iot.read",
  component: lazyComponent(() => import("./site/smart-site-tab").then(({ SmartSiteTab }) => ({ project }: ProjectDetailProps) => <SmartSiteTab projectId={project.id} />)),
});
