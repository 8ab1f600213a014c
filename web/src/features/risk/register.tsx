import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";
import "./i18n";

/** What the risk feature adds to other pages: the project's 风险 tab (score, factors with evidence, trend). */
projectDetail.addTab({
  key: "risk",
  label: "risk.tab",
  order: 35,
  permission: "registry.project.read",
  component: lazyComponent(() => import("./components/risk-card").then(({ RiskCard }) => ({ project }: ProjectDetailProps) => <RiskCard projectId={project.id} />)),
});
