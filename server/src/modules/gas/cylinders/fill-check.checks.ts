import { fillReason, type FillReason, type FillRefusalCode } from "@contracts/gas/cylinder-check";
import type { CylinderStatus, CylinderType } from "@contracts/gas/cylinder-status";
import { fromStatusesOf } from "./cylinder.workflow.js";

/** What the judge needs of a cylinder: one indexed row, nothing joined. */
export interface JudgedCylinder {
  stationId: string;
  /** The owning gas company, when the caller knows it: another company's cylinder is judged `not_own` alone. */
  enterpriseId?: string;
  type: CylinderType | string;
  status: CylinderStatus | string;
  nextInspectionOn: string;
  scrapOn: string;
  lost: boolean;
  voided: boolean;
}

export interface JudgeOptions {
  /**
   * Skip the reasons that read the cylinder's CURRENT status (not_filed for `filed`, the inspection
   * statuses, not_fillable): a fill recorded after the fact is judged on its dates and permanent facts
   * only, because the cylinder has moved on since.
   */
  ignoreStatus?: boolean;
}

const FILLABLE: readonly string[] = fromStatusesOf("fill");
const AT_INSPECTION: readonly string[] = ["inspection_due", "at_inspection"] satisfies CylinderStatus[];
const FINISHED: readonly string[] = ["scrapped", "failed"] satisfies CylinderStatus[];

/**
 * The pre-fill interlock (domain-rules §7.1, canFill): every reason a cylinder may not be filled at a station
 * on `today` (YYYY-MM-DD, Asia/Shanghai), all at once and in a stable order. A missing cylinder is `not_filed`
 * alone (nothing else is known of it); another gas company's cylinder is `not_own` alone (its state is not the
 * station's business). The inspection and scrap dates are the first day the cylinder may no
 * longer be filled: refused on that day, as "today < nextInspectionDate" reads.
 */
export function judgeFill(cylinder: JudgedCylinder | null, station: { id: string; enterpriseId?: string }, today: string, opts: JudgeOptions = {}): FillReason[] {
  if (!cylinder) return [fillReason("not_filed")];
  // A station learns that another company's cylinder is not its own, never that cylinder's state.
  if (cylinder.enterpriseId !== undefined && station.enterpriseId !== undefined && cylinder.enterpriseId !== station.enterpriseId) return [fillReason("not_own")];
  const codes: FillRefusalCode[] = [];
  const status = opts.ignoreStatus ? null : cylinder.status;
  if (status === "filed") codes.push("not_filed");
  if (cylinder.stationId !== station.id) codes.push("not_own");
  if (cylinder.nextInspectionOn <= today || (status !== null && AT_INSPECTION.includes(status))) codes.push("inspection_overdue");
  if (cylinder.scrapOn <= today) codes.push("scrap_date_passed");
  if (cylinder.voided || (status !== null && FINISHED.includes(status))) codes.push("scrapped");
  if (cylinder.lost) codes.push("reported_lost");
  if (cylinder.type === "dual_phase") codes.push("dual_phase");
  // Only a status no other reason already explains: filled, out for delivery, with a customer.
  const explained = status === "filed" || AT_INSPECTION.includes(status ?? "") || FINISHED.includes(status ?? "");
  if (status !== null && !FILLABLE.includes(status) && !explained) codes.push("not_fillable");
  return codes.map(fillReason);
}

/** The reasons that make a cylinder unsafe to USE (the public scan): being with a customer or full is normal. */
const NOT_SAFETY: readonly FillRefusalCode[] = ["not_own", "not_fillable"];
export const safetyReasons = (reasons: FillReason[]): FillReason[] => reasons.filter((r) => !NOT_SAFETY.includes(r.code));
