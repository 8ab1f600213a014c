import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ANOMALY_KINDS } from "@contracts/gas/anomaly";
import { CYLINDER_STATUSES } from "@contracts/gas/cylinder-status";
import { generateDetectors } from "./gas.detector.gen.js";
import { CYLINDER_SPECS, addYears, metres, pointLineMetres, sequentialIds, shanghaiDayOf } from "./gas.model.js";
import { generateParties, type GasCompany } from "./gas.parties.gen.js";
import { generatePipelines } from "./gas.pipelines.gen.js";
import { simulateCompany } from "./gas.traffic.gen.js";
import { loadOutline } from "./geo.js";
import { createRng } from "./prng.js";

const now = new Date("2026-06-15T04:00:00Z");
const today = "2026-06-15";
const windowDays = 20;
const companies: GasCompany[] = [
  { id: "11111111-1111-4111-8111-111111111111", name: "永康市甲燃气有限公司", district: "东城街道", bottled: true, piped: true, rich: true },
  { id: "22222222-2222-4222-8222-222222222222", name: "永康市乙液化气有限公司", district: "石柱镇", bottled: true, piped: true, rich: false },
];
const projects = [{ id: "33333333-3333-4333-8333-333333333333", code: "2026-330784-47-01-000001", name: "永康市东城街道溪心安置房工程", lat: 28.9, lng: 120.05 }];

function city(seed = 7) {
  const parties = generateParties(createRng(seed), { companies, customers: 900, today, now, outline: loadOutline(), takenIdNumbers: new Set() });
  const rng = createRng(seed + 1);
  const ids = { cylinder: sequentialIds(rng, 1), fill: sequentialIds(rng, 2), delivery: sequentialIds(rng, 3) };
  const seq = { next: 1 };
  const traffic = parties.companies.map((p) => simulateCompany(rng, p, { now: now.getTime(), today, windowStart: now.getTime() - windowDays * 86_400_000, seq, ids, anomalies: p.company.rich }));
  const pipes = generatePipelines(createRng(seed + 2), { companies, projects, outline: loadOutline(), now, takenIdNumbers: new Set() });
  const detectors = generateDetectors(createRng(seed + 3), pipes.networks, { now });
  return { parties, traffic, pipes, detectors };
}

const digest = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex");
const c = city();
const cylinders = c.traffic.flatMap((t) => t.cylinders.map((x) => x.row));
const events = c.traffic.flatMap((t) => t.events);
const fills = c.traffic.flatMap((t) => t.fills);
const deliveries = c.traffic.flatMap((t) => t.deliveries);
const anomalies = c.traffic.flatMap((t) => t.anomalies);

describe("the gas seed generators", () => {
  it("are deterministic: the same seed gives the same city, another seed another", () => {
    const again = city();
    expect(digest(again.traffic)).toBe(digest(c.traffic));
    expect(digest(again.pipes)).toBe(digest(c.pipes));
    expect(digest(again.detectors)).toBe(digest(c.detectors));
    expect(digest(city(8).traffic)).not.toBe(digest(c.traffic));
  }, 60_000);

  it("give every cylinder a unique code and id, the life dates of the rule and the spec's nominal fill", () => {
    expect(cylinders.length).toBeGreaterThan(2000);
    expect(new Set(cylinders.map((r) => r.code)).size).toBe(cylinders.length);
    expect(new Set(cylinders.map((r) => r.id)).size).toBe(cylinders.length);
    for (const r of cylinders) {
      expect(r.scrapOn).toBe(addYears(r.manufacturedOn, 12));
      expect([4, 8, 12].map((y) => addYears(r.manufacturedOn, y))).toContain(r.nextInspectionOn);
      if (r.lastInspectedOn) expect(r.lastInspectedOn < r.nextInspectionOn).toBe(true);
      expect(r.nominalFillKg).toBe(CYLINDER_SPECS[r.spec].nominalFillKg);
      if (r.type === "liquid_phase") expect(r.spec).toBe("YSP50");
      expect(CYLINDER_STATUSES).toContain(r.status);
      expect(r.status === "scrapped").toBe(!!r.voidedAt);
    }
    const live = cylinders.filter((r) => !r.voidedAt);
    const overdue = live.filter((r) => r.nextInspectionOn <= today).length / live.length;
    expect(overdue).toBeGreaterThan(0.01);
    expect(overdue).toBeLessThan(0.08);
    expect(cylinders.some((r) => r.type === "dual_phase")).toBe(true);
    expect(cylinders.some((r) => r.lostAt)).toBe(true);
  });

  it("fill only what the pre-fill check would allow, never over the allowed fill", () => {
    const byId = new Map(cylinders.map((r) => [r.id, r]));
    expect(fills.length).toBeGreaterThan(500);
    for (const f of fills) {
      const cyl = byId.get(f.cylinderId)!;
      const day = shanghaiDayOf(f.filledAt.getTime());
      expect(day < cyl.nextInspectionOn && day < cyl.scrapOn).toBe(true);
      expect(cyl.type).not.toBe("dual_phase");
      expect(f.netWeightKg).toBeLessThanOrEqual(f.allowedFillKg);
      expect(f.allowedFillKg).toBe(cyl.nominalFillKg);
      if (cyl.lastInspectedOn) expect(day >= cyl.lastInspectedOn).toBe(true);
    }
  });

  it("keep each cylinder's events a chain through the state machine, ending at its status, customer and last fill", () => {
    const byCylinder = new Map<string, typeof events>();
    for (const e of events) (byCylinder.get(e.cylinderId) ?? byCylinder.set(e.cylinderId, []).get(e.cylinderId)!).push(e);
    const lastFill = new Map<string, number>();
    for (const f of fills) lastFill.set(f.cylinderId, Math.max(lastFill.get(f.cylinderId) ?? 0, f.filledAt.getTime()));
    for (const r of cylinders) {
      const list = byCylinder.get(r.id) ?? [];
      for (let i = 1; i < list.length; i++) {
        expect(list[i].fromStatus).toBe(list[i - 1].toStatus);
        expect(list[i].at.getTime()).toBeGreaterThanOrEqual(list[i - 1].at.getTime());
      }
      expect(list.length ? list[list.length - 1].toStatus : "filed").toBe(r.status);
      expect(r.lastFillAt?.getTime() ?? null).toBe(lastFill.get(r.id) ?? null);
      if (r.customerId) expect(r.status).toBe("in_use");
      expect(list.every((e) => e.at.getTime() <= now.getTime())).toBe(true);
    }
  });

  it("scan deliveries only as the delivery module knows them, each delivered cylinder returned before its next delivery", () => {
    expect(new Set(deliveries.map((d) => d.step))).toEqual(new Set(["stock_out", "delivered", "returned"]));
    const seen = new Map<string, string>();
    for (const d of [...deliveries].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      if (d.step === "delivered") expect(seen.get(d.cylinderId)).not.toBe("delivered");
      if (d.step === "returned") expect(seen.get(d.cylinderId)).toBe("delivered");
      if (d.step !== "stock_out") seen.set(d.cylinderId, d.step);
    }
    const keys = new Set<string>();
    for (const d of deliveries) {
      const k = `${d.cylinderId}|${d.step}|${d.at.toISOString()}`;
      expect(keys.has(k)).toBe(false);
      keys.add(k);
    }
  });

  it("plant each anomaly kind with the records that cause it, once per dedup key", () => {
    expect(new Set(anomalies.map((a) => a.kind))).toEqual(new Set(ANOMALY_KINDS));
    expect(new Set(anomalies.map((a) => a.dedupKey)).size).toBe(anomalies.length);
    const byFill = new Map(fills.map((f) => [f.id, f]));
    const owner = new Map(cylinders.map((r) => [r.id, r.stationId]));
    for (const a of anomalies.filter((x) => x.kind === "foreign_fill")) {
      const f = byFill.get((a.detail as { fillId: string }).fillId)!;
      expect(f.stationId).not.toBe(owner.get(f.cylinderId));
    }
    for (const a of anomalies.filter((x) => x.kind === "two_places")) {
      const d = a.detail as { distanceKm: number; minutes: number };
      expect(d.distanceKm).toBeGreaterThan(2);
      expect(d.minutes).toBeLessThanOrEqual(10);
    }
    const customers = new Map(c.parties.companies.flatMap((p) => p.customers.map((cu) => [cu.row.id, cu.row])));
    for (const a of anomalies.filter((x) => x.kind === "check_overdue")) expect(customers.get(a.customerId!)!.nextCheckDue! < today).toBe(true);
  });

  it("keep customers' check dates those of their last check, a few overdue", () => {
    const last = new Map<string, string>();
    for (const k of c.parties.checks) if ((last.get(k.customerId) ?? "") < k.checkedOn) last.set(k.customerId, k.checkedOn);
    const all = c.parties.companies.flatMap((p) => p.customers.map((cu) => cu.row));
    for (const cu of all) expect(cu.lastCheckOn).toBe(last.get(cu.id));
    const overdue = all.filter((cu) => cu.nextCheckDue! < today).length / all.length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(0.1);
    // Lapsed certificates stand their holders down, except the one person the uncertified-delivery anomaly needs.
    const staff = c.parties.companies.flatMap((p) => p.staff);
    expect(staff.filter((s) => s.active && s.certificateValidTo < today)).toHaveLength(1);
    expect(new Set(c.parties.persons.map((p) => p.idNumber)).size).toBe(c.parties.persons.length);
  });

  it("draw pipelines as [lng, lat] lines with true lengths and boxes, and mains beside the construction site", () => {
    const lines = c.pipes.networks.flatMap((n) => n.pipelines);
    expect(new Set(lines.map((l) => l.code)).size).toBe(lines.length);
    expect(new Set(lines.map((l) => l.pressureClass))).toEqual(new Set(["low", "medium", "sub_high", "high"]));
    for (const l of lines) {
      expect(l.coordinates.length).toBeGreaterThanOrEqual(2);
      for (const [lng, lat] of l.coordinates) {
        expect(lng).toBeGreaterThan(119.5);
        expect(lng).toBeLessThan(120.6);
        expect(lat).toBeGreaterThan(28.5);
        expect(lat).toBeLessThan(29.3);
      }
      const len = l.coordinates.slice(1).reduce((s, p, i) => s + metres(l.coordinates[i], p), 0);
      expect(Math.abs(len - l.lengthM)).toBeLessThan(0.2);
      expect(l.minLat).toBe(Math.min(...l.coordinates.map((p) => p[1])));
      expect(l.maxLng).toBe(Math.max(...l.coordinates.map((p) => p[0])));
    }
    expect(c.pipes.links).toHaveLength(1);
    const link = c.pipes.links[0];
    const main = lines.find((l) => l.id === link.pipelineId)!;
    expect(main.pressureClass).toBe("medium");
    expect(pointLineMetres([projects[0].lng, projects[0].lat], main.coordinates)).toBeLessThan(50);
    for (const p of c.pipes.patrols) {
      expect(p.coveredLengthM).toBeLessThanOrEqual(p.plannedLengthM!);
      expect(p.track!.every((pt, i, all) => i === 0 || pt[2] >= all[i - 1][2])).toBe(true);
    }
    expect(c.pipes.hazards.some((h) => h.kind === "third_party_digging" && h.pipelineId === link.pipelineId)).toBe(true);
  });

  it("make a suspect exactly where the vehicle read ≥ 10 ppm over its background, and confirm one at ≥ 500 ppm", () => {
    expect(c.detectors.devices).toHaveLength(2);
    expect(c.detectors.devices.every((d) => d.projectId === null && d.type === "gas_detector")).toBe(true);
    const high = c.detectors.readings.filter((r) => r.ch4Ppm >= r.backgroundPpm + 10);
    expect(high.length).toBeGreaterThan(0);
    for (const r of c.detectors.readings) expect(r.backgroundPpm).toBeGreaterThan(1.5);
    for (const l of c.detectors.leaks) {
      expect(l.ppm).toBeGreaterThanOrEqual(l.backgroundPpm + 10);
      expect(l.pipelineDistanceM!).toBeLessThan(20);
    }
    // Every high reading belongs to a suspect on the same device within its first and last reading.
    for (const r of high) expect(c.detectors.leaks.some((l) => l.deviceId === r.deviceId && l.detectedAt!.getTime() <= r.ts.getTime() && l.lastDetectedAt!.getTime() >= r.ts.getTime())).toBe(true);
    const confirmed = c.detectors.leaks.filter((l) => l.state === "confirmed");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0].recheckPpm!).toBeGreaterThanOrEqual(500);
    expect(c.detectors.leaks.filter((l) => l.state === "cleared")).toHaveLength(1);
  });
});
