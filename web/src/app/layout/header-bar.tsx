import { Avatar, Dropdown, Flex, Layout, Segmented, Tag, Typography, theme } from "antd";
import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { MeDto } from "@contracts/platform/auth";
import { api } from "../../api/client";
import { AlarmBadge } from "../../features/iot/alarms/components/alarm-badge";
import { NotificationBell } from "../../features/cases/notifications/components/notification-bell";
import { setLang, type Lang } from "../../i18n";
import { queryClient } from "../query-client";

/**
 * Top bar: platform name, the IoT alarm bell, the inbox (消息), 中文/English switch (remembered), and the user
 * menu with logout. `compact` (a phone) leaves out the platform name and the role tag to fit the width.
 */
export function HeaderBar({ me, compact = false }: { me: MeDto; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();

  const logout = async () => {
    await api("/auth/logout", { method: "POST" }).catch(() => undefined);
    await navigate("/login", { replace: true });
    queryClient.clear();
  };

  return (
    <Layout.Header style={{ padding: compact ? "0 12px 0 52px" : undefined, background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}`, position: "sticky", top: 0, zIndex: 10 }}>
      <Flex align="center" justify="space-between" style={{ height: "100%" }}>
        <Typography.Text strong style={{ fontSize: 17, color: token.colorPrimary }}>
          {compact ? "" : t("app.name")}
        </Typography.Text>
        <Flex align="center" gap={compact ? 10 : 16}>
          <AlarmBadge />
          <NotificationBell />
          <Segmented<Lang>
            size="small"
            aria-label={t("header.language")}
            value={i18n.language.startsWith("en") ? "en" : "zh-CN"}
            options={[
              { value: "zh-CN", label: "中文" },
              { value: "en", label: "English" },
            ]}
            onChange={setLang}
          />
          <Dropdown
            menu={{
              items: [
                { key: "who", disabled: true, label: `${t("header.profile")}: ${me.username}` },
                { type: "divider" },
                { key: "logout", icon: <LogoutOutlined />, label: t("header.logout"), onClick: () => void logout() },
              ],
            }}
          >
            <Flex align="center" gap={8} style={{ cursor: "pointer" }} role="button" aria-label={me.displayName}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
              {!compact && <span>{me.displayName}</span>}
              {!compact && (
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {t(`roles.${me.role}`)}
                </Tag>
              )}
            </Flex>
          </Dropdown>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
