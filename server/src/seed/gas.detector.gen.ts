import type { LeaksRows } from "../modules/gas/leaks/index.js";
import type { LngLat } from "../modules/gas/pipelines/index.js";
import type { IotRows } from "../modules/iot/index.js";
import { DAY_MS, DETECTOR, metres, offset, pointLineMetres, shanghaiDayOf, shanghaiMidnight } from "./gas.model.js";
import type { Network, PipelineRow } from "./gas.pipelines.gen.js";
import type { Rng } from "./prng.js";

/**
 * The detection vehicle (检测车) of each piped-gas company: one project-less `gas_detector` device owned by
 * the company, and drives of the last two weeks along its medium-pressure mains at ~30 km/h with a reading
 * every 2 s (`ch4_ppm` with `lat`/`lng`). Background air sits near 2 ppm; at a few spots the reading rises
 * ≥ 10 ppm over the rolling 5-minute median — each such rise is one suspect leak point (the peak, its
 * background, the main it was driving along and the distance to it); the demo company's biggest one was
 * confirmed by a handheld re-check at ≥ 1 % LEL (500 ppm), another cleared. Readings carry the background
 * they were judged against, computed exactly as the rule states, so suspects and readings agree.
 */

export type DeviceRow = IotRows["devices"] & { id: string; code: string };
export type ReadingRow = LeaksRows["detectorReadings"] & { ts: Date; ch4Ppm: number; backgroundPpm: number; lat: number; lng: number };
export type LeakRow = LeaksRows["leakPoints"] & { id: string };

export interface DetectorOut {
  devices: DeviceRow[];
  readings: ReadingRow[];
  leaks: LeakRow[];
  /** The newest reading per device, for iot_latest and lastSeenAt. */
  latest: { deviceId: string; ts: Date; ch4Ppm: number; lat: number; lng: number }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A drive: a random walk over the street grid (no U-turns), as a list of mains and their direction. */
function route(rng: Rng, net: Network, streets: number): { line: LngLat[]; pipeline: PipelineRow }[] {
  const adj = new Map<number, Network["streets"]>();
  for (const s of net.streets) for (const n of [s.a, s.b]) adj.set(n, [...(adj.get(n) ?? []), s]);
  let node = rng.pick(net.streets).a;
  let prev = -1;
  const legs: { line: LngLat[]; pipeline: PipelineRow }[] = [];
  for (let i = 0; i < streets; i++) {
    const options = adj.get(node)!.filter((s) => (s.a === node ? s.b : s.a) !== prev);
    const s = rng.pick(options.length ? options : adj.get(node)!);
    const forward = s.a === node;
    legs.push({ line: forward ? s.pipeline.coordinates : [...s.pipeline.coordinates].reverse(), pipeline: s.pipeline });
    prev = node;
    node = forward ? s.b : s.a;
  }
  return legs;
}

/** The median of a sorted-on-demand window (small: 150 readings). */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function generateDetectors(rng: Rng, networks: Network[], opts: { now: Date }): DetectorOut {
  const now = opts.now.getTime();
  const devices: DeviceRow[] = [];
  const readings: ReadingRow[] = [];
  const leaks: LeakRow[] = [];
  const latest: DetectorOut["latest"] = [];
  for (const [ci, net] of networks.entries()) {
    const rich = net.company.rich;
    const registered = new Date(now - rng.int(120, 400) * DAY_MS);
    const device: DeviceRow = {
      id: rng.uuid(),
      projectId: null,
      enterpriseId: net.company.id,
      type: "gas_detector",
      code: `YK-GAS${String(ci + 1).padStart(2, "0")}-CAR01`,
      name: "燃气泄漏检测车 1#",
      model: "ZA-CH4 车载激光甲烷检测系统",
      vendor: "浙江筑安物联科技有限公司",
      location: `浙G·D${String(rng.int(10000, 99999))}`,
      reportIntervalS: DETECTOR.readingEveryMs / 1000,
      secretHash: "",
      secretRotatedAt: registered,
      online: false,
      createdAt: registered,
      updatedAt: registered,
    };
    devices.push(device);
    const drives = rich ? 6 : 3;
    let suspectsLeft = rich ? 8 : 2;
    const mine: LeakRow[] = [];
    let last: ReadingRow | null = null;
    for (let d = drives; d >= 1; d--) {
      // Drives on distinct days, oldest first, mid-morning or early afternoon.
      const day = shanghaiDayOf(now - (d * 2 + rng.int(0, 1)) * DAY_MS);
      let t = shanghaiMidnight(day) + (rng.chance(0.5) ? 9.5 : 14) * 3_600_000 + rng.int(0, 40) * 60_000;
      const level = 1.9 + rng.next() * 0.3;
      const samples: { ts: number; p: LngLat; pipeline: PipelineRow; ppm: number }[] = [];
      for (const leg of route(rng, net, rich ? 40 : 24)) {
        for (let i = 0; i + 1 < leg.line.length; i++) {
          const len = metres(leg.line[i], leg.line[i + 1]);
          const step = (DETECTOR.speedMps * DETECTOR.readingEveryMs) / 1000;
          for (let s = 0; s < len; s += step) {
            const f = s / len;
            const on: LngLat = [leg.line[i][0] + (leg.line[i + 1][0] - leg.line[i][0]) * f, leg.line[i][1] + (leg.line[i + 1][1] - leg.line[i][1]) * f];
            samples.push({ ts: t, p: offset(on, rng.normal() * 3, rng.normal() * 3), pipeline: leg.pipeline, ppm: round2(level + Math.sin(t / 600_000) * 0.1 + rng.normal() * 0.12) });
            t += DETECTOR.readingEveryMs;
          }
        }
      }
      // Rises: a plume crossed over 4–6 readings, peaking 14–60 ppm over the air (one big one for the confirmed leak).
      const rises = Math.min(suspectsLeft, d === 1 ? suspectsLeft : rng.int(1, 2));
      suspectsLeft -= rises;
      const spots = new Set<number>();
      for (let k = 0; k < rises; k++) {
        let at = rng.int(200, samples.length - 20);
        while ([...spots].some((x) => Math.abs(x - at) < 200)) at = rng.int(200, samples.length - 20);
        spots.add(at);
        const peak = rich && d === 1 && k === 0 ? 92 : 14 + rng.next() * 46;
        const width = rng.int(4, 6);
        for (let w = 0; w < width; w++) samples[at + w].ppm = round2(samples[at + w].ppm + peak * Math.sin(((w + 0.5) / width) * Math.PI));
      }
      // Background = median of the last 5 minutes (the reading itself included), then the suspects: one per rise.
      const windowed: number[] = [];
      let from = 0;
      let open: LeakRow | null = null;
      for (const [i, s] of samples.entries()) {
        while (samples[from].ts < s.ts - DETECTOR.backgroundWindowMs) from++;
        windowed.length = 0;
        for (let j = from; j <= i; j++) windowed.push(samples[j].ppm);
        const bg = round2(median(windowed));
        const row: ReadingRow = { deviceId: device.id, ts: new Date(s.ts), lat: s.p[1], lng: s.p[0], ch4Ppm: s.ppm, backgroundPpm: bg };
        readings.push(row);
        last = row;
        if (s.ppm >= bg + DETECTOR.riseOverBackgroundPpm) {
          if (!open || s.ppm > open.ppm!) {
            const point: LeakRow = open ?? { id: rng.uuid(), enterpriseId: net.company.id, deviceId: device.id, detectedAt: new Date(s.ts), lastDetectedAt: new Date(s.ts), readings: 0, state: "suspect", level: "suspect", createdAt: new Date(s.ts), updatedAt: new Date(s.ts), lat: 0, lng: 0, ppm: 0, backgroundPpm: 0 };
            Object.assign(point, { lat: s.p[1], lng: s.p[0], ppm: s.ppm, backgroundPpm: bg, pipelineId: s.pipeline.id, pipelineDistanceM: Math.round(pointLineMetres(s.p, s.pipeline.coordinates) * 10) / 10 });
            if (!open) mine.push(point);
            open = point;
          }
          // Every reading over the line merges into the point: its count and the newest one.
          open.readings = (open.readings ?? 0) + 1;
          open.lastDetectedAt = new Date(s.ts);
          open.updatedAt = new Date(s.ts);
        } else open = null;
      }
    }
    if (last) latest.push({ deviceId: device.id, ts: last.ts, ch4Ppm: last.ch4Ppm, lat: last.lat, lng: last.lng });
    // The demo company re-checked two suspects with a handheld: the biggest confirmed (≥ 500 ppm), one cleared.
    if (rich && mine.length >= 2) {
      const biggest = mine.reduce((a, b) => (b.ppm! > a.ppm! ? b : a));
      const recheck = (p: LeakRow, ppm: number, confirmed: boolean) => {
        const at = new Date(Math.min(now - 600_000, p.detectedAt!.getTime() + rng.int(40, 120) * 60_000));
        Object.assign(p, { recheckPpm: ppm, recheckAt: at, recheckEnclosed: false, recheckBy: "抢修班 巡检员", recheckNote: confirmed ? "手持激光甲烷仪复测，阀门井旁读数超 1%LEL" : "复测未检出，疑为车辆尾气干扰", state: confirmed ? "confirmed" : "cleared", level: confirmed ? "leak" : "suspect", updatedAt: at });
      };
      recheck(biggest, 600 + rng.int(0, 600), true);
      recheck(mine.find((p) => p !== biggest)!, round2(2 + rng.next() * 2), false);
    }
    leaks.push(...mine);
  }
  return { devices, readings, leaks, latest };
}
