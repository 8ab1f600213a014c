import { App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChangeRequestState, EnterpriseChangeRequestDto } from "@contracts/registry/enterprise-change";
import type { TablePaginationConfig } from "antd";
import { useCan } from "../../../../auth/use-can";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime, orDash } from "../../../../components/format";
import { useDecideChangeRequest } from "../change-api";
import { ChangeDiff } from "./change-diff";
import "../change-i18n";

const STATE_COLORS: Record<ChangeRequestState, string> = { pending: "gold", approved: "green", rejected: "red" };

/**
 * Change requests with what they change; reviewers (`registry.enterprise.reviewChange`) approve or
 * reject pending ones with a note. A stale request is marked and cannot be approved.
 */
export function ChangeRequestsTable(props: {
  items: EnterpriseChangeRequestDto[] | undefined;
  loading: boolean;
  showEnterprise?: boolean;
  pagination?: TablePaginationConfig | false;
  onChange?: (p: TablePaginationConfig) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const decide = useDecideChangeRequest();
  const [deciding, setDeciding] = useState<{ request: EnterpriseChangeRequestDto; verb: "approve" | "reject" } | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const reviewer = can("registry.enterprise.reviewChange");

  const submit = async ({ note }: { note?: string }) => {
    if (!deciding) return;
    try {
      await decide.mutateAsync({ id: deciding.request.id, verb: deciding.verb, note });
      message.success(t(deciding.verb === "approve" ? "enterpriseChange.approved" : "enterpriseChange.rejected"));
      setDeciding(null);
      form.resetFields();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <Table<EnterpriseChangeRequestDto>
        rowKey="id"
        size="small"
        loading={props.loading}
        dataSource={props.items}
        pagination={props.pagination ?? false}
        onChange={(p) => props.onChange?.(p)}
        locale={{ emptyText: t("enterpriseChange.empty") }}
        columns={[
          ...(props.showEnterprise
            ? [{ title: t("enterpriseChange.enterprise"), dataIndex: "enterpriseName", width: 200, render: (v: string, r: EnterpriseChangeRequestDto) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> }]
            : []),
          {
            title: t("enterpriseChange.state"),
            dataIndex: "state",
            width: 110,
            render: (s: ChangeRequestState, r) => (
              <Space size={4}>
                <Tag color={STATE_COLORS[s]}>{t(`enterpriseChange.states.${s}`)}</Tag>
                {r.stale && (
                  <Tooltip title={t("enterpriseChange.staleHint")}>
                    <Tag color="default">{t("enterpriseChange.stale")}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t("enterpriseChange.changes"), key: "changes", minWidth: 280, render: (_: unknown, r) => <ChangeDiff request={r} /> },
          { title: t("enterpriseChange.reason"), dataIndex: "reason", width: 200 },
          { title: t("enterpriseChange.requestedBy"), dataIndex: "requestedByName", width: 110 },
          { title: t("enterpriseChange.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
          { title: t("enterpriseChange.decision"), dataIndex: "note", width: 180, render: (v: string | null, r) => (r.state === "pending" ? "—" : `${orDash(v)}（${orDash(r.decidedByName)}）`) },
          ...(reviewer
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 130,
                  render: (_: unknown, r: EnterpriseChangeRequestDto) =>
                    r.state === "pending" && (
                      <Space size={0}>
                        <Button type="link" size="small" disabled={r.stale} onClick={() => setDeciding({ request: r, verb: "approve" })}>
                          {t("enterpriseChange.approve")}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => setDeciding({ request: r, verb: "reject" })}>
                          {t("enterpriseChange.reject")}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!deciding}
        title={t(deciding?.verb === "approve" ? "enterpriseChange.approveTitle" : "enterpriseChange.rejectTitle")}
        okText={t(deciding?.verb === "approve" ? "enterpriseChange.approve" : "enterpriseChange.reject")}
        okButtonProps={{ danger: deciding?.verb === "reject", loading: decide.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        {deciding && <ChangeDiff request={deciding.request} />}
        <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
          <Form.Item name="note" label={t("enterpriseChange.note")} rules={deciding?.verb === "reject" ? [{ required: true, whitespace: true, message: t("common.required") }] : []}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
