import { describe, expect, it } from "vitest";
import { distanceKm, judgeCheckOverdue, judgeForeignFill, judgeTwoPlaces, uncertifiedReason, type Scan } from "./anomaly.checks.js";
import { anomalyRulesRule } from "./delivery.rules.js";

const rules = anomalyRulesRule.defaultValue;
const at = (min: number) => new Date(Date.UTC(2026, 5, 1, 2, 0) + min * 60_000);
const scan = (cylinderId: string, min: number, lat: number | null, lng: number | null, step = "delivered"): Scan => ({ cylinderId, enterpriseId: "e1", at: at(min), lat, lng, step });
// ~0.009° of latitude is 1 km.
const KM = 1 / 111.195;

describe("distanceKm", () => {
  it("measures great-circle distance", () => {
    expect(distanceKm({ lat: 28.9, lng: 120 }, { lat: 28.9 + 3 * KM, lng: 120 })).toBeCloseTo(3, 2);
    expect(distanceKm({ lat: 28.9, lng: 120 }, { lat: 28.9, lng: 120 })).toBe(0);
  });
});

describe("two places at once (一瓶两地)", () => {
  it("flags consecutive scans > 2 km apart within 10 minutes, keyed by the later scan", () => {
    const out = judgeTwoPlaces([scan("c1", 0, 28.9, 120), scan("c1", 5, 28.9 + 3 * KM, 120)], rules);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "two_places", cylinderId: "c1", dedupKey: `two_places:c1:${at(5).toISOString()}` });
    expect(out[0].detail).toMatchObject({ distanceKm: 3, minutes: 5 });
  });

  it("lets a plausible trip pass: near, or far but slow, or unlocated, or another cylinder", () => {
    expect(judgeTwoPlaces([scan("c1", 0, 28.9, 120), scan("c1", 5, 28.9 + 1.5 * KM, 120)], rules)).toEqual([]);
    expect(judgeTwoPlaces([scan("c1", 0, 28.9, 120), scan("c1", 11, 28.9 + 5 * KM, 120)], rules)).toEqual([]);
    expect(judgeTwoPlaces([scan("c1", 0, 28.9, 120), scan("c1", 5, null, null)], rules)).toEqual([]);
    expect(judgeTwoPlaces([scan("c1", 0, 28.9, 120), scan("c2", 5, 28.9 + 5 * KM, 120)], rules)).toEqual([]);
  });

  it("orders scans by time whatever the input order, and follows the rule's thresholds", () => {
    const scans = [scan("c1", 8, 28.9 + 3 * KM, 120), scan("c1", 0, 28.9, 120)];
    expect(judgeTwoPlaces(scans, rules)).toHaveLength(1);
    expect(judgeTwoPlaces(scans, { ...rules, twoPlacesMinDistanceKm: 5 })).toEqual([]);
    expect(judgeTwoPlaces(scans, { ...rules, twoPlacesWithinMinutes: 5 })).toEqual([]);
  });
});

describe("foreign fill (非本站充装)", () => {
  const fill = { fillId: "f1", cylinderId: "c1", filledAt: at(0), stationId: "s2", stationEnterpriseId: "e2", ownerStationId: "s1", ownerEnterpriseId: "e1" };
  it("flags a fill away from the owner station, against the filling company", () => {
    const [a] = judgeForeignFill([fill]);
    expect(a).toMatchObject({ kind: "foreign_fill", dedupKey: "foreign_fill:f1", enterpriseId: "e2", stationId: "s2" });
    expect(a.detail).toMatchObject({ ownerStationId: "s1", otherCompany: true });
  });
  it("lets the owner station's fill pass", () => {
    expect(judgeForeignFill([{ ...fill, stationId: "s1", stationEnterpriseId: "e1" }])).toEqual([]);
  });
});

describe("uncertified delivery person (无证配送)", () => {
  const staff = { staffId: "p1", role: "delivery", active: true, certificateValidTo: "2026-06-01" };
  it("passes a delivery person with a certificate valid on the day (inclusive)", () => {
    expect(uncertifiedReason(staff, "2026-06-01")).toBeNull();
  });
  it("names why otherwise", () => {
    expect(uncertifiedReason(undefined, "2026-06-01")).toBe("not_staff");
    expect(uncertifiedReason({ ...staff, role: "filler" }, "2026-06-01")).toBe("not_staff");
    expect(uncertifiedReason({ ...staff, active: false }, "2026-06-01")).toBe("not_staff");
    expect(uncertifiedReason({ ...staff, certificateValidTo: null }, "2026-06-01")).toBe("no_certificate");
    expect(uncertifiedReason(staff, "2026-06-02")).toBe("certificate_expired");
  });
});

describe("check overdue (安检逾期)", () => {
  const now = new Date("2026-06-01T04:00:00Z");
  const c = (id: string, due: string) => ({ customerId: id, enterpriseId: "e1", nextCheckDue: due });
  it("flags due dates before today, one key per due date", () => {
    const out = judgeCheckOverdue([c("u1", "2026-05-31"), c("u2", "2026-06-01"), c("u3", "2027-01-01")], "2026-06-01", rules, now);
    expect(out.map((a) => a.dedupKey)).toEqual(["check_overdue:u1:2026-05-31"]);
  });
  it("waits out the grace days", () => {
    expect(judgeCheckOverdue([c("u1", "2026-05-31")], "2026-06-01", { ...rules, checkOverdueGraceDays: 1 }, now)).toEqual([]);
    expect(judgeCheckOverdue([c("u1", "2026-05-30")], "2026-06-01", { ...rules, checkOverdueGraceDays: 1 }, now)).toHaveLength(1);
  });
});
