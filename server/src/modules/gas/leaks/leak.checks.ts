import type { LeakLevel } from "@contracts/gas/leak";
import { haversineM } from "../shared/index.js";
import type { LeakThresholds } from "./leak.rules.js";

/**
 * The detection vehicle's judging, pure (no I/O) so every boundary is unit-tested: the rolling background,
 * the suspect rise, merging suspects into points, and the handheld re-check (domain-rules §7.3).
 */

/** One position fix of the vehicle: its reading and where it was taken (epoch ms). */
export interface Fix {
  ts: number;
  lat: number;
  lng: number;
  ppm: number;
}

/** A fix with the background it was judged against and the verdict. */
export interface JudgedFix extends Fix {
  backgroundPpm: number;
  suspect: boolean;
}

/** A reading of the vehicle's history (the background is computed from these). */
export interface Sample {
  ts: number;
  ppm: number;
}

/**
 * The fixes of one message stream: the device sends `ch4_ppm`, `lat` and `lng` as readings of one timestamp.
 * A timestamp missing any of the three is no fix (a reading without a position cannot be put on the map).
 */
export function fixesOf(readings: readonly { metric: string; ts: number; value: number }[]): Fix[] {
  const byTs = new Map<number, { lat?: number; lng?: number; ppm?: number }>();
  for (const r of readings) {
    let f = byTs.get(r.ts);
    if (!f) byTs.set(r.ts, (f = {}));
    if (r.metric === "ch4_ppm") f.ppm = r.value;
    else if (r.metric === "lat") f.lat = r.value;
    else if (r.metric === "lng") f.lng = r.value;
  }
  const fixes: Fix[] = [];
  for (const [ts, f] of byTs) {
    if (f.ppm !== undefined && f.lat !== undefined && f.lng !== undefined) fixes.push({ ts, lat: f.lat, lng: f.lng, ppm: f.ppm });
  }
  return fixes.sort((a, b) => a.ts - b.ts);
}

/** The median; NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Judges a vehicle's new fixes in time order against the rolling background: the median ppm of the readings
 * in the `backgroundWindowS` before each one (earlier history and the new fixes alike, the reading itself
 * excluded). With fewer than `minBackgroundReadings` there is no background yet: the reading is stored with
 * itself as background and is never a suspect. A suspect rises `suspectRisePpm` or more over it.
 * `history` must hold the readings of at least the window before the first fix.
 */
export function judgeFixes(history: readonly Sample[], fixes: readonly Fix[], t: Pick<LeakThresholds, "backgroundWindowS" | "minBackgroundReadings" | "suspectRisePpm">): JudgedFix[] {
  const windowMs = t.backgroundWindowS * 1000;
  const seen: Sample[] = [...history].sort((a, b) => a.ts - b.ts);
  const out: JudgedFix[] = [];
  for (const f of [...fixes].sort((a, b) => a.ts - b.ts)) {
    const inWindow: number[] = [];
    for (const s of seen) if (s.ts >= f.ts - windowMs && s.ts < f.ts) inWindow.push(s.ppm);
    const enough = inWindow.length >= t.minBackgroundReadings;
    const backgroundPpm = enough ? median(inWindow) : f.ppm;
    out.push({ ...f, backgroundPpm, suspect: enough && f.ppm - backgroundPpm >= t.suspectRisePpm });
    seen.push({ ts: f.ts, ppm: f.ppm });
  }
  return out;
}

/** A leak point as merging sees it; `id` null for one this batch creates. */
export interface PointDraft {
  id: string | null;
  detectedAt: number;
  lastDetectedAt: number;
  readings: number;
  /** Position, ppm and background of the highest reading (the peak is nearest the source). */
  lat: number;
  lng: number;
  ppm: number;
  backgroundPpm: number;
  /** Whether merging changed it (existing points are written back only then). */
  changed: boolean;
}

/**
 * Merges suspect readings (time order) into leak points: a suspect within `mergeDistanceM` of a point's peak
 * and at most `mergeWindowS` after the point's newest reading joins it (the highest reading kept as the
 * peak); otherwise it starts a new point. `open` are the vehicle's suspect points still open for merging.
 * Answers every point touched or created, `open` ones included only if changed.
 */
export function mergeSuspects(open: readonly PointDraft[], suspects: readonly (Fix & { backgroundPpm: number })[], t: Pick<LeakThresholds, "mergeDistanceM" | "mergeWindowS">): PointDraft[] {
  const points = open.map((p) => ({ ...p, changed: false }));
  const windowMs = t.mergeWindowS * 1000;
  for (const s of [...suspects].sort((a, b) => a.ts - b.ts)) {
    let best: PointDraft | null = null;
    let bestD = Infinity;
    for (const p of points) {
      if (s.ts - p.lastDetectedAt > windowMs || s.ts < p.detectedAt - windowMs) continue;
      const d = haversineM([p.lng, p.lat], [s.lng, s.lat]);
      if (d <= t.mergeDistanceM && d < bestD) {
        best = p;
        bestD = d;
      }
    }
    const bg = s.backgroundPpm;
    if (!best) {
      points.push({ id: null, detectedAt: s.ts, lastDetectedAt: s.ts, readings: 1, lat: s.lat, lng: s.lng, ppm: s.ppm, backgroundPpm: bg, changed: true });
      continue;
    }
    best.readings++;
    best.lastDetectedAt = Math.max(best.lastDetectedAt, s.ts);
    best.detectedAt = Math.min(best.detectedAt, s.ts);
    if (s.ppm > best.ppm) Object.assign(best, { lat: s.lat, lng: s.lng, ppm: s.ppm, backgroundPpm: bg });
    best.changed = true;
  }
  return points.filter((p) => p.changed);
}

export interface RecheckVerdict {
  state: "confirmed" | "cleared";
  level: LeakLevel;
}

/**
 * The handheld re-check: in an enclosed space ≥ 50 % LEL is level 2 (evacuate) and ≥ 25 % LEL level 1; anywhere
 * ≥ 1 % LEL confirms a leak; below it the suspect is cleared. Thresholds are inclusive (≥).
 * The open-air 1 % LEL applies near a buried main (where the vehicle surveys); an unmapped source at that
 * level is confirmed too: gas at 1 % LEL in the ground is a leak whether or not the network map shows a main.
 */
export function judgeRecheck(input: { ppm: number; enclosed: boolean }, t: Pick<LeakThresholds, "confirmPpm" | "enclosedLevel1Ppm" | "enclosedLevel2Ppm">): RecheckVerdict {
  if (input.enclosed && input.ppm >= t.enclosedLevel2Ppm) return { state: "confirmed", level: "level2" };
  if (input.enclosed && input.ppm >= t.enclosedLevel1Ppm) return { state: "confirmed", level: "level1" };
  if (input.ppm >= t.confirmPpm) return { state: "confirmed", level: "leak" };
  return { state: "cleared", level: "suspect" };
}

/**
 * Evenly thins a drive to about `max` points for the map, keeping the first, the last and every suspect
 * (a rise must never vanish from the map by thinning, so many suspects may exceed `max`). Answers the input
 * when it is short enough.
 */
export function thinDrive<T extends { suspect?: boolean }>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const keep = new Set<number>([0, points.length - 1]);
  points.forEach((p, i) => p.suspect && keep.add(i));
  const room = Math.max(0, max - keep.size);
  const step = points.length / Math.max(1, room);
  for (let k = 0; k < room; k++) keep.add(Math.min(points.length - 1, Math.floor(k * step)));
  return [...keep].sort((a, b) => a - b).map((i) => points[i]);
}
