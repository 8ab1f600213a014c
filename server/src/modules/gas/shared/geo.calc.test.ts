import { describe, expect, it } from "vitest";
import { bboxOf, coveredLengthM, expandBBox, haversineM, lineLengthM, M_PER_DEG_LAT, pointToPolylineM, TrackIndex, type LngLat } from "./geo.calc.js";

// Around 永康 (Yongkang): 1e-5° lat ≈ 1.11 m; 1e-5° lng ≈ 1.00 m at 28.9°N.
const LAT = 28.9;
const LNG = 120.04;
const cos = Math.cos((LAT * Math.PI) / 180);
/** A point `east` and `north` metres from the origin. */
const at = (east: number, north: number): LngLat => [LNG + east / (M_PER_DEG_LAT * cos), LAT + north / M_PER_DEG_LAT];

describe("distances", () => {
  it("haversine gives a degree of latitude as ~111.2 km and is symmetric", () => {
    expect(haversineM([LNG, LAT], [LNG, LAT + 1])).toBeCloseTo(111_195, -1);
    expect(haversineM(at(0, 0), at(300, 400))).toBeCloseTo(500, 0);
    expect(haversineM(at(300, 400), at(0, 0))).toBeCloseTo(haversineM(at(0, 0), at(300, 400)), 9);
  });

  it("a polyline's length is the sum of its legs", () => {
    expect(lineLengthM([at(0, 0), at(100, 0), at(100, 50)])).toBeCloseTo(150, 0);
    expect(lineLengthM([at(0, 0)])).toBe(0);
  });

  it("point to polyline: perpendicular inside a segment, nearest end outside it", () => {
    const line = [at(0, 0), at(100, 0), at(100, 100)];
    expect(pointToPolylineM(at(50, 30), line)).toBeCloseTo(30, 1);
    expect(pointToPolylineM(at(-40, 30), line)).toBeCloseTo(50, 1);
    expect(pointToPolylineM(at(130, 60), line)).toBeCloseTo(30, 1);
    expect(pointToPolylineM(at(50, 0), line)).toBeCloseTo(0, 3);
  });

  it("an expanded bbox contains everything within the margin", () => {
    const box = expandBBox(bboxOf([at(0, 0), at(100, 100)]), 50);
    const inside = at(-49, 149);
    const outside = at(-52, 50);
    expect(inside[0] >= box.minLng && inside[1] <= box.maxLat).toBe(true);
    expect(outside[0] >= box.minLng).toBe(false);
  });
});

describe("coverage of a line by a track", () => {
  const opts = { radiusM: 30, maxGapM: 200, stepM: 5 };
  const line = [at(0, 0), at(1000, 0)];

  it("a track walking along the first half 10 m off covers about half", () => {
    const track = Array.from({ length: 51 }, (_, i) => [...at(i * 10, 10), i * 1000] as [number, number, number]);
    const covered = coveredLengthM(line, track, opts);
    // Walked 0–500 m, and the radius reaches 30 m (minus the 10 m offset) beyond the end: ~528 m.
    expect(covered).toBeGreaterThan(515);
    expect(covered).toBeLessThan(540);
  });

  it("a track further away than the radius covers nothing; so does an empty track", () => {
    const far = [at(0, 40), at(1000, 40)].map((p, i) => [...p, i] as [number, number, number]);
    expect(coveredLengthM(line, far, opts)).toBe(0);
    expect(coveredLengthM(line, [], opts)).toBe(0);
  });

  it("a GPS gap longer than maxGap is not walked, but its ends still count", () => {
    const gap = [at(0, 0), at(1000, 0)].map((p, i) => [...p, i] as [number, number, number]);
    const covered = coveredLengthM(line, gap, opts);
    expect(covered).toBeGreaterThan(55);
    expect(covered).toBeLessThan(65);
    expect(coveredLengthM(line, gap, { ...opts, maxGapM: 2000 })).toBeCloseTo(1000, 0);
  });

  it("a wider radius covers more of a track that runs beside the line", () => {
    const beside = [at(0, 35), at(1000, 35)].map((p, i) => [...p, i] as [number, number, number]);
    expect(coveredLengthM(line, beside, { ...opts, maxGapM: 2000 })).toBe(0);
    expect(coveredLengthM(line, beside, { ...opts, maxGapM: 2000, radiusM: 40 })).toBeCloseTo(1000, 0);
  });

  it("near() answers for single points", () => {
    const index = new TrackIndex([at(0, 0), at(100, 0)], 30, 200);
    expect(index.near(at(50, 29))).toBe(true);
    expect(index.near(at(50, 31))).toBe(false);
  });

  it("stays fast: a 10 km track against 200 km of lines", () => {
    const track = Array.from({ length: 2000 }, (_, i) => [...at(i * 5, Math.sin(i / 50) * 20), i] as [number, number, number]);
    const lines = Array.from({ length: 200 }, (_, k) => [at(0, k * 10 - 1000), at(1000, k * 10 - 1000)]);
    const index = new TrackIndex(track, 30, 200);
    const t0 = performance.now();
    const total = lines.reduce((s, l) => s + index.coveredM(l, 5), 0);
    expect(total).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
