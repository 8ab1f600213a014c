import { Tag } from "antd";
import { RISK_LEVEL_LABELS, type RiskLevel } from "@contracts/risk/risk";
import { useLabels } from "../../../i18n/labels";

const COLORS: Record<RiskLevel, string> = { low: "green", medium: "gold", high: "orange", critical: "red" };

/** A risk level as a coloured tag (低 green … 极高 red). */
export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const { label } = useLabels();
  return <Tag color={COLORS[level]}>{label(RISK_LEVEL_LABELS, level)}</Tag>;
}
