import { describe, expect, it } from "vitest";
import { METRICS } from "@contracts/iot/devices";
import { generateDemoCity } from "./demo-city.js";
import { deviceHistory, HISTORY_WINDOWS, type RollupRow } from "./iot-history.gen.js";
import { craneProfile, HOUR_MS, MINUTE_MS, shanghaiHour } from "./site.model.js";

// 2026-03-15 12:00 in Asia/Shanghai: a fixed moment keeps the generated devices and history identical between runs.
const NOW = new Date("2026-03-15T04:00:00Z");
const city = generateDemoCity({ scale: 0.25, now: NOW });
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

describe("generated devices", () => {
  it("gives every 在建 project its kit and no other project any device", () => {
    const live = city.projects.filter((p) => p.row.status === "in_progress");
    expect(live.length).toBeGreaterThan(20);
    for (const p of city.projects) {
      const kit = city.devices.filter((d) => d.row.projectId === p.row.id);
      const n = (type: string) => kit.filter((d) => d.row.type === type).length;
      if (p.row.status !== "in_progress") {
        expect(kit).toEqual([]);
        continue;
      }
      expect(n("env_monitor")).toBe(1);
      expect(n("spray")).toBeGreaterThanOrEqual(1);
      expect(n("spray")).toBeLessThanOrEqual(2);
      expect(n("tower_crane")).toBeGreaterThanOrEqual(1);
      expect(n("tower_crane")).toBeLessThanOrEqual(3);
      expect(n("hoist")).toBeLessThanOrEqual(2);
      expect(n("camera")).toBeGreaterThanOrEqual(1);
      expect(n("camera")).toBeLessThanOrEqual(2);
    }
  });

  it("uses unique protocol-valid codes, the type's interval and unique equipment registrations", () => {
    const codes = city.devices.map((d) => d.row.code);
    for (const c of codes) expect(c).toMatch(CODE);
    expect(new Set(codes).size).toBe(codes.length);
    const intervals = Object.fromEntries(city.devices.map((d) => [d.row.type, d.row.reportIntervalS]));
    expect(intervals).toEqual({ env_monitor: 60, spray: 60, tower_crane: 20, hoist: 15, camera: 300 });
    const refs = city.devices.filter((d) => d.row.type === "tower_crane" || d.row.type === "hoist").map((d) => d.row.equipmentRef);
    expect(refs.every((r) => /^浙G-[TS]\d{8}$/.test(r ?? ""))).toBe(true);
    expect(new Set(refs).size).toBe(refs.length);
    expect(city.devices.filter((d) => d.row.type === "tower_crane").every((d) => /^\d#塔吊 QTZ/.test(d.row.name))).toBe(true);
    // Registered at least a week before now, so the seeded week of history belongs to them.
    expect(city.devices.every((d) => d.row.createdAt!.getTime() <= NOW.getTime() - 7 * 24 * HOUR_MS)).toBe(true);
  });

  it("is the same city every time (the devices draw from their own random stream)", () => {
    const again = generateDemoCity({ scale: 0.25, now: NOW });
    expect(again.devices.map((d) => d.row)).toEqual(city.devices.map((d) => d.row));
    expect(again.persons.map((p) => p.id)).toEqual(city.persons.map((p) => p.id));
  });
});

const deviceOf = (type: string, n = 0) => {
  const d = city.devices.filter((x) => x.row.type === type)[n].row;
  return { code: d.code, type: d.type, projectId: d.projectId, reportIntervalS: d.reportIntervalS };
};
const rowsOf = (rows: RollupRow[], metric: string) => rows.filter((r) => r.metric === metric);
const avg = (r: RollupRow) => r.sum / r.count;
const leq = (r: RollupRow) => 10 * Math.log10(r.energySum! / r.count);

describe("seeded history", () => {
  // Half past, so the current hour already has readings.
  const now = NOW.getTime() + 37 * MINUTE_MS + 12_345;
  const env = deviceHistory(deviceOf("env_monitor"), now, HISTORY_WINDOWS.full);

  it("has one hourly row per metric for each of the 168 hours up to the current one, and minute rows for the exact window", () => {
    for (const metric of ["pm10", "pm25", "tsp", "noise_db", "temp_c", "humidity_pct", "wind_ms"]) {
      const hours = rowsOf(env.hourly, metric);
      expect(hours).toHaveLength(168);
      expect(hours.at(-1)!.bucket).toBe(Math.floor(now / HOUR_MS) * HOUR_MS);
      expect(hours.slice(0, -1).every((h) => h.count === 60)).toBe(true);
      const minutes = rowsOf(env.minutely, metric);
      expect(minutes.length).toBeGreaterThanOrEqual(180);
      expect(minutes.length).toBeLessThanOrEqual(181);
      expect(minutes.every((m) => m.count === 1 && m.min === m.max && m.sum === m.min)).toBe(true);
    }
  });

  it("makes the hours of the exact window the sum of their minutes", () => {
    for (const metric of ["pm10", "noise_db"]) {
      const lastHour = rowsOf(env.hourly, metric).at(-2)!;
      const minutes = rowsOf(env.minutely, metric).filter((m) => m.bucket >= lastHour.bucket && m.bucket < lastHour.bucket + HOUR_MS);
      expect(minutes).toHaveLength(60);
      expect(minutes.reduce((s, m) => s + m.sum, 0)).toBeCloseTo(lastHour.sum, 1);
      expect(Math.max(...minutes.map((m) => m.max))).toBe(lastHour.max);
    }
  });

  it("keeps min ≤ mean ≤ max, and for noise an energy sum whose Leq lies between the mean and the max", () => {
    for (const r of env.hourly) {
      expect(r.min).toBeLessThanOrEqual(avg(r) + 1e-9);
      expect(avg(r)).toBeLessThanOrEqual(r.max + 1e-9);
      if (r.metric === "noise_db") {
        expect(leq(r)).toBeGreaterThanOrEqual(avg(r) - 1e-9);
        expect(leq(r)).toBeLessThanOrEqual(r.max + 1e-9);
      } else {
        expect(r.energySum).toBeNull();
      }
    }
  });

  it("is quiet at night and busy by day (Asia/Shanghai), below the limits most of the time", () => {
    const noise = rowsOf(env.hourly, "noise_db");
    const night = noise.filter((r) => shanghaiHour(r.bucket) >= 23 || shanghaiHour(r.bucket) < 5);
    const day = noise.filter((r) => shanghaiHour(r.bucket) >= 8 && shanghaiHour(r.bucket) < 11);
    const mean = (rs: RollupRow[]) => rs.reduce((s, r) => s + avg(r), 0) / rs.length;
    expect(mean(night)).toBeLessThan(50);
    expect(mean(day)).toBeGreaterThan(58);
    expect(day.filter((r) => leq(r) > 70).length).toBeLessThan(day.length / 4);
  });

  it("has cranes lifting only in work hours, below 90% moment, with every metric in range", () => {
    for (let n = 0; n < 5; n++) {
      const crane = deviceOf("tower_crane", n);
      const h = deviceHistory(crane, now, HISTORY_WINDOWS.full);
      const moment = rowsOf(h.hourly, "moment_pct");
      const idle = moment.filter((r) => shanghaiHour(r.bucket) >= 19 || shanghaiHour(r.bucket) < 6);
      expect(idle.every((r) => r.max === 0)).toBe(true);
      const busy = moment.filter((r) => shanghaiHour(r.bucket) >= 8 && shanghaiHour(r.bucket) < 11);
      expect(Math.max(...busy.map((r) => r.max))).toBeGreaterThan(30);
      expect(Math.max(...moment.map((r) => r.max))).toBeLessThan(90);
      for (const l of h.latest) {
        expect(l.value).toBeGreaterThanOrEqual(METRICS.tower_crane[l.metric].min);
        expect(l.value).toBeLessThanOrEqual(METRICS.tower_crane[l.metric].max);
      }
      expect(h.latest.map((l) => l.metric).sort()).toEqual(Object.keys(METRICS.tower_crane).sort());
      expect(craneProfile(crane.code).momentTm).toBeGreaterThan(0);
    }
  });

  it("runs the spray when its site's dust is high, somewhere in the city during the week", () => {
    let episodes = 0;
    for (const spray of city.devices.filter((d) => d.row.type === "spray").slice(0, 40)) {
      const site = city.devices.find((d) => d.row.projectId === spray.row.projectId && d.row.type === "env_monitor")!.row;
      const pm10 = rowsOf(deviceHistory({ ...site, reportIntervalS: 60 }, now).hourly, "pm10");
      const state = rowsOf(deviceHistory({ ...spray.row, reportIntervalS: 60 }, now).hourly, "state");
      pm10.forEach((p, i) => {
        if (avg(p) >= 170) {
          episodes++;
          expect(state[i].sum, `spray ${spray.row.code} at ${new Date(p.bucket).toISOString()}`).toBeGreaterThan(0);
        }
      });
    }
    expect(episodes).toBeGreaterThan(0);
  });

  it("reports the device online at its latest reading, within one interval of now", () => {
    const cam = deviceHistory(deviceOf("camera"), now);
    expect(cam.hourly).toEqual([]);
    expect(cam.latest).toEqual([{ metric: "online_streams", ts: cam.lastSeenAt, value: 1 }]);
    expect(now - cam.lastSeenAt).toBeLessThan(300_000);
    expect(now - env.lastSeenAt).toBeLessThan(MINUTE_MS);
    expect(env.latest.map((l) => l.metric).sort()).toEqual(Object.keys(METRICS.env_monitor).sort());
  });
});
