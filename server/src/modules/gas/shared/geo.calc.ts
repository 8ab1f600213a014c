/**
 * Plane geometry for the pipeline network, pure and fast. Distances are city-scale (a few km), so a local
 * equirectangular projection around the points' latitude is accurate to well under a metre; haversine is
 * used for line lengths, where the error would add up over many segments.
 * Coordinates are GeoJSON order: [lng, lat] in WGS-84 degrees.
 */

export type LngLat = readonly [number, number];
/** A GPS fix: [lng, lat, epoch ms]. */
export type TrackPoint = readonly [number, number, number];

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Metres per degree of latitude on the mean sphere. */
export const M_PER_DEG_LAT = EARTH_RADIUS_M * RAD;

/** Great-circle distance in metres. */
export function haversineM(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a polyline in metres. */
export function lineLengthM(line: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += haversineM(line[i - 1], line[i]);
  return total;
}

export function bboxOf(points: readonly (LngLat | TrackPoint)[]): BBox {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const p of points) {
    if (p[0] < box.minLng) box.minLng = p[0];
    if (p[0] > box.maxLng) box.maxLng = p[0];
    if (p[1] < box.minLat) box.minLat = p[1];
    if (p[1] > box.maxLat) box.maxLat = p[1];
  }
  return box;
}

/** The box grown by `m` metres on every side (for "within m of" prefilters on the indexed bbox columns). */
export function expandBBox(box: BBox, m: number): BBox {
  const dLat = m / M_PER_DEG_LAT;
  const cos = Math.max(0.01, Math.cos(Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) * RAD));
  const dLng = m / (M_PER_DEG_LAT * cos);
  return { minLng: box.minLng - dLng, minLat: box.minLat - dLat, maxLng: box.maxLng + dLng, maxLat: box.maxLat + dLat };
}

/** Local metric plane (x east, y north, metres) around a reference latitude. */
class Plane {
  private readonly kx: number;
  constructor(refLat: number) {
    this.kx = M_PER_DEG_LAT * Math.cos(refLat * RAD);
  }
  x(lng: number): number {
    return lng * this.kx;
  }
  y(lat: number): number {
    return lat * M_PER_DEG_LAT;
  }
}

/** Squared distance from point (px,py) to segment (ax,ay)-(bx,by), all in metres. */
function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Shortest distance in metres from a point to a polyline (a single point counts as a degenerate line). */
export function pointToPolylineM(p: LngLat, line: readonly LngLat[]): number {
  if (line.length === 0) return Infinity;
  const plane = new Plane(p[1]);
  const px = plane.x(p[0]);
  const py = plane.y(p[1]);
  let best = Infinity;
  if (line.length === 1) return Math.sqrt(segDist2(px, py, plane.x(line[0][0]), plane.y(line[0][1]), plane.x(line[0][0]), plane.y(line[0][1])));
  for (let i = 1; i < line.length; i++) {
    const d = segDist2(px, py, plane.x(line[i - 1][0]), plane.y(line[i - 1][1]), plane.x(line[i][0]), plane.y(line[i][1]));
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

export interface CoverageOptions {
  /** A piece of the line counts as patrolled when the track came within this many metres. */
  radiusM: number;
  /** Consecutive fixes further apart than this are a GPS gap, not a walked segment. */
  maxGapM: number;
  /** The line is judged in pieces of at most this length (the result's resolution). */
  stepM: number;
}

/**
 * The track as segments in a uniform grid (cell = radius), so "is any of the track within r of here" looks
 * at the 3×3 cells around a point instead of the whole track: a day's track against a network stays linear.
 */
export class TrackIndex {
  private readonly plane: Plane;
  private readonly cells = new Map<string, number[]>();
  /** Segments as flat [ax, ay, bx, by] in metres; a lone fix is a zero-length segment. */
  private readonly segs: number[] = [];
  readonly empty: boolean;

  constructor(
    track: readonly (TrackPoint | LngLat)[],
    private readonly radiusM: number,
    maxGapM: number,
  ) {
    const refLat = track.length ? track[0][1] : 0;
    this.plane = new Plane(refLat);
    this.empty = track.length === 0;
    const xy = track.map((p) => [this.plane.x(p[0]), this.plane.y(p[1])] as const);
    for (let i = 0; i < xy.length; i++) {
      const a = xy[i];
      const next = xy[i + 1];
      const joined = next && Math.hypot(next[0] - a[0], next[1] - a[1]) <= maxGapM;
      // A fix that starts no walked segment still counts on its own (its predecessor's segment ends there).
      if (joined) this.add(a[0], a[1], next[0], next[1]);
      else if (i === 0 || Math.hypot(a[0] - xy[i - 1][0], a[1] - xy[i - 1][1]) > maxGapM) this.add(a[0], a[1], a[0], a[1]);
    }
  }

  private key(cx: number, cy: number): string {
    return `${cx}:${cy}`;
  }

  private add(ax: number, ay: number, bx: number, by: number): void {
    const id = this.segs.length / 4;
    this.segs.push(ax, ay, bx, by);
    const r = this.radiusM;
    for (let cx = Math.floor(Math.min(ax, bx) / r); cx <= Math.floor(Math.max(ax, bx) / r); cx++) {
      for (let cy = Math.floor(Math.min(ay, by) / r); cy <= Math.floor(Math.max(ay, by) / r); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(id);
        else this.cells.set(k, [id]);
      }
    }
  }

  /** Whether the track passes within the radius of a point given in this index's plane. */
  private nearXY(px: number, py: number): boolean {
    const r = this.radiusM;
    const r2 = r * r;
    const cx = Math.floor(px / r);
    const cy = Math.floor(py / r);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const ids = this.cells.get(this.key(cx + dx, cy + dy));
        if (!ids) continue;
        for (const id of ids) {
          const s = id * 4;
          if (segDist2(px, py, this.segs[s], this.segs[s + 1], this.segs[s + 2], this.segs[s + 3]) <= r2) return true;
        }
      }
    }
    return false;
  }

  near(p: LngLat): boolean {
    return !this.empty && this.nearXY(this.plane.x(p[0]), this.plane.y(p[1]));
  }

  /**
   * Metres of the polyline that lie within the radius of the track: the line is cut into pieces of at most
   * `stepM`, and a piece counts when its midpoint is near the track.
   */
  coveredM(line: readonly LngLat[], stepM: number): number {
    if (this.empty) return 0;
    let covered = 0;
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      const len = haversineM(a, b);
      if (len === 0) continue;
      const pieces = Math.max(1, Math.ceil(len / stepM));
      const ax = this.plane.x(a[0]);
      const ay = this.plane.y(a[1]);
      const dx = this.plane.x(b[0]) - ax;
      const dy = this.plane.y(b[1]) - ay;
      let hits = 0;
      for (let k = 0; k < pieces; k++) {
        const t = (k + 0.5) / pieces;
        if (this.nearXY(ax + t * dx, ay + t * dy)) hits++;
      }
      covered += (len * hits) / pieces;
    }
    return covered;
  }
}

/** Covered length of one polyline by one track (see `TrackIndex.coveredM`). */
export function coveredLengthM(line: readonly LngLat[], track: readonly (TrackPoint | LngLat)[], opts: CoverageOptions): number {
  return new TrackIndex(track, opts.radiusM, opts.maxGapM).coveredM(line, opts.stepM);
}
