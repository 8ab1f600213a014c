import { Card, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { REJECT_REASONS, type DeviceDto } from "@contracts/iot/devices";
import { formatDateTime } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { REJECT_REASON_LABELS } from "@contracts/iot/labels";

/** 拒收报文: every reason a message can be refused for, with this device's count; the last refusal below. */
export function RejectionsCard({ device }: { device: DeviceDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <Card size="small" title={`${t("device.rejections")} (${device.rejectedCount})`}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={REJECT_REASONS.map((r) => {
          const n = device.rejections[r] ?? 0;
          return { key: r, label: label(REJECT_REASON_LABELS, r), children: n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text> };
        })}
      />
      {device.lastRejectedAt && (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
          {t("device.lastRejected")}: {formatDateTime(device.lastRejectedAt)} · {label(REJECT_REASON_LABELS, device.lastRejectedReason)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
