import { useMemo, useState } from "react";
import { Button, Space, Tag, Tooltip, Typography } from "antd";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DEVICE_TYPES, type DeviceType } from "@contracts/iot/devices";
import type { RuleDto } from "@contracts/iot/rules";
import type { QueryParams } from "../../../../api/client";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { AGGREGATION_LABELS, DEVICE_TYPE_LABELS, METRIC_LABELS, PERIOD_LABELS } from "@contracts/iot/labels";
import { metricUnit } from "../../metrics";
import { useRules } from "../api";
import { LevelsTags } from "../components/levels-tags";
import { RuleFormDrawer } from "../components/rule-form-drawer";
import { RuleVersionsDrawer } from "../components/rule-versions-drawer";
import { formatWindow } from "../rule-form";

const ALL = "all";

/** The rules of the chosen device type (all when none), in device-type, code, region order. */
function useRuleRows(query: QueryParams) {
  const deviceType = DEVICE_TYPES.includes(query.deviceType as DeviceType) ? (query.deviceType as DeviceType) : undefined;
  const rules = useRules({ deviceType });
  const data = useMemo(() => rules.data && [...rules.data].sort((a, b) => DEVICE_TYPES.indexOf(a.deviceType) - DEVICE_TYPES.indexOf(b.deviceType) || a.code.localeCompare(b.code) || a.region.localeCompare(b.region)), [rules.data]);
  return { ...rules, data } as UseQueryResult<RuleDto[]>;
}

/**
 * 告警规则: the rules in force per device type. Thresholds are data — a change is a new version with an
 * effective date and a source, never an edit of the one in force; every version stays readable.
 */
export default function RuleListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const [editing, setEditing] = useState<{ base: RuleDto | null } | null>(null);
  const [versionsOf, setVersionsOf] = useState<RuleDto | null>(null);
  const manage = can("iot.rule.manage");

  return (
    <ListPage<RuleDto>
      title={t("menu.iotRules")}
      headerActions={<Link to="/thresholds">{t("rule.thresholdsLink")}</Link>}
      permission="iot.read"
      create={manage && { label: t("rule.createTitle"), onClick: () => setEditing({ base: null }), inHeader: true }}
      search={false}
      useRows={useRuleRows}
      filters={[{ kind: "segmented", key: "deviceType", fallback: ALL, options: [{ value: ALL, label: t("common.all") }, ...DEVICE_TYPES.map((d) => ({ value: d, label: label(DEVICE_TYPE_LABELS, d) }))] }]}
      emptyText={t("rule.empty")}
      columns={[
        {
          title: t("rule.name"),
          dataIndex: "name",
          width: 230,
          fixed: "left",
          render: (v: string, r) => (
            <div>
              <div>
                {v} {!r.enabled && <Tag>{t("rule.disabled")}</Tag>}
              </div>
              <Typography.Text type="secondary" className="sc-mono">
                {r.code}
              </Typography.Text>
            </div>
          ),
        },
        { title: t("device.type"), dataIndex: "deviceType", width: 120, render: (v: string) => label(DEVICE_TYPE_LABELS, v) },
        {
          title: t("rule.metric"),
          dataIndex: "metric",
          width: 150,
          render: (v: string | null, r) => (r.kind === "offline" ? <Tag>{t("rule.kindOffline")}</Tag> : v ? `${label(METRIC_LABELS, v)}${metricUnit(r.deviceType, v) ? ` (${metricUnit(r.deviceType, v)})` : ""}` : "—"),
        },
        { title: t("rule.aggregation"), key: "agg", width: 150, render: (_: unknown, r) => (r.kind === "offline" ? "—" : `${label(AGGREGATION_LABELS, r.aggregation)} ${r.aggregation === "last" ? "" : formatWindow(r.windowS)}`) },
        { title: t("rule.levels"), key: "levels", width: 270, render: (_: unknown, r) => <LevelsTags rule={r} /> },
        { title: t("rule.hysteresis"), dataIndex: "hysteresis", width: 70, align: "right", render: (v: number, r) => (r.kind === "offline" ? "—" : v) },
        { title: t("rule.period"), dataIndex: "period", width: 100, render: (v: string) => label(PERIOD_LABELS, v) },
        { title: t("rule.action"), dataIndex: "action", width: 90, render: (v: string | null) => (v === "spray" ? <Tag color="cyan">{t("rule.actionSpray")}</Tag> : "—") },
        { title: t("rule.region"), dataIndex: "region", width: 80, render: (v: string) => (v === "*" ? t("rule.national") : v) },
        {
          title: t("rule.source"),
          dataIndex: "source",
          width: 220,
          ellipsis: { showTitle: false },
          render: (v: string) => (
            <Tooltip title={v}>
              <Typography.Text type="secondary">{v}</Typography.Text>
            </Tooltip>
          ),
        },
        { title: t("rule.version"), dataIndex: "version", width: 60, render: (v: number) => `v${v}` },
        { title: t("rule.effectiveFrom"), dataIndex: "effectiveFrom", width: 140, render: formatDateTime },
        {
          title: t("common.actions"),
          key: "actions",
          width: manage ? 150 : 90,
          fixed: "right",
          render: (_: unknown, r) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setVersionsOf(r)}>
                {t("rule.versions")}
              </Button>
              {manage && (
                <Button type="link" size="small" onClick={() => setEditing({ base: r })}>
                  {t("rule.newVersion")}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    >
      <RuleFormDrawer open={!!editing} base={editing?.base ?? null} onClose={() => setEditing(null)} />
      <RuleVersionsDrawer rule={versionsOf} onClose={() => setVersionsOf(null)} />
    </ListPage>
  );
}
