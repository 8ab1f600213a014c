import { Drawer, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RuleDto } from "@contracts/iot/rules";
import { formatDateTime, orDash } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { useLabels } from "../../../../i18n/labels";
import { AGGREGATION_LABELS, PERIOD_LABELS } from "@contracts/iot/labels";
import { useRules } from "../api";
import { formatWindow } from "../rule-form";
import { LevelsTags } from "./levels-tags";

/** 版本历史: every version of one rule code (all regions), newest first, with when each was in force. */
export function RuleVersionsDrawer({ rule, onClose }: { rule: RuleDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const versions = useRules({ versions: "all", code: rule?.code }, { enabled: !!rule });
  const rows = [...(versions.data ?? [])].sort((a, b) => a.region.localeCompare(b.region) || b.version - a.version);
  const now = Date.now();
  const inForce = (r: RuleDto) => Date.parse(r.effectiveFrom) <= now && (!r.effectiveTo || Date.parse(r.effectiveTo) > now);

  return (
    <Drawer open={!!rule} onClose={onClose} size={980} title={rule ? t("rule.versionsOf", { name: rule.name }) : ""} destroyOnHidden>
      <ListError error={versions.error} />
      <Table<RuleDto>
        rowKey="id"
        size="small"
        loading={versions.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1320 }}
        columns={[
          { title: t("rule.version"), dataIndex: "version", width: 100, render: (v: number, r) => <span style={{ whiteSpace: "nowrap" }}>v{v} {inForce(r) && <Tag color="green">{t("rule.current")}</Tag>}</span> },
          { title: t("rule.region"), dataIndex: "region", width: 80, render: (v: string) => (v === "*" ? t("rule.national") : v) },
          { title: t("rule.levels"), key: "levels", width: 240, render: (_: unknown, r) => <LevelsTags rule={r} /> },
          { title: t("rule.aggregation"), key: "agg", width: 140, render: (_: unknown, r) => (r.kind === "offline" ? "—" : `${label(AGGREGATION_LABELS, r.aggregation)} ${r.aggregation === "last" ? "" : formatWindow(r.windowS)}`) },
          { title: t("rule.hysteresis"), dataIndex: "hysteresis", width: 70, align: "right" },
          { title: t("rule.period"), dataIndex: "period", width: 100, render: (v: string) => label(PERIOD_LABELS, v) },
          { title: t("rule.effectiveFrom"), dataIndex: "effectiveFrom", width: 140, render: formatDateTime },
          { title: t("rule.effectiveTo"), dataIndex: "effectiveTo", width: 140, render: formatDateTime },
          { title: t("rule.createdBy"), dataIndex: "createdBy", width: 90, render: orDash },
          { title: t("rule.source"), dataIndex: "source", width: 220, ellipsis: { showTitle: true }, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        ]}
      />
    </Drawer>
  );
}
