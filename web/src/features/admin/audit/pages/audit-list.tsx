import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntryDto } from "@contracts/platform/auth";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useAuditLog } from "../api";
import { AuditDiff } from "../components/audit-diff";
import { VerifyChainButton } from "../components/verify-chain-button";

/** 审计日志: the append-only, hash-chained log with filters, before/after per entry and a chain check. */
export default function AuditListPage() {
  const { t } = useTranslation();
  return (
    <ListPage<AuditEntryDto>
      title={t("menu.audit")}
      permission="audit.read"
      headerActions={<VerifyChainButton />}
      useRows={useAuditLog}
      pageSize={50}
      search={false}
      filters={[
        { kind: "text", key: "actor", label: t("audit.actor") },
        { kind: "text", key: "action", label: t("audit.action") },
        { kind: "text", key: "entity", label: t("audit.entity") },
        { kind: "text", key: "entityId", label: t("audit.entityId"), width: 220 },
        { kind: "dateRange", label: t("audit.range"), value: "day", width: 260 },
      ]}
      table={{ expandable: { expandedRowRender: (r) => <AuditDiff entry={r} />, rowExpandable: (r) => r.before != null || r.after != null } }}
      columns={[
        { title: "#", dataIndex: "id", width: 70 },
        { title: t("audit.at"), dataIndex: "at", width: 150, render: formatDateTime },
        { title: t("audit.actor"), dataIndex: "actorName", width: 120 },
        { title: t("audit.action"), dataIndex: "action", render: (v: string) => <Tag>{v}</Tag> },
        { title: t("audit.entity"), dataIndex: "entity", width: 130 },
        { title: t("audit.entityId"), dataIndex: "entityId", width: 300, render: (v: string | null) => <span className="sc-mono">{v ?? "—"}</span> },
        { title: t("audit.ip"), dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
        {
          title: t("audit.hash"),
          dataIndex: "hash",
          width: 110,
          render: (v: string) => (
            <span className="sc-mono" title={v}>
              {v.slice(0, 12)}
            </span>
          ),
        },
      ]}
    />
  );
}
