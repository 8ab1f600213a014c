import { App, Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { NotificationDto } from "@contracts/cases/notifications";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from "../api";
import { NotificationKindTag } from "../components/notification-kind";

/** 消息中心: the caller's own notifications, unread in bold; open one to go to its case. */
export default function NotificationListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (n: NotificationDto) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = n.link ?? (n.caseId ? `/cases/${n.caseId}` : null);
    if (to) void navigate(to);
  };

  return (
    <ListPage<NotificationDto>
      title={t("inbox.title")}
      headerExtra={
        <Typography.Text type="secondary">
          {t("inbox.unread")} {unread.data ?? "—"}
        </Typography.Text>
      }
      headerActions={
        <Button disabled={!unread.data} loading={markAll.isPending} onClick={() => markAll.mutateAsync().then((r) => void message.success(t("inbox.markedAll", { count: r.marked })))}>
          {t("inbox.markAllRead")}
        </Button>
      }
      useRows={useNotifications}
      search={false}
      filters={[{ kind: "switch", key: "unread", label: t("inbox.onlyUnread"), on: "true" }]}
      emptyText={t("inbox.empty")}
      table={{ rowClassName: () => "sc-clickable-row", onRow: (n) => ({ onClick: () => open(n) }) }}
      columns={[
        { title: t("inbox.kind"), dataIndex: "kind", width: 120, render: (k: string) => <NotificationKindTag kind={k} /> },
        {
          title: t("inbox.message"),
          dataIndex: "title",
          render: (title: string, n) => (
            <div>
              <Typography.Text strong={!n.readAt}>{title}</Typography.Text>
              {n.body && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n.body}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        { title: t("inbox.at"), dataIndex: "createdAt", width: 150, render: formatDateTime },
        {
          title: t("common.actions"),
          key: "actions",
          width: 120,
          render: (_: unknown, n) =>
            !n.readAt && (
              <Button
                size="small"
                type="link"
                onClick={(e) => {
                  e.stopPropagation();
                  markRead.mutate(n.id);
                }}
              >
                {t("inbox.markRead")}
              </Button>
            ),
        },
      ]}
    />
  );
}
