import { useState } from "react";
import { Button, Grid, Space, Tag, Tooltip, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NATIONAL_REGION, type RuleVersionDto, type ThresholdList } from "@contracts/platform/rules";
import { api, type QueryParams } from "../../../../api/client";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { thresholdQuery, thresholdsKey, useThresholds } from "../api";
import { ThresholdFileModal } from "../components/threshold-file-modal";
import { ThresholdHistoryDrawer } from "../components/threshold-history-drawer";
import { THRESHOLD_LABELS } from "../threshold-labels";
import { ThresholdValueCell } from "../components/threshold-value-cell";

/** The rows for the list's params (rule, region, current or every version). */
const useThresholdRows = (query: QueryParams) => {
  const q = thresholdQuery(query);
  return useQuery({ queryKey: thresholdsKey(q), queryFn: () => api<ThresholdList>("/thresholds", { query: { ...q } }), select: (d) => d.items, staleTime: 60_000 });
};

/**
 * 阈值规则: the thresholds every module judges by, by version. The current versions by default (the one that
 * judges the city tagged 现行), every version on demand, each rule's history in a drawer, and — for those who
 * may — a form to file the city's own version from a day. Beside 告警规则, the device alarm rules, which
 * share the vocabulary (regions, effective dating).
 */
export default function ThresholdListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const manage = can("rules.manage");
  // The current versions, unfiltered: the rule names for the filter and the form, and the city's code.
  const current = useThresholds({ versions: "current" });
  const cityRegion = current.data?.cityRegion ?? "";
  const [filing, setFiling] = useState<{ base: RuleVersionDto | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<RuleVersionDto | null>(null);

  const ruleLabel = (r: Pick<RuleVersionDto, "code" | "name">) => (THRESHOLD_LABELS[r.code] ? label(THRESHOLD_LABELS, r.code) : r.name);
  const regionName = (r: string) => (r === NATIONAL_REGION ? t("threshold.national") : t("threshold.city", { code: r }));
  // Columns stay fixed at the sides only where the middle ones keep room to scroll (not on a phone).
  const wide = Grid.useBreakpoint().md !== false;
  // One entry per rule: the version that judges the city, else the first current one (a copy: the cached rows keep their order).
  const rules = [...new Map([...(current.data?.items ?? [])].sort((a, b) => Number(b.inForce) - Number(a.inForce)).map((r) => [r.code, r])).values()].sort((a, b) => a.code.localeCompare(b.code));

  return (
    <ListPage<RuleVersionDto>
      title={t("threshold.title")}
      create={manage && !!cityRegion && { label: t("threshold.file"), onClick: () => setFiling({ base: null }), inHeader: true }}
      search={false}
      useRows={useThresholdRows}
      before={
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t("threshold.intro")} <Link to="/iot/rules">{t("threshold.deviceRules")}</Link>
        </Typography.Paragraph>
      }
      filters={[
        { kind: "select", key: "code", label: t("threshold.rule"), placeholder: t("threshold.anyRule"), search: true, width: 260, options: rules.map((r) => ({ value: r.code, label: ruleLabel(r) })) },
        !!cityRegion && { kind: "select", key: "region", label: t("threshold.region"), placeholder: t("threshold.anyRegion"), width: 160, options: [cityRegion, NATIONAL_REGION].map((r) => ({ value: r, label: regionName(r) })) },
        {
          kind: "segmented",
          key: "versions",
          fallback: "current",
          options: [
            { value: "current", label: t("threshold.versionsCurrent") },
            { value: "all", label: t("threshold.versionsAll") },
          ],
        },
      ]}
      emptyText={t("threshold.empty")}
      columns={[
        {
          title: t("threshold.rule"),
          key: "rule",
          width: 260,
          fixed: wide ? "left" : undefined,
          render: (_: unknown, r) => (
            <div>
              <div>{ruleLabel(r)}</div>
              <Typography.Text type="secondary" className="sc-mono">
                {r.code}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t("threshold.value"),
          dataIndex: "value",
          width: 280,
          ellipsis: { showTitle: false },
          render: (v: unknown) => <ThresholdValueCell value={v} />,
        },
        {
          title: t("threshold.region"),
          dataIndex: "region",
          width: 130,
          render: (v: string, r) => (
            <Space size={4} wrap>
              {regionName(v)}
              {r.inForce && <Tag color="green">{t("threshold.inForce")}</Tag>}
            </Space>
          ),
        },
        { title: t("threshold.version"), dataIndex: "version", width: 70, render: (v: number) => `v${v}` },
        { title: t("threshold.effective"), key: "effective", width: 200, render: (_: unknown, r) => `${r.effectiveFrom} ~ ${r.effectiveTo ?? t("threshold.openEnded")}` },
        {
          title: t("threshold.source"),
          dataIndex: "source",
          width: 260,
          ellipsis: { showTitle: false },
          render: (v: string) => (
            <Tooltip title={v}>
              <Typography.Text type="secondary">{v}</Typography.Text>
            </Tooltip>
          ),
        },
        {
          title: t("common.actions"),
          key: "actions",
          width: manage ? 170 : 90,
          fixed: wide ? "right" : undefined,
          render: (_: unknown, r) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setHistoryOf(r)}>
                {t("threshold.history")}
              </Button>
              {manage && !!cityRegion && (
                <Button type="link" size="small" onClick={() => setFiling({ base: r })}>
                  {t("threshold.file")}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    >
      {manage && !!cityRegion && (
        <ThresholdFileModal
          open={!!filing}
          base={filing?.base ?? null}
          cityRegion={cityRegion}
          rules={rules.map((r) => ({ code: r.code, label: ruleLabel(r), value: r.value }))}
          onClose={() => setFiling(null)}
        />
      )}
      <ThresholdHistoryDrawer rule={historyOf} title={historyOf ? ruleLabel(historyOf) : ""} onClose={() => setHistoryOf(null)} />
    </ListPage>
  );
}
