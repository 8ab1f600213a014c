import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntryDto } from "@contracts/platform/auth";
import type { PipelineDto } from "@contracts/gas/pipeline";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLocalListParams } from "../../../../components/use-list-params";
import { useAuditLog } from "../../../admin/audit/api";
import { AuditDiff } from "../../../admin/audit/components/audit-diff";

/** The ledger fields a change is summarised by (the bbox columns and timestamps follow from them). */
const FIELDS: Record<string, string> = {
  code: "gasPipelines.code",
  name: "gasPipelines.name",
  pressureClass: "gasPipelines.pressureClass",
  material: "gasPipelines.material",
  diameterMm: "gasPipelines.diameter",
  laidOn: "gasPipelines.laidOn",
  coordinates: "gasPipelines.route",
};

/** Which ledger fields an entry changed (all of them for a filing). */
export function changedFields(e: Pick<AuditEntryDto, "before" | "after">): string[] {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (!e.before || !e.after) return [];
  return Object.keys(FIELDS).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** 变更记录: the line's audit entries (the bureau's admin, who may read the audit log), newest first, with before/after. */
export function LineHistory({ line }: { line: PipelineDto }) {
  const { t } = useTranslation();
  const lp = useLocalListParams(10);
  return (
    <ListPage<AuditEntryDto>
      bare
      lp={lp}
      search={false}
      useRows={useAuditLog}
      query={{ entity: "gas_pipeline", entityId: line.id }}
      table={{ expandable: { expandedRowRender: (r) => <AuditDiff entry={r} />, rowExpandable: (r) => r.before != null || r.after != null } }}
      columns={[
        { title: t("audit.at"), dataIndex: "at", width: 150, render: formatDateTime },
        { title: t("audit.actor"), dataIndex: "actorName", width: 120 },
        { title: t("audit.action"), dataIndex: "action", width: 200, render: (v: string) => <Tag>{v}</Tag> },
        {
          title: t("gasPipelines.changed"),
          key: "changed",
          render: (_: unknown, r) =>
            changedFields(r)
              .map((k) => t(FIELDS[k]))
              .join("、") || "—",
        },
      ]}
    />
  );
}
