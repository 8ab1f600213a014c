import { Card, Col, Flex, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceDto } from "@contracts/iot/devices";
import type { RuleDto } from "@contracts/iot/rules";
import { useLabels } from "../../../../i18n/labels";
import { formatValue } from "../../iot-format";
import { METRIC_LABELS } from "@contracts/iot/labels";
import { DeviceCardTitle } from "./device-card-title";
import { Gauge } from "./gauge";
import { gaugeLevels, gaugeMax, scaleLevels } from "../site-thresholds";

/**
 * 塔机: moment % banded 90/100/110 (or the rule in force), load against the rated load of the current
 * radius, radius, and wind with the 10.8 m/s (6 级) stop-lifting band; height, slew and tilt below.
 */
export function CraneCard({ device, values, rules }: { device: DeviceDto; values: Record<string, number | undefined>; rules: RuleDto[] | undefined }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const m = (k: string) => label(METRIC_LABELS, k);
  const moment = gaugeLevels(rules, "moment_pct");
  const wind = gaugeLevels(rules, "wind_ms");
  const rated = values.rated_load_t;
  const load = rated ? scaleLevels(gaugeLevels(rules, "load_pct"), rated) : [];
  return (
    <Card size="small" title={<DeviceCardTitle device={device} />}>
      <Row gutter={4}>
        <Col span={6}>
          <Gauge title={m("moment_pct")} value={values.moment_pct} levels={moment} max={gaugeMax(moment, values.moment_pct, 100)} unit="%" />
        </Col>
        <Col span={6}>
          <Gauge title={rated ? `${m("load_t")} / ${formatValue(rated)} t` : m("load_t")} value={values.load_t} levels={load} max={gaugeMax(load, values.load_t, rated ?? 10)} unit="t" digits={2} />
        </Col>
        <Col span={6}>
          <Gauge title={m("radius_m")} value={values.radius_m} levels={[]} max={gaugeMax([], values.radius_m, 60)} unit="m" />
        </Col>
        <Col span={6}>
          <Gauge title={m("wind_ms")} value={values.wind_ms} levels={wind} max={gaugeMax(wind, values.wind_ms, 15)} unit="m/s" />
        </Col>
      </Row>
      <Flex gap={24} wrap style={{ padding: "4px 8px 0" }}>
        <Statistic title={m("height_m")} value={formatValue(values.height_m)} suffix="m" styles={{ content: { fontSize: 15 }, title: { fontSize: 12 } }} />
        <Statistic title={m("slew_deg")} value={formatValue(values.slew_deg)} suffix="°" styles={{ content: { fontSize: 15 }, title: { fontSize: 12 } }} />
        <Statistic title={m("tilt_deg")} value={formatValue(values.tilt_deg, 2)} suffix="°" styles={{ content: { fontSize: 15 }, title: { fontSize: 12 } }} />
        {device.equipmentRef && <Statistic title={t("device.equipmentRef")} value={device.equipmentRef} styles={{ content: { fontSize: 13 }, title: { fontSize: 12 } }} />}
      </Flex>
    </Card>
  );
}
