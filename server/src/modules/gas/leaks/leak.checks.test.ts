import { describe, expect, it } from "vitest";
import { fixesOf, judgeFixes, judgeRecheck, median, mergeSuspects, thinDrive, type PointDraft } from "./leak.checks.js";
import { LEAK_THRESHOLDS_DEFAULT as T, leakThresholdsRule } from "./leak.rules.js";

const S = 1000;
/** A fix at second `s` of a straight drive east along 28.9° N (about 1 m per 0.00001°). */
const fix = (s: number, ppm: number, eastM = 0) => ({ ts: s * S, lat: 28.9, lng: 120 + eastM / 97_500, ppm });
const flat = (fromS: number, toS: number, ppm = 2) => Array.from({ length: toS - fromS }, (_, i) => ({ ts: (fromS + i) * S, ppm }));

describe("median", () => {
  it("takes the middle value or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("fixesOf", () => {
  it("joins ch4_ppm, lat and lng of one timestamp and drops incomplete ones", () => {
    const fixes = fixesOf([
      { metric: "lng", ts: 2, value: 120 },
      { metric: "ch4_ppm", ts: 2, value: 5 },
      { metric: "lat", ts: 2, value: 28.9 },
      { metric: "ch4_ppm", ts: 1, value: 7 },
      { metric: "lat", ts: 1, value: 28.9 },
    ]);
    expect(fixes).toEqual([{ ts: 2, lat: 28.9, lng: 120, ppm: 5 }]);
  });
});

describe("judgeFixes: rolling background and the 10 ppm rise", () => {
  const history = flat(0, 300, 2);

  it("is a suspect at exactly background + 10 ppm and not at 9.99", () => {
    const [at, below] = [judgeFixes(history, [fix(300, 12)], T)[0], judgeFixes(history, [fix(300, 11.99)], T)[0]];
    expect(at).toMatchObject({ backgroundPpm: 2, suspect: true });
    expect(below).toMatchObject({ backgroundPpm: 2, suspect: false });
  });

  it("uses the median of the 5 minutes before the reading only", () => {
    // An old high stretch (older than 300 s) is outside the window; a few spikes inside do not move the median.
    const h = [...flat(0, 100, 50), ...flat(100, 400, 2), { ts: 398 * S, ppm: 80 }, { ts: 399 * S, ppm: 80 }];
    const [f] = judgeFixes(h, [fix(400, 12)], T);
    expect(f.backgroundPpm).toBe(2);
    expect(f.suspect).toBe(true);
    // The window starts exactly 300 s before: a reading at t−300 s counts, one at t−301 s does not.
    const edge = judgeFixes([{ ts: 99 * S, ppm: 100 }, { ts: 100 * S, ppm: 100 }, { ts: 101 * S, ppm: 100 }, { ts: 102 * S, ppm: 1 }], [fix(400, 105)], T)[0];
    expect(edge.backgroundPpm).toBe(100);
  });

  it("does not judge without enough earlier readings, and stores the reading itself as background", () => {
    const [f] = judgeFixes(flat(298, 300), [fix(300, 500)], T);
    expect(f).toMatchObject({ backgroundPpm: 500, suspect: false });
    const [g] = judgeFixes(flat(297, 300), [fix(300, 500)], T);
    expect(g).toMatchObject({ backgroundPpm: 2, suspect: true });
  });

  it("judges the batch's own fixes in time order, each against those before it", () => {
    const out = judgeFixes([], [fix(4, 2), fix(1, 2), fix(2, 2), fix(3, 2), fix(5, 30)], T);
    expect(out.map((f) => f.ts)).toEqual([1, 2, 3, 4, 5].map((s) => s * S));
    expect(out.map((f) => f.suspect)).toEqual([false, false, false, false, true]);
  });
});

describe("mergeSuspects", () => {
  const suspect = (s: number, ppm: number, eastM: number) => ({ ...fix(s, ppm, eastM), backgroundPpm: 2 });
  const existing: PointDraft = { id: "p1", detectedAt: 100 * S, lastDetectedAt: 100 * S, readings: 1, lat: 28.9, lng: 120, ppm: 20, backgroundPpm: 2, changed: false };

  it("merges within 20 m and 5 min of the point's newest reading, keeping the highest reading as the peak", () => {
    const [p] = mergeSuspects([existing], [suspect(110, 40, 15)], T);
    expect(p).toMatchObject({ id: "p1", readings: 2, ppm: 40, lastDetectedAt: 110 * S, changed: true });
    expect(p.lng).toBeCloseTo(120 + 15 / 97_500, 9);
    const [q] = mergeSuspects([existing], [suspect(110, 15, 15)], T);
    expect(q).toMatchObject({ id: "p1", readings: 2, ppm: 20, lng: 120 });
  });

  it("starts a new point beyond the merge distance or after the window", () => {
    const far = mergeSuspects([existing], [suspect(110, 40, 25)], T);
    expect(far).toHaveLength(1);
    expect(far[0].id).toBeNull();
    const late = mergeSuspects([existing], [suspect(100 + 301, 40, 0)], T);
    expect(late.map((p) => p.id)).toEqual([null]);
    const justInTime = mergeSuspects([existing], [suspect(100 + 300, 40, 0)], T);
    expect(justInTime.map((p) => p.id)).toEqual(["p1"]);
  });

  it("chains a run of suspects along a leak into one point and leaves untouched points out", () => {
    const run = [0, 5, 10, 15, 20, 25, 30].map((m, i) => suspect(200 + i, 12 + i, m));
    const elsewhere = { ...existing, lng: 120 + 1000 / 97_500 };
    const points = mergeSuspects([elsewhere], run, T);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ id: null, readings: 7, ppm: 18 });
  });
});

describe("judgeRecheck at every boundary", () => {
  const j = (ppm: number, enclosed: boolean) => judgeRecheck({ ppm, enclosed }, T);
  it("clears below 1 % LEL and confirms a leak from 500 ppm", () => {
    expect(j(499.9, false)).toEqual({ state: "cleared", level: "suspect" });
    expect(j(500, false)).toEqual({ state: "confirmed", level: "leak" });
    expect(j(499.9, true)).toEqual({ state: "cleared", level: "suspect" });
    expect(j(500, true)).toEqual({ state: "confirmed", level: "leak" });
  });
  it("raises level 1 from 25 % LEL and level 2 from 50 % LEL, in enclosed spaces only", () => {
    expect(j(12_499, true).level).toBe("leak");
    expect(j(12_500, true).level).toBe("level1");
    expect(j(24_999, true).level).toBe("level1");
    expect(j(25_000, true).level).toBe("level2");
    expect(j(30_000, false).level).toBe("leak");
  });
});

describe("gas.leak_thresholds rule", () => {
  it("files the §7.3 defaults and refuses inverted levels", () => {
    expect(leakThresholdsRule.schema.parse(T)).toMatchObject({ suspectRisePpm: 10, backgroundWindowS: 300, confirmPpm: 500, enclosedLevel1Ppm: 12_500, enclosedLevel2Ppm: 25_000 });
    expect(leakThresholdsRule.schema.safeParse({ ...T, enclosedLevel1Ppm: 30_000 }).success).toBe(false);
  });
});

describe("thinDrive", () => {
  it("keeps short drives whole and thins long ones, keeping ends and every suspect", () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ i, suspect: i === 333 || i === 777 }));
    expect(thinDrive(pts.slice(0, 10), 20)).toHaveLength(10);
    const thin = thinDrive(pts, 50);
    expect(thin.length).toBeLessThanOrEqual(50);
    expect(thin.map((p) => p.i)).toEqual(expect.arrayContaining([0, 333, 777, 999]));
    expect(thin.map((p) => p.i)).toEqual([...thin.map((p) => p.i)].sort((a, b) => a - b));
  });
});
