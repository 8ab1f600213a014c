import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceType, LatestValueDto } from "@contracts/iot/devices";
import { formatDateTime } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { formatValue } from "../../iot-format";
import { METRIC_LABELS } from "@contracts/iot/labels";
import { isBinaryMetric, metricsOf } from "../../metrics";

/** 最新数据: one row per metric in the type's order, switches read as on/off. */
export function LatestValues({ type, values, loading }: { type: DeviceType; values: LatestValueDto[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const order = metricsOf(type);
  const rows = [...(values ?? [])].sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric));
  return (
    <Table<LatestValueDto>
      rowKey="metric"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t("device.noLatest") }}
      columns={[
        { title: t("device.metric"), dataIndex: "metric", render: (m: string) => <span>{label(METRIC_LABELS, m)} <Typography.Text type="secondary" className="sc-mono">{m}</Typography.Text></span> },
        {
          title: t("device.value"),
          dataIndex: "value",
          align: "right",
          render: (v: number, r) =>
            isBinaryMetric(type, r.metric) ? <Tag color={v ? "processing" : "default"}>{v ? t("device.on") : t("device.off")}</Tag> : <b>{formatValue(v, 2)}</b>,
        },
        { title: t("device.unit"), dataIndex: "unit", width: 80, render: (u: string, r) => (isBinaryMetric(type, r.metric) ? "" : u) },
        { title: t("device.ts"), dataIndex: "ts", width: 150, render: formatDateTime },
      ]}
    />
  );
}
