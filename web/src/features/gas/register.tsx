import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";
import "./cylinders/i18n";
import "./customers/i18n";
import "./pipelines/i18n";
import "./leaks/i18n";

/** The gas feature's strings, and what it adds to other pages: 临近燃气管线 beside a project's title. */
projectDetail.addBadge({
  key: "near-gas-main",
  component: lazyComponent(() => import("./pipelines/components/near-main-badge").then(({ NearGasMainBadge }) => ({ project }: ProjectDetailProps) => <NearGasMainBadge projectId={project.id} />)),
});
