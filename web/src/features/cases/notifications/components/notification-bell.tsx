import { useState } from "react";
import { Badge, Button, Empty, Flex, List, Popover, Typography } from "antd";
import { MailOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { NotificationDto } from "@contracts/cases/notifications";
import { formatDateTime } from "../../../../components/format";
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from "../api";
import { NotificationKindTag } from "./notification-kind";

/**
 * 消息 in the header: the unread count (polled every 30 s) and, on click, the latest unread messages; opening
 * one marks it read and goes to its case.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const recent = useNotifications({ unread: "true", pageSize: 8 }, { enabled: open });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const go = (n: NotificationDto) => {
    setOpen(false);
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
    else if (n.caseId) void navigate(`/cases/${n.caseId}`);
  };

  const content = (
    <div style={{ width: 360 }}>
      {recent.data?.items.length ? (
        <List<NotificationDto>
          size="small"
          dataSource={recent.data.items}
          renderItem={(n) => (
            <List.Item style={{ cursor: "pointer", paddingInline: 4 }} onClick={() => go(n)}>
              <Flex vertical gap={2} style={{ width: "100%" }}>
                <Flex gap={6} align="center">
                  <NotificationKindTag kind={n.kind} />
                  <Typography.Text strong ellipsis style={{ flex: 1 }}>
                    {n.title}
                  </Typography.Text>
                </Flex>
                {n.body && (
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {n.body}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("inbox.empty")} />
      )}
      <Flex justify="space-between" style={{ borderTop: "1px solid #f0f0f0", paddingTop: 8 }}>
        <Button size="small" type="link" disabled={!unread.data} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t("inbox.markAllRead")}
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            void navigate("/notifications");
          }}
        >
          {t("inbox.all")}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t("inbox.recent")} content={content}>
      <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
        <Button type="text" icon={<MailOutlined style={{ fontSize: 18 }} />} aria-label={`${t("inbox.bell")} ${unread.data ?? 0}`} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
