import { describe, expect, it } from "vitest";
import { CYLINDER_STATUSES, type CylinderStatus } from "@contracts/gas/cylinder-status";
import { FILL_REFUSAL_CODES } from "@contracts/gas/cylinder-check";
import { judgeFill, safetyReasons, type JudgedCylinder } from "./fill-check.checks.js";

const TODAY = "2026-06-15";
const station = { id: "station-a" };
const good: JudgedCylinder = { stationId: "station-a", type: "gas_phase", status: "in_stock", nextInspectionOn: "2027-01-01", scrapOn: "2030-01-01", lost: false, voided: false };
const codes = (c: Partial<JudgedCylinder> | null, today = TODAY, opts = {}) => judgeFill(c === null ? null : { ...good, ...c }, station, today, opts).map((r) => r.code);

describe("judgeFill", () => {
  it("allows the station's own, filed, in-date cylinder in stock or returned empty", () => {
    expect(codes({})).toEqual([]);
    expect(codes({ status: "returned_empty" })).toEqual([]);
    expect(codes({ type: "liquid_phase" })).toEqual([]);
  });

  it("refuses an unknown cylinder as not filed, and nothing else", () => {
    expect(codes(null)).toEqual(["not_filed"]);
  });

  it("refuses a cylinder filed but never stocked in (tag not bound) as not filed", () => {
    expect(codes({ status: "filed" })).toEqual(["not_filed"]);
  });

  it("refuses another station's cylinder", () => {
    expect(codes({ stationId: "station-b" })).toEqual(["not_own"]);
  });

  it("judges another company's cylinder not own and nothing else, whatever its state", () => {
    const theirs = { ...good, stationId: "station-b", enterpriseId: "company-b", lost: true, type: "dual_phase", nextInspectionOn: "2020-01-01" };
    expect(judgeFill(theirs, { ...station, enterpriseId: "company-a" }, TODAY).map((r) => r.code)).toEqual(["not_own"]);
    // Another station of the same company: every reason, as before.
    expect(judgeFill({ ...theirs, enterpriseId: "company-a" }, { ...station, enterpriseId: "company-a" }, TODAY).map((r) => r.code)).toEqual(["not_own", "inspection_overdue", "reported_lost", "dual_phase"]);
  });

  it("refuses on the next inspection day itself, not the day before", () => {
    expect(codes({ nextInspectionOn: "2026-06-16" })).toEqual([]);
    expect(codes({ nextInspectionOn: TODAY })).toEqual(["inspection_overdue"]);
    expect(codes({ nextInspectionOn: "2020-01-01" })).toEqual(["inspection_overdue"]);
  });

  it("refuses a cylinder marked due or away at inspection even when its date is ahead", () => {
    expect(codes({ status: "inspection_due" })).toEqual(["inspection_overdue"]);
    expect(codes({ status: "at_inspection" })).toEqual(["inspection_overdue"]);
  });

  it("refuses on the scrap day itself, not the day before", () => {
    expect(codes({ scrapOn: "2026-06-16" })).toEqual([]);
    expect(codes({ scrapOn: TODAY, nextInspectionOn: "2027-01-01" })).toEqual(["scrap_date_passed"]);
  });

  it("refuses scrapped, voided and failed cylinders", () => {
    expect(codes({ status: "scrapped", voided: true })).toEqual(["scrapped"]);
    expect(codes({ status: "failed" })).toEqual(["scrapped"]);
    expect(codes({ voided: true })).toEqual(["scrapped"]);
  });

  it("refuses a cylinder reported lost", () => {
    expect(codes({ lost: true })).toEqual(["reported_lost"]);
  });

  it("refuses dual-phase cylinders", () => {
    expect(codes({ type: "dual_phase" })).toEqual(["dual_phase"]);
  });

  it("refuses statuses of the delivery chain as not fillable", () => {
    for (const status of ["filled", "dispatched", "in_use"] as const) expect(codes({ status })).toEqual(["not_fillable"]);
  });

  it("answers every status with exactly the reasons that status explains", () => {
    const expected: Record<CylinderStatus, string[]> = {
      filed: ["not_filed"],
      in_stock: [],
      filled: ["not_fillable"],
      dispatched: ["not_fillable"],
      in_use: ["not_fillable"],
      returned_empty: [],
      inspection_due: ["inspection_overdue"],
      at_inspection: ["inspection_overdue"],
      failed: ["scrapped"],
      scrapped: ["scrapped"],
    };
    for (const status of CYLINDER_STATUSES) expect(codes({ status }), status).toEqual(expected[status]);
  });

  it("lists every reason at once, in a stable order, each with a zh (en) message", () => {
    const all = judgeFill({ stationId: "station-b", type: "dual_phase", status: "filled", nextInspectionOn: "2020-01-01", scrapOn: "2021-01-01", lost: true, voided: true }, station, TODAY);
    expect(all.map((r) => r.code)).toEqual(["not_own", "inspection_overdue", "scrap_date_passed", "scrapped", "reported_lost", "dual_phase", "not_fillable"]);
    for (const r of all) expect(r.message).toMatch(/^[^()]*[\u4e00-\u9fff].* \(.+\)$/);
    expect(new Set(FILL_REFUSAL_CODES)).toEqual(new Set([...all.map((r) => r.code), "not_filed"]));
  });

  it("judges a fill recorded after the fact on its dates and permanent facts only", () => {
    expect(codes({ status: "in_use" }, TODAY, { ignoreStatus: true })).toEqual([]);
    expect(codes({ status: "failed" }, TODAY, { ignoreStatus: true })).toEqual([]);
    expect(codes({ status: "in_use", nextInspectionOn: TODAY, stationId: "x" }, TODAY, { ignoreStatus: true })).toEqual(["not_own", "inspection_overdue"]);
  });

  it("keeps only safety reasons for the public verdict", () => {
    const r = judgeFill({ ...good, stationId: "x", status: "in_use", lost: true }, station, TODAY);
    expect(safetyReasons(r).map((x) => x.code)).toEqual(["reported_lost"]);
    expect(safetyReasons(judgeFill({ ...good, status: "in_use" }, station, TODAY))).toEqual([]);
  });
});
