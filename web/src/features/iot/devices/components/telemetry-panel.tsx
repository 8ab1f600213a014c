import { useMemo, useState } from "react";
import { Card, Empty, Flex, Segmented, Select, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceDto } from "@contracts/iot/devices";
import { EChart } from "../../../../charts/echart";
import { telemetryLineOption, thresholdLines } from "../../../../charts/iot-charts";
import { ListError } from "../../../../components/list-error";
import { useLabels } from "../../../../i18n/labels";
import { METRIC_LABELS, PERIOD_LABELS } from "@contracts/iot/labels";
import { metricsOf, metricUnit } from "../../metrics";
import { useRules } from "../../rules/api";
import { useTelemetry } from "../api";
import { RESOLUTIONS, resolutionAllowed, type Resolution } from "../telemetry-window";

const RANGES = { "1h": 3_600_000, "6h": 6 * 3_600_000, "24h": 24 * 3_600_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
type Range = keyof typeof RANGES;

/** 历史曲线: one metric over a chosen window, mean line with the min–max band and the rule thresholds. */
export function TelemetryPanel({ device }: { device: DeviceDto }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const metrics = metricsOf(device.type);
  const [metric, setMetric] = useState(metrics[0] ?? "");
  const [range, setRange] = useState<Range>("24h");
  const [chosen, setResolution] = useState<Resolution>("auto");
  // A resolution the window is too long for falls back to the server's choice.
  const resolution = resolutionAllowed(chosen, RANGES[range]) ? chosen : "auto";
  const series = useTelemetry(
    device.id,
    { metric, rangeMs: RANGES[range], resolution: resolution === "auto" ? undefined : resolution },
    { enabled: !!metric, refetchInterval: 60_000 },
  );
  const rules = useRules({ deviceType: device.type });
  const unit = series.data?.unit ?? metricUnit(device.type, metric);

  const option = useMemo(() => {
    const lines = thresholdLines(rules.data ?? [], metric, (p) => label(PERIOD_LABELS, p));
    const window = { from: series.dataUpdatedAt - RANGES[range], to: series.dataUpdatedAt };
    return telemetryLineOption([{ name: label(METRIC_LABELS, metric), points: series.data?.points ?? [], band: true }], lines, unit, window);
  }, [series.data, series.dataUpdatedAt, range, rules.data, metric, unit, lang]); // label() follows lang

  return (
    <Card
      size="small"
      title={t("device.telemetry")}
      extra={
        <Flex gap={8} wrap>
          <Select aria-label={t("device.metric")} style={{ width: 150 }} value={metric} onChange={setMetric} options={metrics.map((m) => ({ value: m, label: `${label(METRIC_LABELS, m)} (${metricUnit(device.type, m)})` }))} />
          <Segmented<Range> size="small" value={range} onChange={setRange} options={(Object.keys(RANGES) as Range[]).map((r) => ({ value: r, label: t(`device.range_${r}`) }))} />
          <Segmented<Resolution>
            size="small"
            value={resolution}
            onChange={setResolution}
            options={RESOLUTIONS.map((r) => ({ value: r, label: t(`device.res_${r}`), disabled: !resolutionAllowed(r, RANGES[range]) }))}
          />
        </Flex>
      }
    >
      <ListError error={series.error} />
      {series.isLoading ? (
        <Skeleton active />
      ) : series.data && series.data.points.length > 0 ? (
        <EChart option={option} ariaLabel={t("device.telemetry")} style={{ height: 300 }} />
      ) : (
        <Empty description={t("device.noTelemetry")} />
      )}
    </Card>
  );
}
