import { CYLINDER_ACTION_LABELS, CYLINDER_STATUS_LABELS, type CylinderAction, type CylinderStatus } from "@contracts/gas/cylinder-status";

/**
 * The cylinder status machine (domain-rules §7.1), the one place that says which action may move a cylinder
 * from which status. Services call `cylinderTransition` and write the to-status together with a cylinder
 * event; anything not listed is refused with the reason stated.
 */
const TRANSITIONS: Record<CylinderAction, { from: readonly CylinderStatus[]; to: CylinderStatus }> = {
  // Filing completes when the tag is bound and the cylinder enters the station's stock; empties come back into stock.
  stock_in: { from: ["filed", "returned_empty"], to: "in_stock" },
  // An empty returned from a customer may go straight onto the scale.
  fill: { from: ["in_stock", "returned_empty"], to: "filled" },
  stock_out: { from: ["filled"], to: "dispatched" },
  deliver: { from: ["dispatched"], to: "in_use" },
  return_full: { from: ["dispatched"], to: "filled" },
  return_empty: { from: ["in_use", "dispatched"], to: "returned_empty" },
  // A full cylinder at a customer finishes its use first; the due mark applies once it is back.
  inspection_due: { from: ["filed", "in_stock", "returned_empty"], to: "inspection_due" },
  send_inspection: { from: ["inspection_due", "in_stock", "returned_empty", "filed"], to: "at_inspection" },
  pass_inspection: { from: ["at_inspection"], to: "in_stock" },
  fail_inspection: { from: ["at_inspection"], to: "failed" },
  // A cylinder with a customer is collected (return_empty) before it can be scrapped.
  scrap: { from: ["filed", "in_stock", "returned_empty", "inspection_due", "at_inspection", "failed"], to: "scrapped" },
};

export type TransitionResult = { ok: true; to: CylinderStatus } | { ok: false; reason: string };

/** The status an action leads to from `from`, or why it may not happen. */
export function cylinderTransition(from: CylinderStatus, action: CylinderAction): TransitionResult {
  const t = TRANSITIONS[action];
  if (t.from.includes(from)) return { ok: true, to: t.to };
  const [s, a] = [CYLINDER_STATUS_LABELS[from], CYLINDER_ACTION_LABELS[action]];
  return { ok: false, reason: `钢瓶状态为「${s.zh}」，不能「${a.zh}」 (a cylinder ${s.en.toLowerCase()} cannot be: ${a.en.toLowerCase()})` };
}

/** The statuses an action may start from (for guarded batch UPDATEs: `where status = any(...)`). */
export function fromStatusesOf(action: CylinderAction): readonly CylinderStatus[] {
  return TRANSITIONS[action].from;
}
