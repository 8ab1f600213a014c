import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";
import "./i18n";

/** What the supervision feature adds to other pages: the project's 监督检查/整改 tab. */
projectDetail.addTab({
  key: "cases",
  label: "cases.tab",
  order: 70,
  permission: "cases.read",
  component: lazyComponent(() => import("./components/cases-tab").then(({ CasesTab }) => ({ project }: ProjectDetailProps) => <CasesTab projectId={project.id} />)),
});
