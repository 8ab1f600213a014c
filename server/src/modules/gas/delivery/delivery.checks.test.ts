import { describe, expect, it } from "vitest";
import { planDeliveries, stepKey, type PlanFacts, type PlanRecord } from "./delivery.checks.js";

const base = new Date("2026-06-01T02:00:00Z").getTime();
const rec = (index: number, step: PlanRecord["step"], min: number, over: Partial<PlanRecord> = {}): PlanRecord => ({
  index,
  cylinderCode: "CY1",
  step,
  at: new Date(base + min * 60_000),
  stationCode: step === "stock_out" ? "ST1" : null,
  staffIdNumber: step === "stock_out" || step === "delivered" ? "ID-OK" : null,
  customerCode: step === "delivered" ? "U1" : null,
  lat: null,
  lng: null,
  ...over,
});

const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  enterpriseId: "e1",
  cylinders: new Map([["CY1", { id: "c1", status: "filled", stationId: "s1", customerId: null, voided: false }]]),
  existing: new Set(),
  lastAt: new Map(),
  stations: new Map([["ST1", { id: "s1", enterpriseId: "e1" }], ["ST2", { id: "s2", enterpriseId: "e2" }]]),
  customers: new Map([["U1", { id: "u1", active: true }], ["U2", { id: "u2", active: false }]]),
  staff: new Map([["ID-OK", { staffId: "p1", role: "delivery", active: true, certificateValidTo: "2099-01-01" }], ["ID-OLD", { staffId: "p2", role: "delivery", active: true, certificateValidTo: "2020-01-01" }]]),
  ...over,
});

describe("planDeliveries", () => {
  it("walks a whole round through the status machine, in time order whatever the input order", () => {
    const plan = planDeliveries([rec(2, "returned", 60), rec(0, "stock_out", 0), rec(1, "delivered", 30)], facts());
    expect(plan.issues).toEqual([]);
    expect(plan.steps.map((s) => [s.record.step, s.from, s.to])).toEqual([
      ["stock_out", "filled", "dispatched"],
      ["delivered", "dispatched", "in_use"],
      ["returned", "in_use", "returned_empty"],
    ]);
    // The return collects from the holder even when the scan names no customer.
    expect(plan.steps[2].customerId).toBe("u1");
    expect(plan.finals.get("c1")).toMatchObject({ status: "returned_empty", customerId: null });
    expect(plan.anomalies).toEqual([]);
  });

  it("lists every bad row: wrong status, unknown cylinder, foreign station, older than the last step", () => {
    const plan = planDeliveries(
      [rec(0, "delivered", 0), rec(1, "stock_out", 1, { cylinderCode: "NOPE" }), rec(2, "stock_out", 2, { stationCode: "ST2" })],
      facts({ lastAt: new Map() }),
    );
    expect(plan.issues.map((i) => [i.index, i.field])).toEqual([
      [0, "step"],
      [1, "cylinderCode"],
      [2, "stationCode"],
    ]);
    const late = planDeliveries([rec(0, "stock_out", 0)], facts({ lastAt: new Map([["c1", new Date(base + 60_000)]]) }));
    expect(late.issues.map((i) => i.field)).toEqual(["at"]);
  });

  it("refuses a second delivery without a return in between (the machine has no in_use → in_use)", () => {
    const plan = planDeliveries([rec(0, "stock_out", 0), rec(1, "delivered", 10), rec(2, "delivered", 20, { customerCode: "U1" })], facts());
    expect(plan.issues.map((i) => [i.index, i.field])).toEqual([[2, "step"]]);
  });

  it("skips steps already on file or repeated in the batch (idempotent on cylinder, step, at)", () => {
    const first = rec(0, "stock_out", 0);
    const plan = planDeliveries([first, { ...first, index: 1 }], facts({ existing: new Set([stepKey("c1", "stock_out", first.at)]) }));
    expect(plan).toMatchObject({ issues: [], steps: [], duplicates: 2 });
    const repeated = planDeliveries([first, { ...first, index: 1 }], facts());
    expect(repeated.steps).toHaveLength(1);
    expect(repeated.duplicates).toBe(1);
  });

  it("accepts but flags an unknown or closed customer and an uncertified person", () => {
    const plan = planDeliveries([rec(0, "stock_out", 0, { staffIdNumber: "ID-OLD" }), rec(1, "delivered", 10, { customerCode: "U9", staffIdNumber: "ID-NONE" })], facts());
    expect(plan.issues).toEqual([]);
    expect(plan.steps[1].customerId).toBeNull();
    expect(plan.anomalies.map((a) => [a.kind, a.detail.reason])).toEqual([
      ["uncertified_staff", "certificate_expired"],
      ["uncertified_staff", "not_staff"],
      ["unregistered_customer", "not_on_file"],
    ]);
    const closed = planDeliveries([rec(0, "stock_out", 0), rec(1, "delivered", 10, { customerCode: "U2" })], facts());
    expect(closed.anomalies.map((a) => [a.kind, a.detail.reason])).toEqual([["unregistered_customer", "inactive"]]);
  });
});
