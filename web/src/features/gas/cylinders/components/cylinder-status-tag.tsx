import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { CYLINDER_STATUS_LABELS } from "@contracts/gas/cylinder-status";
import { useLabels } from "../../../../i18n/labels";

const COLOR: Record<string, string> = { in_stock: "blue", filled: "green", dispatched: "cyan", in_use: "geekblue", inspection_due: "orange", at_inspection: "gold", failed: "red", scrapped: "default" };

/** The status with the flags beside it (lost, overdue), as one small group of tags. */
export function CylinderStatusTag({ cylinder }: { cylinder: { status: string; lost: boolean; overdue: boolean } }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <Space size={2} wrap>
      <Tag color={COLOR[cylinder.status]}>{label(CYLINDER_STATUS_LABELS, cylinder.status)}</Tag>
      {cylinder.lost && <Tag color="error">{t("gasCyl.lost")}</Tag>}
      {cylinder.overdue && cylinder.status !== "scrapped" && <Tag color="warning">{t("gasCyl.overdue")}</Tag>}
    </Space>
  );
}
