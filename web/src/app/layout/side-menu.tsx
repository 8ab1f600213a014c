import type { ReactNode } from "react";
import { Menu, type MenuProps } from "antd";
import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  FileSyncOutlined,
  FileTextOutlined,
  FormOutlined,
  MailOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  SwapOutlined,
  CalculatorOutlined,
  EyeOutlined,
  FileDoneOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  SendOutlined,
  SlidersOutlined,
  ControlOutlined,
  StopOutlined,
  PayCircleOutlined,
  UserSwitchOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FireOutlined,
  HomeOutlined,
  IdcardOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  CalendarOutlined,
  BuildOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  ShopOutlined,
  ContainerOutlined,
  ThunderboltOutlined,
  ContactsOutlined,
  CarOutlined,
  WarningOutlined,
  NodeIndexOutlined,
  GlobalOutlined,
  AimOutlined,
  ExclamationCircleOutlined,
  LinkOutlined,
} from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { MeDto } from "@contracts/platform/auth";
import { menuAccess } from "./menu-access";

type Item = Required<MenuProps>["items"][number];
type Entry = [key: string, icon: ReactNode, label: string];

/** Which menu entry a path belongs to (detail pages highlight their list). */
function selectedKey(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  return "/" + parts.slice(0, parts[0] === "admin" || parts[0] === "iot" || parts[0] === "workforce" || parts[0] === "testing" || parts[0] === "safety" || parts[0] === "gas" ? 2 : 1).join("/");
}

/** The sider: brand, 首页 and 指挥大屏, then one group per module, each entry only where `menuAccess` offers it to the user */
export function SideMenu({ me, collapsed }: { me: MeDto; collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const offered = menuAccess(me);

  const entries = (list: Entry[]): Item[] => list.filter(([k]) => offered(k)).map(([k, icon, text]) => ({ key: k, icon, label: text }));
  /** A group of the entries offered to this user; no group when none is. */
  const group = (key: string, label: string, list: Entry[]): Item[] => {
    const children = entries(list);
    return children.length ? [{ type: "group" as const, key, label, children }] : [];
  };

  const items: Item[] = [
    ...entries([
      ["/", <HomeOutlined />, t("menu.home")],
      ["/command", <DashboardOutlined />, t("menu.dashboard")],
      ["/reports", <FileTextOutlined />, t("reports.menu")],
      ["/risk", <AlertOutlined />, t("risk.menu")],
    ]),
    ...group("g-registry", t("menu.registry"), [
      ["/projects", <ProjectOutlined />, t("menu.projects")],
      ["/enterprises", <BankOutlined />, t("menu.enterprises")],
      ["/enterprise-change-requests", <FileSyncOutlined />, t("menu.enterpriseChanges")],
      ["/persons", <TeamOutlined />, t("menu.persons")],
    ]),
    // 监督执法: the rectification loop and the inspections that feed it, 质量验收, and the inbox.
    ...group("g-supervision-work", t("menu.supervisionWork"), [
      ["/cases", <CarryOutOutlined />, t("menu.cases")],
      ["/inspections", <FormOutlined />, t("menu.inspections")],
      ["/inspection-templates", <OrderedListOutlined />, t("menu.inspectionTemplates")],
      ["/random-plans", <SwapOutlined />, t("menu.randomPlans")],
      ["/inspector-conflicts", <FileSearchOutlined />, t("menu.conflicts")],
      ["/acceptances", <ScheduleOutlined />, t("menu.acceptances")],
      ["/notifications", <MailOutlined />, t("menu.notifications")],
    ]),
    ...group("g-iot", t("menu.iot"), [
      ["/iot/map", <EnvironmentOutlined />, t("menu.iotMap")],
      ["/iot/alarms", <BellOutlined />, t("menu.iotAlarms")],
      ["/iot/devices", <ClusterOutlined />, t("menu.iotDevices")],
      ["/iot/commands", <SendOutlined />, t("menu.iotCommands")],
      ["/iot/rules", <SlidersOutlined />, t("menu.iotRules")],
      ["/thresholds", <ControlOutlined />, t("threshold.menu")],
    ]),
    ...group("g-workforce", t("menu.workforce"), [
      ["/workforce/on-site", <UsergroupAddOutlined />, t("onSite.title")],
      ["/workforce/workers", <IdcardOutlined />, t("menu.wfWorkers")],
      ["/workforce/blacklist", <StopOutlined />, t("menu.wfBlacklist")],
      ["/workforce/key-personnel", <UserSwitchOutlined />, t("menu.wfKeyPersonnel")],
      ["/workforce/arrears", <PayCircleOutlined />, t("menu.wfArrears")],
    ]),
    ...group("g-testing", t("menu.testing"), [
      ["/testing/commissions", <ExperimentOutlined />, t("testing.menu.commissions")],
      ["/testing/results", <FileDoneOutlined />, t("testing.menu.results")],
      ["/testing/witness-share", <EyeOutlined />, t("testing.menu.witnessShare")],
      ["/testing/agencies", <BankOutlined />, t("testing.menu.agencies")],
      ["/testing/calculator", <CalculatorOutlined />, t("testing.menu.calculator")],
    ]),
    ...group("g-safety", t("menu.safety"), [
      ["/safety/works", <SafetyCertificateOutlined />, t("safety.menu.works")],
      ["/safety/weekly", <CalendarOutlined />, t("safety.menu.weekly")],
      ["/safety/equipment", <BuildOutlined />, t("safety.menu.equipment")],
      ["/safety/experts", <SolutionOutlined />, t("safety.menu.experts")],
    ]),
    // 燃气安全: bottled-gas traceability, then the pipeline network, patrols, the detection vehicle and the site linkage.
    ...group("g-gas", t("menu.gas"), [
      ["/gas/fill-console", <ThunderboltOutlined />, t("gasCyl.menu.console")],
      ["/gas/cylinders", <ContainerOutlined />, t("gasCyl.menu.cylinders")],
      ["/gas/fills", <FireOutlined />, t("gasCyl.menu.fills")],
      ["/gas/deliveries", <CarOutlined />, t("gasDelivery.menu.deliveries")],
      ["/gas/customers", <ContactsOutlined />, t("gasDelivery.menu.customers")],
      ["/gas/anomalies", <WarningOutlined />, t("gasDelivery.menu.anomalies")],
      ["/gas/stations", <ShopOutlined />, t("gasCyl.menu.stations")],
      ["/gas/staff", <IdcardOutlined />, t("gasCyl.menu.staff")],
      ["/gas/map", <GlobalOutlined />, t("gasPipelines.menu.map")],
      ["/gas/pipelines", <NodeIndexOutlined />, t("gasPipelines.menu.pipelines")],
      ["/gas/patrols", <AimOutlined />, t("gasPipelines.menu.patrols")],
      ["/gas/hazards", <ExclamationCircleOutlined />, t("gasPipelines.menu.hazards")],
      ["/gas/vehicles", <CarOutlined />, t("gasLeaks.menu.vehicles")],
      ["/gas/leaks", <AlertOutlined />, t("gasLeaks.menu.leaks")],
      ["/gas/site-links", <LinkOutlined />, t("gasPipelines.menu.siteLinks")],
    ]),
    ...group("g-system", t("menu.system"), [
      ["/admin/users", <UserOutlined />, t("menu.users")],
      ["/admin/tokens", <ApiOutlined />, t("menu.tokens")],
      ["/admin/audit", <AuditOutlined />, t("menu.audit")],
    ]),
  ];

  return (
    <>
      <div style={{ height: 56, display: "flex", alignItems: "center", gap: 8, padding: "0 16px", color: "#fff", overflow: "hidden", whiteSpace: "nowrap" }}>
        <AlertOutlined style={{ fontSize: 20, color: "#4096ff" }} />
        {!collapsed && <span style={{ fontWeight: 600, fontSize: 15 }}>{t("app.short")}</span>}
      </div>
      <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} onClick={({ key }) => navigate(key)} />
    </>
  );
}
