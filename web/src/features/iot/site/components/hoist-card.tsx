import { Card, Col, Flex, Row, Statistic, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceDto } from "@contracts/iot/devices";
import type { RuleDto } from "@contracts/iot/rules";
import { useLabels } from "../../../../i18n/labels";
import { formatValue } from "../../iot-format";
import { METRIC_LABELS } from "@contracts/iot/labels";
import { DeviceCardTitle } from "./device-card-title";
import { Gauge } from "./gauge";
import { gaugeLevels, gaugeMax } from "../site-thresholds";

const small = { content: { fontSize: 16 }, title: { fontSize: 12 } };

/** 升降机: load as % of rated (90/100 bands), floor, people on board, speed, and whether the door is open. */
export function HoistCard({ device, values, rules }: { device: DeviceDto; values: Record<string, number | undefined>; rules: RuleDto[] | undefined }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const m = (k: string) => label(METRIC_LABELS, k);
  const levels = gaugeLevels(rules, "load_pct");
  const pct = values.load_kg != null && values.rated_load_kg ? (values.load_kg / values.rated_load_kg) * 100 : undefined;
  const door = values.door_open;
  const moving = Math.abs(values.speed_ms ?? 0) > 0.05;
  return (
    <Card size="small" title={<DeviceCardTitle device={device} />}>
      <Row gutter={8} align="middle">
        <Col span={10}>
          <Gauge title={m("load_pct")} value={pct} levels={levels} max={gaugeMax(levels, pct, 100)} unit="%" />
        </Col>
        <Col span={14}>
          <Flex wrap gap={16}>
            <Statistic title={m("load_kg")} value={formatValue(values.load_kg, 0)} suffix={values.rated_load_kg ? `/ ${formatValue(values.rated_load_kg, 0)} kg` : "kg"} styles={small} />
            <Statistic title={m("floor")} value={formatValue(values.floor, 0)} suffix={t("site.floorUnit")} styles={small} />
            <Statistic title={m("people")} value={formatValue(values.people, 0)} suffix={t("site.peopleUnit")} styles={small} />
            <Statistic title={m("speed_ms")} value={formatValue(values.speed_ms, 2)} suffix="m/s" styles={small} />
            <Statistic
              title={m("door_open")}
              valueRender={() =>
                door == null ? "—" : door ? <Tag color={moving ? "red" : "orange"}>{moving ? t("site.doorOpenMoving") : t("site.doorOpen")}</Tag> : <Tag color="green">{t("site.doorClosed")}</Tag>
              }
              styles={small}
            />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
