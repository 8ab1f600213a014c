import { Card, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntryDto } from "@contracts/platform/auth";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useAuditLog } from "../api";
import { AuditDiff } from "../components/audit-diff";
import { AuditFilters } from "../components/audit-filters";
import { VerifyChainButton } from "../components/verify-chain-button";

/** 审计日志: the append-only, hash-chained log with filters, before/after per entry and a chain check. */
function AuditList() {
  const { t } = useTranslation();
  const lp = useListParams(50);
  const { data, isFetching, error } = useAuditLog(lp.query);

  return (
    <>
      <PageHeader title={t("menu.audit")} actions={<VerifyChainButton />} />
      <Card size="small">
        <AuditFilters lp={lp} />
        <ListError error={error} />
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          expandable={{ expandedRowRender: (r) => <AuditDiff entry={r} />, rowExpandable: (r) => r.before != null || r.after != null }}
          columns={[
            { title: "#", dataIndex: "id", width: 70 },
            { title: t("audit.at"), dataIndex: "at", width: 150, render: formatDateTime },
            { title: t("audit.actor"), dataIndex: "actorName", width: 120 },
            { title: t("audit.action"), dataIndex: "action", render: (v: string) => <Tag>{v}</Tag> },
            { title: t("audit.entity"), dataIndex: "entity", width: 130 },
            { title: t("audit.entityId"), dataIndex: "entityId", width: 300, render: (v: string | null) => <span className="sc-mono">{v ?? "—"}</span> },
            { title: t("audit.ip"), dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
            { title: t("audit.hash"), dataIndex: "hash", width: 110, render: (v: string) => <span className="sc-mono" title={v}>{v.slice(0, 12)}</span> },
          ]}
        />
      </Card>
    </>
  );
}

/** Route entry: only for users with `audit.read`. */
export default function AuditListPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditList />
    </RequirePermission>
  );
}
