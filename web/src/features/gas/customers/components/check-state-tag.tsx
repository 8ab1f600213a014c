import { Tag } from "antd";
import { CHECK_STATE_LABELS, type CheckState } from "@contracts/gas/customer";
import { useLabels } from "../../../../i18n/labels";

const COLOR: Record<CheckState, string> = { overdue: "error", never: "warning", due_soon: "gold", ok: "success" };

export function CheckStateTag({ state }: { state: CheckState }) {
  const { label } = useLabels();
  return <Tag color={COLOR[state]}>{label(CHECK_STATE_LABELS, state)}</Tag>;
}
