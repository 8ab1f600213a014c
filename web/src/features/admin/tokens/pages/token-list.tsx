import { useState } from "react";
import { App, Button, Card, Popconfirm, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ApiTokenDto, CreatedApiTokenDto } from "@contracts/platform/auth";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { tokenState, useRevokeToken, useTokens } from "../api";
import { TokenCreateModal } from "../components/token-create-modal";
import { TokenCreatedModal } from "../components/token-created-modal";
import { errorText } from "../../../../components/form-utils";

const STATE_COLOR = { active: "green", revoked: "default", expired: "orange" } as const;

/** API 令牌: tokens for devices and integrations; create (secret shown once) and revoke. */
function TokenList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lp = useListParams();
  const { data, isFetching, error } = useTokens(lp.query);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);

  const onRevoke = async (tok: ApiTokenDto) => {
    try {
      await revoke.mutateAsync(tok.id);
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t("menu.tokens")}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("common.create")}
          </Button>
        }
      />
      <Card size="small">
        <ListError error={error} />
        <Table<ApiTokenDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          columns={[
            { title: t("token.name"), dataIndex: "name" },
            { title: t("token.user"), dataIndex: "username", width: 140 },
            { title: t("token.prefix"), dataIndex: "prefix", width: 140, render: (v: string) => <span className="sc-mono">{v}…</span> },
            { title: t("token.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
            { title: t("token.expiresAt"), dataIndex: "expiresAt", width: 140, render: (v: string | null) => (v ? formatDateTime(v) : t("token.never")) },
            { title: t("token.lastUsedAt"), dataIndex: "lastUsedAt", width: 140, render: formatDateTime },
            {
              title: t("token.state"),
              key: "state",
              width: 90,
              render: (_: unknown, r) => {
                const s = tokenState(r);
                return <Tag color={STATE_COLOR[s]}>{t(`token.${s}`)}</Tag>;
              },
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 90,
              render: (_: unknown, r) =>
                !r.revokedAt && (
                  <Popconfirm title={t("token.revokeConfirm")} onConfirm={() => onRevoke(r)} okButtonProps={{ danger: true }}>
                    <Button type="link" size="small" danger>
                      {t("token.revoke")}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreating(false);
          setCreated(tok);
        }}
      />
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}

/** Route entry: only for users with `admin.users`. */
export default function TokenListPage() {
  return (
    <RequirePermission permission="admin.users">
      <TokenList />
    </RequirePermission>
  );
}
