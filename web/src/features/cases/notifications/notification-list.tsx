import { App, Button, Card, Flex, Switch, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { NotificationDto } from "@contracts/cases/notifications";
import { formatDateTime } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { PageHeader } from "../../../components/page-header";
import { useListParams } from "../../../components/use-list-params";
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from "./api";
import { NotificationKindTag } from "./notification-kind";

/** 消息中心: the caller's own notifications, unread in bold; open one to go to its case. */
export default function NotificationListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const lp = useListParams();
  const { data, isFetching, error } = useNotifications(lp.query);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (n: NotificationDto) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = n.link ?? (n.caseId ? `/cases/${n.caseId}` : null);
    if (to) void navigate(to);
  };

  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        extra={<Typography.Text type="secondary">{t("inbox.unread")} {unread.data ?? "—"}</Typography.Text>}
        actions={
          <Button
            disabled={!unread.data}
            loading={markAll.isPending}
            onClick={() => markAll.mutateAsync().then((r) => void message.success(t("inbox.markedAll", { count: r.marked })))}
          >
            {t("inbox.markAllRead")}
          </Button>
        }
      />
      <Card size="small">
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Switch checked={lp.get("unread") === "true"} onChange={(on) => lp.set({ unread: on ? "true" : null })} aria-label={t("inbox.onlyUnread")} />
          <span>{t("inbox.onlyUnread")}</span>
        </Flex>
        <ListError error={error} />
        <Table<NotificationDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          dataSource={data?.items}
          rowClassName={() => "sc-clickable-row"}
          onRow={(n) => ({ onClick: () => open(n) })}
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
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          locale={{ emptyText: t("inbox.empty") }}
        />
      </Card>
    </>
  );
}
