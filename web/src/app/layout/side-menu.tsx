import type { ReactNode } from "react";
import { Menu, Tooltip, type MenuProps } from "antd";
import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
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
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { MeDto } from "@contracts/platform/auth";

type Item = Required<MenuProps>["items"][number];

/** Supervision modules that are planned but not delivered yet: shown, disabled, with a tooltip. */
const COMING: [key: string, icon: ReactNode][] = [
  ["quality", <ToolOutlined />],
  ["safety", <SafetyCertificateOutlined />],
  ["testing", <ExperimentOutlined />],
  ["risk", <RadarChartOutlined />],
  ["gas", <FireOutlined />],
  ["dashboard", <DashboardOutlined />],
];

/** Which menu entry a path belongs to (detail pages highlight their list). */
function selectedKey(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  return "/" + parts.slice(0, parts[0] === "admin" || parts[0] === "iot" || parts[0] === "workforce" ? 2 : 1).join("/");
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

  const items: Item[] = [
    { key: "/", icon: <HomeOutlined />, label: t("menu.home") },
    {
      type: "group",
      key: "g-registry",
      label: t("menu.registry"),
      children: [
        { key: "/projects", icon: <ProjectOutlined />, label: t("menu.projects") },
        { key: "/enterprises", icon: <BankOutlined />, label: t("menu.enterprises") },
        { key: "/persons", icon: <TeamOutlined />, label: t("menu.persons") },
      ],
    },
    ...(iot.length ? [{ type: "group" as const, key: "g-iot", label: t("menu.iot"), children: iot }] : []),
    ...(workforce.length ? [{ type: "group" as const, key: "g-workforce", label: t("menu.workforce"), children: workforce }] : []),
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
