import "./i18n";
import "./on-site/i18n";
import { lazyComponent, projectDetail } from "../../components/detail-tabs";

/** The workforce feature's strings, and what it adds to other pages: the project's 人员 tab. */
projectDetail.addTab({
  key: "workforce",
  label: "workforce.tab",
  order: 50,
  permission: "workforce.read",
  component: lazyComponent(() => import("./components/workforce-tab").then(({ WorkforceTab }) => WorkforceTab)),
});
