import "./i18n";
import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";

/** The IoT feature's strings, and what it adds to other pages: the project's 智慧工地 tab. */
projectDetail.addTab({
  key: "iot",
  label: "site.tab",
  order: 40,
  permission: "iot.read",
  component: lazyComponent(() => import("./site/components/smart-site-tab").then(({ SmartSiteTab }) => ({ project }: ProjectDetailProps) => <SmartSiteTab projectId={project.id} />)),
});
