import { useState } from "react";
import { App, Button, Popconfirm, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ApiTokenDto, CreatedApiTokenDto } from "@contracts/platform/auth";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { actionColumn, ListPage } from "../../../../components/list-page";
import { tokenState, useRevokeToken, useTokens } from "../api";
import { TokenCreateModal } from "../components/token-create-modal";
import { TokenCreatedModal } from "../components/token-created-modal";

const STATE_COLOR = { active: "green", revoked: "default", expired: "orange" } as const;

/** API 令牌: tokens for devices and integrations; create (secret shown once) and revoke. */
export default function TokenListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
    <ListPage<ApiTokenDto>
      title={t("menu.tokens")}
      permission="admin.users"
      create={{ inHeader: true, onClick: () => setCreating(true) }}
      useRows={useTokens}
      search={false}
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
        ...actionColumn<ApiTokenDto>(
          true,
          t,
          (r) =>
            !r.revokedAt && (
              <Popconfirm title={t("token.revokeConfirm")} onConfirm={() => onRevoke(r)} okButtonProps={{ danger: true }}>
                <Button type="link" size="small" danger>
                  {t("token.revoke")}
                </Button>
              </Popconfirm>
            ),
          90,
        ),
      ]}
    >
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreating(false);
          setCreated(tok);
        }}
      />
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </ListPage>
  );
}
