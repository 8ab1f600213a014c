import { describe, expect, it } from "vitest";
import { CYLINDER_ACTIONS, CYLINDER_STATUSES, type CylinderAction, type CylinderStatus } from "@contracts/gas/cylinder-status";
import { cylinderTransition, fromStatusesOf } from "./cylinder.workflow.js";

/** The whole machine, written out independently of the table: action → (from → to). */
const EXPECTED: Record<CylinderAction, Partial<Record<CylinderStatus, CylinderStatus>>> = {
  stock_in: { filed: "in_stock", returned_empty: "in_stock" },
  fill: { in_stock: "filled", returned_empty: "filled" },
  stock_out: { filled: "dispatched" },
  deliver: { dispatched: "in_use" },
  return_full: { dispatched: "filled" },
  return_empty: { in_use: "returned_empty", dispatched: "returned_empty" },
  inspection_due: { filed: "inspection_due", in_stock: "inspection_due", returned_empty: "inspection_due" },
  send_inspection: { inspection_due: "at_inspection", in_stock: "at_inspection", returned_empty: "at_inspection", filed: "at_inspection" },
  pass_inspection: { at_inspection: "in_stock" },
  fail_inspection: { at_inspection: "failed" },
  scrap: { filed: "scrapped", in_stock: "scrapped", returned_empty: "scrapped", inspection_due: "scrapped", at_inspection: "scrapped", failed: "scrapped" },
};

describe("cylinderTransition", () => {
  for (const action of CYLINDER_ACTIONS) {
    for (const from of CYLINDER_STATUSES) {
      const to = EXPECTED[action][from];
      it(`${action} from ${from} → ${to ?? "refused"}`, () => {
        const r = cylinderTransition(from, action);
        if (to) expect(r).toEqual({ ok: true, to });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(/钢瓶状态为「.+」，不能「.+」 \(a cylinder .+ cannot be: .+\)/);
        }
      });
    }
  }

  it("lets nothing leave scrapped", () => {
    for (const action of CYLINDER_ACTIONS) expect(cylinderTransition("scrapped", action).ok).toBe(false);
  });

  it("gives the from-statuses of every action for guarded batch updates", () => {
    for (const action of CYLINDER_ACTIONS) expect([...fromStatusesOf(action)].sort()).toEqual(Object.keys(EXPECTED[action]).sort());
  });
});
