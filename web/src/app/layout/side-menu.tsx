import type { ReactNode } from "react";
import { Menu, Tooltip, type MenuProps } from "antd";
import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  FileSyncOutlined,
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
  StopOutlined,
  PayCircleOutlined,
  UserSwitchOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FireOutlined,
  HomeOutlined,
  IdcardOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  CalendarOutlined,
  BuildOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
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

type Item = Required<MenuProps>["items"][number];

/** Supervision modules that are planned but not delivered yet: shown, disabled, with a tooltip. */
const COMING: [key: string, icon: ReactNode][] = [
  ["risk", <RadarChartOutlined />],
  ["dashboard", <DashboardOutlined />],
];

/** Which menu entry a path belongs to (detail pages highlight their list). */
function selectedKey(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  return "/" + parts.slice(0, parts[0] === "admin" || parts[0] === "iot" || parts[0] === "workforce" || parts[0] === "testing" || parts[0] === "safety" || parts[0] === "gas" ? 2 : 1).join("/");
}

/** The sider: brand, 首页, 三库, 智慧工地 (with iot.read), 建筑人员 (with workforce.read), the coming modules and 系统管理 (only with admin/audit permissions). */
export function SideMenu({ me, collapsed }: { me: MeDto; collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const perms = new Set(me.permissions);

  const system: Item[] = [
    perms.has("admin.users") && { key: "/admin/users", icon: <UserOutlined />, label: t("menu.users") },
    perms.has("admin.users") && { key: "/admin/tokens", icon: <ApiOutlined />, label: t("menu.tokens") },
    perms.has("audit.read") && { key: "/admin/audit", icon: <AuditOutlined />, label: t("menu.audit") },
  ].filter((i): i is Exclude<typeof i, false> => !!i);

  const iot: Item[] = perms.has("iot.read")
    ? [
        { key: "/iot/map", icon: <EnvironmentOutlined />, label: t("menu.iotMap") },
        { key: "/iot/alarms", icon: <BellOutlined />, label: t("menu.iotAlarms") },
        { key: "/iot/devices", icon: <ClusterOutlined />, label: t("menu.iotDevices") },
        { key: "/iot/commands", icon: <SendOutlined />, label: t("menu.iotCommands") },
        { key: "/iot/rules", icon: <SlidersOutlined />, label: t("menu.iotRules") },
      ]
    : [];

  const workforce: Item[] = perms.has("workforce.read")
    ? [
        { key: "/workforce/workers", icon: <IdcardOutlined />, label: t("menu.wfWorkers") },
        { key: "/workforce/blacklist", icon: <StopOutlined />, label: t("menu.wfBlacklist") },
        { key: "/workforce/key-personnel", icon: <UserSwitchOutlined />, label: t("menu.wfKeyPersonnel") },
        { key: "/workforce/arrears", icon: <PayCircleOutlined />, label: t("menu.wfArrears") },
      ]
    : [];

  const testing: Item[] = perms.has("testing.read")
    ? [
        { key: "/testing/commissions", icon: <ExperimentOutlined />, label: t("testing.menu.commissions") },
        { key: "/testing/results", icon: <FileDoneOutlined />, label: t("testing.menu.results") },
        { key: "/testing/witness-share", icon: <EyeOutlined />, label: t("testing.menu.witnessShare") },
        { key: "/testing/agencies", icon: <BankOutlined />, label: t("testing.menu.agencies") },
        { key: "/testing/calculator", icon: <CalculatorOutlined />, label: t("testing.menu.calculator") },
      ]
    : [];

  // 监督执法: the rectification loop and the inspections that feed it, 质量验收, and the inbox.
  const supervision: Item[] = perms.has("cases.read")
    ? [
        { key: "/cases", icon: <CarryOutOutlined />, label: t("menu.cases") },
        { key: "/inspections", icon: <FormOutlined />, label: t("menu.inspections") },
        { key: "/inspection-templates", icon: <OrderedListOutlined />, label: t("menu.inspectionTemplates") },
        { key: "/random-plans", icon: <SwapOutlined />, label: t("menu.randomPlans") },
        ...(perms.has("cases.inspect") ? [{ key: "/inspector-conflicts", icon: <FileSearchOutlined />, label: t("menu.conflicts") }] : []),
        { key: "/acceptances", icon: <ScheduleOutlined />, label: t("menu.acceptances") },
        { key: "/notifications", icon: <MailOutlined />, label: t("menu.notifications") },
      ]
    : [{ key: "/notifications", icon: <MailOutlined />, label: t("menu.notifications") }];

  const safety: Item[] = perms.has("safety.read")
    ? [
        { key: "/safety/works", icon: <SafetyCertificateOutlined />, label: t("safety.menu.works") },
        { key: "/safety/weekly", icon: <CalendarOutlined />, label: t("safety.menu.weekly") },
        { key: "/safety/equipment", icon: <BuildOutlined />, label: t("safety.menu.equipment") },
        { key: "/safety/experts", icon: <SolutionOutlined />, label: t("safety.menu.experts") },
      ]
    : [];

  // 燃气安全: bottled-gas traceability, then the pipeline network, patrols, the detection vehicle and the site linkage.
  const gas: Item[] = perms.has("gas.read")
    ? [
        ...(perms.has("gas.manage") ? [{ key: "/gas/fill-console", icon: <ThunderboltOutlined />, label: t("gasCyl.menu.console") }] : []),
        { key: "/gas/cylinders", icon: <ContainerOutlined />, label: t("gasCyl.menu.cylinders") },
        { key: "/gas/fills", icon: <FireOutlined />, label: t("gasCyl.menu.fills") },
        { key: "/gas/deliveries", icon: <CarOutlined />, label: t("gasDelivery.menu.deliveries") },
        { key: "/gas/customers", icon: <ContactsOutlined />, label: t("gasDelivery.menu.customers") },
        { key: "/gas/anomalies", icon: <WarningOutlined />, label: t("gasDelivery.menu.anomalies") },
        { key: "/gas/stations", icon: <ShopOutlined />, label: t("gasCyl.menu.stations") },
        { key: "/gas/staff", icon: <IdcardOutlined />, label: t("gasCyl.menu.staff") },
        { key: "/gas/map", icon: <GlobalOutlined />, label: t("gasPipelines.menu.map") },
        { key: "/gas/pipelines", icon: <NodeIndexOutlined />, label: t("gasPipelines.menu.pipelines") },
        { key: "/gas/patrols", icon: <AimOutlined />, label: t("gasPipelines.menu.patrols") },
        { key: "/gas/hazards", icon: <ExclamationCircleOutlined />, label: t("gasPipelines.menu.hazards") },
        { key: "/gas/vehicles", icon: <CarOutlined />, label: t("gasLeaks.menu.vehicles") },
        { key: "/gas/leaks", icon: <AlertOutlined />, label: t("gasLeaks.menu.leaks") },
        { key: "/gas/site-links", icon: <LinkOutlined />, label: t("gasPipelines.menu.siteLinks") },
      ]
    : [];

  const items: Item[] = [
    { key: "/", icon: <HomeOutlined />, label: t("menu.home") },
    {
      type: "group",
      key: "g-registry",
      label: t("menu.registry"),
      children: [
        { key: "/projects", icon: <ProjectOutlined />, label: t("menu.projects") },
        { key: "/enterprises", icon: <BankOutlined />, label: t("menu.enterprises") },
        ...(perms.has("registry.enterprise.reviewChange") ? [{ key: "/enterprise-change-requests", icon: <FileSyncOutlined />, label: t("menu.enterpriseChanges") }] : []),
        { key: "/persons", icon: <TeamOutlined />, label: t("menu.persons") },
      ],
    },
    { type: "group" as const, key: "g-supervision-work", label: t("menu.supervisionWork"), children: supervision },
    ...(iot.length ? [{ type: "group" as const, key: "g-iot", label: t("menu.iot"), children: iot }] : []),
    ...(workforce.length ? [{ type: "group" as const, key: "g-workforce", label: t("menu.workforce"), children: workforce }] : []),
    ...(testing.length ? [{ type: "group" as const, key: "g-testing", label: t("menu.testing"), children: testing }] : []),
    ...(safety.length ? [{ type: "group" as const, key: "g-safety", label: t("menu.safety"), children: safety }] : []),
    ...(gas.length ? [{ type: "group" as const, key: "g-gas", label: t("menu.gas"), children: gas }] : []),
    {
      type: "group",
      key: "g-coming",
      label: t("menu.supervision"),
      children: COMING.map(([key, icon]) => ({
        key: `coming-${key}`,
        icon,
        disabled: true,
        label: (
          <Tooltip title={t("common.comingSoon")} placement="right">
            <span>{t(`menu.${key}`)}</span>
          </Tooltip>
        ),
      })),
    },
    ...(system.length ? [{ type: "group" as const, key: "g-system", label: t("menu.system"), children: system }] : []),
  ];

  return (
    <>
      <div style={{ height: 56, display: "flex", alignItems: "center", gap: 8, padding: "0 16px", color: "#fff", overflow: "hidden", whiteSpace: "nowrap" }}>
        <AlertOutlined style={{ fontSize: 20, color: "#4096ff" }} />
        {!collapsed && <span style={{ fontWeight: 600, fontSize: 15 }}>{t("app.short")}</span>}
      </div>
      <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} onClick={({ key }) => !key.startsWith("coming-") && navigate(key)} />
    </>
  );
}
