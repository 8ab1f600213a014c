import type { CylinderType } from "@contracts/gas/cylinder-status";
import type { CustomerKind } from "@contracts/gas/customer";

/**
 * The numbers the demo city's bottled gas is drawn from, in one place. Cylinder life per domain-rules §7.1
 * (GB 5842 cylinders as applied locally): design life 8 years, periodic inspection every 4 years from the
 * manufacture date, scrapped at 12 years at most. Fill sizes are the allowed fill stamped on the cylinder.
 */
export const CYLINDER_LIFE = { designLifeYears: 8, inspectionIntervalYears: 4, maxServiceYears: 12 } as const;

/** Spec → allowed fill (kg) and the types it comes in; liquid-phase only as 50 kg (GB 5842-2023). */
export const CYLINDER_SPECS = {
  YSP5: { nominalFillKg: 5, types: ["gas_phase"] },
  YSP15: { nominalFillKg: 14.5, types: ["gas_phase"] },
  YSP50: { nominalFillKg: 49.5, types: ["gas_phase", "liquid_phase"] },
} as const satisfies Record<string, { nominalFillKg: number; types: readonly CylinderType[] }>;
export type CylinderSpec = keyof typeof CYLINDER_SPECS;

/** What a customer's installation takes: one spec and type per slot (a slot is one cylinder position at the customer). */
export interface SlotKind {
  spec: CylinderSpec;
  type: Exclude<CylinderType, "dual_phase">;
}
export const slotKey = (k: SlotKind) => `${k.spec}/${k.type}`;


/**
 * Per customer kind: share of customers, cylinders held at once (weighted; a third of households keep a spare), and how many
 * days one cylinder lasts (a family burns a 14.5 kg cylinder in about a month; a restaurant a 49.5 kg one in
 * a few days). The seed's fill rate follows from these: about 1,700 fills a day at scale 1.
 */
export const CUSTOMER_PROFILES: Record<CustomerKind, { share: number; slots: readonly (readonly [number, number])[]; daysPerCylinder: [number, number]; kinds: readonly (readonly [SlotKind, number])[] }> = {
  resident: {
    share: 0.84,
    slots: [
      [1, 70],
      [2, 30],
    ],
    daysPerCylinder: [22, 45],
    kinds: [
      [{ spec: "YSP15", type: "gas_phase" }, 90],
      [{ spec: "YSP5", type: "gas_phase" }, 10],
    ],
  },
  catering: {
    share: 0.13,
    slots: [
      [2, 30],
      [3, 30],
      [4, 20],
      [5, 20],
    ],
    daysPerCylinder: [2, 7],
    kinds: [
      [{ spec: "YSP50", type: "liquid_phase" }, 55],
      [{ spec: "YSP50", type: "gas_phase" }, 25],
      [{ spec: "YSP15", type: "gas_phase" }, 20],
    ],
  },
  other: {
    share: 0.03,
    slots: [
      [1, 40],
      [2, 40],
      [3, 20],
    ],
    daysPerCylinder: [6, 20],
    kinds: [
      [{ spec: "YSP50", type: "liquid_phase" }, 40],
      [{ spec: "YSP15", type: "gas_phase" }, 60],
    ],
  },
};

/** Detection-vehicle thresholds (domain-rules §7.3): a rise ≥ 10 ppm over the rolling 5-minute median is a suspect; 1 % LEL = 500 ppm confirms. */
export const DETECTOR = { riseOverBackgroundPpm: 10, backgroundWindowMs: 5 * 60_000, confirmPpm: 500, speedMps: 8.3, readingEveryMs: 2000 } as const;

export const DAY_MS = 86_400_000;
/** Asia/Shanghai has no daylight saving: a fixed +8 h. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The Shanghai calendar day of an instant. */
export const shanghaiDayOf = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
/** Shanghai midnight at or before the instant t (epoch ms), without building a Date. */
export const midnightBefore = (t: number) => Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
/** Midnight (Shanghai) of a `YYYY-MM-DD` day, as epoch ms. */
export const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
/** `YYYY-MM-DD` plus whole years (29 Feb → 28 Feb in a common year); string arithmetic, it runs ~10⁶ times. */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const rest = day.slice(4);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}${rest === "-02-29" && !leap ? "-02-28" : rest}`;
}
/** `YYYY-MM-DD` plus whole months, clamped to the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Metres between two [lng, lat] points (equirectangular; exact enough within a county). */
export function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_008;
}

/** The point `dx` metres east and `dy` metres north of [lng, lat], rounded to 6 decimals (~0.1 m). */
export function offset(p: readonly [number, number], dx: number, dy: number): [number, number] {
  const lat = p[1] + dy / 111_195;
  const lng = p[0] + dx / (111_195 * Math.cos((p[1] * Math.PI) / 180));
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** Distance in metres from point p to the segment a–b (local plane around p). */
export function pointSegmentMetres(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const kx = 111_195 * Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * 111_195;
  const bx = (b[0] - p[0]) * kx;
  const by = (b[1] - p[1]) * 111_195;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Distance in metres from a point to a polyline. */
export const pointLineMetres = (p: readonly [number, number], line: readonly (readonly [number, number])[]) =>
  line.slice(1).reduce((min, b, i) => Math.min(min, pointSegmentMetres(p, line[i], b)), Infinity);

/**
 * Row ids in creation order: the first 40 bits count up under a per-table tag, so bulk inserts append to
 * the primary-key index instead of splitting pages all over it (several times faster on PGlite); the rest
 * comes from the seed's stream, in the version-4 layout every validator expects.
 */
export function sequentialIds(rng: { next(): number }, tag: number): () => string {
  let n = 0;
  const hex = (x: number, width: number) => Math.floor(x).toString(16).padStart(width, "0");
  return () => {
    n++;
    const r = rng.next() * 2 ** 32;
    const s = rng.next() * 2 ** 32;
    return `${hex(tag, 2)}${hex(n / 65536, 6)}-${hex(n % 65536, 4)}-4${hex(r % 4096, 3)}-${"89ab"[Math.floor(r / 2 ** 30) & 3]}${hex(s % 4096, 3)}-${hex((r / 4096) % 2 ** 16, 4)}${hex(s / 4096, 8).slice(-8)}`;
  };
}
