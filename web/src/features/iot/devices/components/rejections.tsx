import { Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceDto } from "@contracts/iot/devices";
import { formatDateTime } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { REJECT_REASON_LABELS } from "@contracts/iot/labels";
import { rejectionRows } from "../rejections";

/** The list's 拒收 column: the total, with the reasons and the last one in a tooltip. */
export function RejectedCount({ device }: { device: DeviceDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  if (!device.rejectedCount) return <Typography.Text type="secondary">0</Typography.Text>;
  const rows = rejectionRows(device.rejections);
  return (
    <Tooltip
      title={
        <div>
          {rows.map((r) => (
            <div key={r.reason}>
              {label(REJECT_REASON_LABELS, r.reason)}: {r.count}
            </div>
          ))}
          {device.lastRejectedAt && (
            <div style={{ marginTop: 4, opacity: 0.8 }}>
              {t("device.lastRejected")}: {formatDateTime(device.lastRejectedAt)} {label(REJECT_REASON_LABELS, device.lastRejectedReason)}
            </div>
          )}
        </div>
      }
    >
      <Typography.Text type="danger" style={{ cursor: "help", textDecoration: "underline dotted" }}>
        {device.rejectedCount}
      </Typography.Text>
    </Tooltip>
  );
}
