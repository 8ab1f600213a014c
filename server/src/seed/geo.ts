import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Rng } from "./prng.js";

/** The 永康市 outline the web map draws; the seed places every site inside it. */
export const OUTLINE_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/public/geo/yongkang-330784.geojson");

type Ring = [number, number][];
/** Polygons, each an outer ring followed by its holes. */
export type Outline = Ring[][];

interface GeoJson {
  features: { geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] } }[];
}

let cached: Outline | undefined;

/** Reads the outline once per process. */
export function loadOutline(file: string = OUTLINE_PATH): Outline {
  if (file === OUTLINE_PATH && cached) return cached;
  const geo = JSON.parse(readFileSync(file, "utf8")) as GeoJson;
  const outline = geo.features.flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates));
  if (file === OUTLINE_PATH) cached = outline;
  return outline;
}

/** Ray casting: is [lng, lat] inside the ring? */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside one of the polygons' outer rings and outside all of that polygon's holes. */
export function isInside(outline: Outline, lng: number, lat: number): boolean {
  return outline.some(([outer, ...holes]) => inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h)));
}

function bbox(outline: Outline): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [outer] of outline) {
    for (const [x, y] of outer) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Rough centres of the towns and streets (hand-placed for a plausible spread on the map, not surveyed);
 * sites scatter around their town and are re-drawn until they fall inside the city outline.
 */
const TOWN_CENTRES: Record<string, [number, number]> = {
  东城街道: [120.05, 28.9],
  西城街道: [120.02, 28.9],
  江南街道: [120.03, 28.87],
  经济开发区: [120.08, 28.87],
  石柱镇: [119.96, 28.84],
  前仓镇: [120.1, 28.82],
  舟山镇: [120.16, 28.83],
  古山镇: [120.08, 29.0],
  方岩镇: [120.2, 28.94],
  龙山镇: [120.1, 28.96],
  西溪镇: [120.0, 28.78],
  象珠镇: [120.14, 29.02],
  唐先镇: [120.16, 29.05],
  花街镇: [119.98, 28.95],
  芝英镇: [120.13, 28.9],
};

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A point inside the outline near the district's centre (rejection sampling; uniform over the city as a fallback). */
export function pointInDistrict(rng: Rng, outline: Outline, district: string): { lng: number; lat: number } {
  const centre = TOWN_CENTRES[district];
  if (centre) {
    for (let i = 0; i < 50; i++) {
      const lng = round6(centre[0] + rng.normal() * 0.018);
      const lat = round6(centre[1] + rng.normal() * 0.015);
      if (isInside(outline, lng, lat)) return { lng, lat };
    }
  }
  const [minX, minY, maxX, maxY] = bbox(outline);
  for (;;) {
    const lng = round6(minX + rng.next() * (maxX - minX));
    const lat = round6(minY + rng.next() * (maxY - minY));
    if (isInside(outline, lng, lat)) return { lng, lat };
  }
}
