import { lazyComponent, projectDetail } from "../../components/detail-tabs";

/** What the workforce feature adds to other pages: the project's 人员 tab. */
projectDetail.addTab({
  key: "workforce",
  label: "project.tabWorkforce",
  order: 50,
  permission: "workforce.read",
  component: lazyComponent(() => import("./project/workforce-tab").then(({ WorkforceTab }) => WorkforceTab)),
});
