import { Tag } from "antd";
import { DANGER_LEVEL_LABELS, DANGEROUS_WORK_STATE_LABELS, type DangerLevel, type DangerousWorkState } from "@contracts/safety/dangerous-works";
import { INSPECTION_STATE_LABELS, type InspectionState } from "@contracts/safety/equipment";
import { useLabels } from "../../../i18n/labels";

const LEVEL_COLOR: Record<DangerLevel, string> = { none: "default", weida: "orange", chaoweida: "red" };

/** 危大 / 超危大 tag: orange and red, as on the bureau's printed lists. */
export function LevelTag({ level }: { level: DangerLevel }) {
  const { label } = useLabels();
  return <Tag color={LEVEL_COLOR[level]}>{label(DANGER_LEVEL_LABELS, level)}</Tag>;
}

/** Drafting and disclosure blue, reviews gold, on-site stages (notice, works) active blue, an emergency red. */
const STATE_COLOR: Partial<Record<DangerousWorkState, string>> = {
  enterprise_review: "gold",
  supervisor_review: "gold",
  expert_review: "purple",
  posted: "geekblue",
  in_progress: "processing",
  emergency: "error",
  acceptance: "cyan",
  accepted: "success",
  closed: "default",
};

export function WorkStateTag({ state }: { state: DangerousWorkState }) {
  const { label } = useLabels();
  return <Tag color={STATE_COLOR[state] ?? "blue"}>{label(DANGEROUS_WORK_STATE_LABELS, state)}</Tag>;
}

const INSPECTION_COLOR: Record<InspectionState, string> = { valid: "success", expiring: "warning", expired: "error", missing: "error" };

/** Inspection validity coloured: green valid, orange within 30 days, red expired or never inspected. */
export function InspectionTag({ state, validTo }: { state: InspectionState; validTo: string | null }) {
  const { label } = useLabels();
  return <Tag color={INSPECTION_COLOR[state]}>{validTo ? `${validTo} ${label(INSPECTION_STATE_LABELS, state)}` : label(INSPECTION_STATE_LABELS, state)}</Tag>;
}
