import { useMemo } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceDto } from "@contracts/iot/devices";
import type { RuleDto } from "@contracts/iot/rules";
import { EChart } from "../../../../charts/echart";
import { stitchRollups, telemetryLineOption, thresholdLines } from "../../../../charts/iot-charts";
import { useLabels } from "../../../../i18n/labels";
import { useTelemetry } from "../../devices/api";
import { formatValue } from "../../iot-format";
import { METRIC_LABELS, PERIOD_LABELS } from "@contracts/iot/labels";
import { metricUnit } from "../../metrics";
import { DeviceCardTitle } from "./device-card-title";

const DAY = 24 * 3_600_000;

/**
 * A metric's last 24 h: 1-minute rollups, completed by hourly ones where minutes are missing (a site
 * whose history was loaded as hourly rollups). Minutes refresh every minute, hours every ten.
 */
function useDay(deviceId: string, metric: string) {
  const minutes = useTelemetry(deviceId, { metric, rangeMs: DAY, resolution: "1m" }, { refetchInterval: 60_000 });
  const hours = useTelemetry(deviceId, { metric, rangeMs: DAY, resolution: "1h" }, { refetchInterval: 600_000 });
  const points = useMemo(() => stitchRollups(hours.data?.points ?? [], minutes.data?.points ?? []), [hours.data, minutes.data]);
  return { points, isLoading: minutes.isLoading || hours.isLoading, dataUpdatedAt: minutes.dataUpdatedAt || hours.dataUpdatedAt };
}
const STRIP = ["pm25", "pm10", "tsp", "noise_db", "temp_c", "humidity_pct", "wind_ms"] as const;

/**
 * 扬尘噪声: the current readings, then 24 h of PM10/PM2.5 and of noise (1-minute rollups; noise as Leq)
 * with the thresholds of the rules in force drawn as lines — day and night limits both for noise.
 */
export function EnvCard({ device, values, rules }: { device: DeviceDto; values: Record<string, number | undefined>; rules: RuleDto[] | undefined }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const pm10 = useDay(device.id, "pm10");
  const pm25 = useDay(device.id, "pm25");
  const noise = useDay(device.id, "noise_db");

  const dust = useMemo(() => {
    const period = (p: string) => label(PERIOD_LABELS, p);
    const lines = [
      ...thresholdLines(rules ?? [], "pm10", period).map((l) => ({ ...l, label: `PM10 ${l.label}`.trim() })),
      ...thresholdLines(rules ?? [], "pm25", period).map((l) => ({ ...l, label: `PM2.5 ${l.label}`.trim() })),
    ];
    return telemetryLineOption(
      [
        { name: "PM10", points: pm10.points, color: "#1557b0" },
        { name: "PM2.5", points: pm25.points, color: "#13c2c2" },
      ],
      lines,
      "µg/m³",
      { from: pm10.dataUpdatedAt - DAY, to: pm10.dataUpdatedAt },
    );
  }, [pm10.points, pm25.points, pm10.dataUpdatedAt, rules, lang]); // label() follows lang

  const sound = useMemo(
    () =>
      telemetryLineOption(
        [{ name: label(METRIC_LABELS, "noise_db"), points: noise.points, color: "#722ed1" }],
        thresholdLines(rules ?? [], "noise_db", (p) => label(PERIOD_LABELS, p)),
        "dB(A)",
        { from: noise.dataUpdatedAt - DAY, to: noise.dataUpdatedAt },
      ),
    [noise.points, noise.dataUpdatedAt, rules, lang], // label() follows lang
  );

  const chart = (loading: boolean, empty: boolean, option: EChartsCoreOption, title: string) =>
    loading ? <Skeleton active /> : empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("device.noTelemetry")} /> : <EChart option={option} ariaLabel={title} style={{ height: 220 }} />;

  return (
    <Card size="small" title={<DeviceCardTitle device={device} />}>
      <Flex wrap gap={28} style={{ padding: "0 8px 8px" }}>
        {STRIP.map((k) => (
          <Statistic key={k} title={label(METRIC_LABELS, k)} value={formatValue(values[k])} suffix={metricUnit("env_monitor", k)} styles={{ content: { fontSize: 18 }, title: { fontSize: 12 } }} />
        ))}
      </Flex>
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <div style={{ fontSize: 12, color: "#595959", margin: "4px 8px" }}>{t("site.dust24h")}</div>
          {chart(pm10.isLoading || pm25.isLoading, !pm10.points.length && !pm25.points.length, dust, t("site.dust24h"))}
        </Col>
        <Col xs={24} xl={12}>
          <div style={{ fontSize: 12, color: "#595959", margin: "4px 8px" }}>{t("site.noise24h")}</div>
          {chart(noise.isLoading, !noise.points.length, sound, t("site.noise24h"))}
        </Col>
      </Row>
    </Card>
  );
}
