import { Button, Form, Input, Space, Table, Tag, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChangeRequestState, EnterpriseChangeRequestDto } from "@contracts/registry/enterprise-change";
import { useCan } from "../../../../auth/use-can";
import { FormModal } from "../../../../components/form-modal";
import { formatDateTime, orDash } from "../../../../components/format";
import { actionColumn, RowActions } from "../../../../components/list-page";
import { useDecideChangeRequest } from "../change-api";
import { ChangeDiff } from "./change-diff";

const STATE_COLORS: Record<ChangeRequestState, string> = { pending: "gold", approved: "green", rejected: "red" };

/** Which request is being decided, and how. */
export type Deciding = { request: EnterpriseChangeRequestDto; verb: "approve" | "reject" } | null;

/**
 * Columns of change requests with what they change; reviewers (`registry.enterprise.reviewChange`) get
 * 通过 / 驳回 on pending ones. A stale request is marked and cannot be approved.
 */
export function useChangeRequestColumns({ showEnterprise = false, onDecide }: { showEnterprise?: boolean; onDecide: (d: Deciding) => void }): ColumnsType<EnterpriseChangeRequestDto> {
  const { t } = useTranslation();
  const reviewer = useCan()("registry.enterprise.reviewChange");
  return [
    ...(showEnterprise ? [{ title: t("enterpriseChange.enterprise"), dataIndex: "enterpriseName", width: 200, render: (v: string, r: EnterpriseChangeRequestDto) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> }] : []),
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
    ...actionColumn<EnterpriseChangeRequestDto>(
      reviewer,
      t,
      (r) =>
        r.state === "pending" && (
          <RowActions>
            <Button type="link" size="small" disabled={r.stale} onClick={() => onDecide({ request: r, verb: "approve" })}>
              {t("enterpriseChange.approve")}
            </Button>
            <Button type="link" size="small" danger onClick={() => onDecide({ request: r, verb: "reject" })}>
              {t("enterpriseChange.reject")}
            </Button>
          </RowActions>
        ),
      130,
    ),
  ];
}

/** 通过 / 驳回 a request with a note (required to reject). */
export function DecideModal({ deciding, onClose }: { deciding: Deciding; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideChangeRequest();
  const approve = deciding?.verb === "approve";
  return (
    <FormModal<{ note?: string }>
      open={!!deciding}
      title={t(approve ? "enterpriseChange.approveTitle" : "enterpriseChange.rejectTitle")}
      okText={t(approve ? "enterpriseChange.approve" : "enterpriseChange.reject")}
      okDanger={!approve}
      onClose={onClose}
      submit={({ note }) => decide.mutateAsync({ id: deciding!.request.id, verb: deciding!.verb, note })}
      pending={decide.isPending}
      fields={["note"]}
      success={t(approve ? "enterpriseChange.approved" : "enterpriseChange.rejected")}
      intro={
        deciding && (
          <div style={{ marginBottom: 12 }}>
            <ChangeDiff request={deciding.request} />
          </div>
        )
      }
    >
      <Form.Item name="note" label={t("enterpriseChange.note")} rules={approve ? [] : [{ required: true, whitespace: true, message: t("common.required") }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** An enterprise's own requests (its detail tab), up to the fifty newest. */
export function ChangeRequestsTable({ items, loading }: { items: EnterpriseChangeRequestDto[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<Deciding>(null);
  const columns = useChangeRequestColumns({ onDecide: setDeciding });
  return (
    <>
      <Table<EnterpriseChangeRequestDto> rowKey="id" size="small" loading={loading} dataSource={items} pagination={false} locale={{ emptyText: t("enterpriseChange.empty") }} columns={columns} />
      <DecideModal deciding={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
