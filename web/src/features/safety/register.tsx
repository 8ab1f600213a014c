import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";
import "./i18n";

/** What the safety feature adds to other pages: the project's 安全 tab. */
projectDetail.addTab({
  key: "safety",
  label: "safety.tab",
  order: 90,
  permission: "safety.read",
  component: lazyComponent(() => import("./components/safety-tab").then(({ SafetyTab }) => ({ project }: ProjectDetailProps) => <SafetyTab projectId={project.id} />)),
});
