import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";
import "./i18n";

/** What the quality feature adds to other pages: the project's 质量验收 tab. */
projectDetail.addTab({
  key: "acceptance",
  label: "acceptance.tab",
  order: 80,
  permission: "cases.read",
  component: lazyComponent(() => import("./components/acceptance-tab").then(({ AcceptanceTab }) => ({ project }: ProjectDetailProps) => <AcceptanceTab projectId={project.id} />)),
});
