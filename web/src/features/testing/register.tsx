import { lazyComponent, projectDetail, type ProjectDetailProps } from "../../components/detail-tabs";
import "./i18n";

/** What the testing feature adds to other pages: the project's 检测 tab. */
projectDetail.addTab({
  key: "testing",
  label: "testing.tab",
  order: 60,
  permission: "testing.read",
  component: lazyComponent(() => import("./components/testing-tab").then(({ TestingTab }) => ({ project }: ProjectDetailProps) => <TestingTab projectId={project.id} />)),
});
