import type { LngLat, PipelinesRows } from "../modules/gas/pipelines/index.js";
import { pointInDistrict, type Outline } from "./geo.js";
import { HAZARD_KINDS } from "@contracts/gas/patrol";
import { DAY_MS, metres, offset, pointLineMetres, shanghaiDayOf, shanghaiMidnight } from "./gas.model.js";
import type { GasCompany, PersonRow } from "./gas.parties.gen.js";
import { idNumber, mobile } from "./ids.js";
import { personName } from "./names.js";
import type { Rng } from "./prng.js";

/**
 * A piped-gas company's network, as a city's would look: medium-pressure (中压) mains under a grid of
 * streets, one line per street between junctions; low-pressure (低压) service branches off them into the
 * blocks; a few sub-high (次高压) trunks and one high-pressure (高压) line round the edge, fed from a gate
 * station. GeoJSON order [lng, lat]. Patrol plans per pressure class (trunks daily, mains every 3 days,
 * branches weekly) with 30 days of patrols whose GPS tracks walk the lines they cover (a few metres off
 * the pipe), and hazards found on them. For the site ↔ pipeline linkage, the demo company also has a
 * medium main passing 15–40 m from a few in-progress construction sites (the linkage itself is the
 * pipelines service's to compute).
 */

export type PipelineRow = PipelinesRows["pipelines"] & { id: string; code: string; pressureClass: string; coordinates: LngLat[]; lengthM: number };
export type PlanRow = PipelinesRows["patrolPlans"] & { id: string };
export type PatrolRow = PipelinesRows["patrols"] & { id: string };
export type HazardRow = PipelinesRows["patrolHazards"] & { id: string };

export interface SiteProject {
  id: string;
  code: string;
  name: string;
  lat: number;
  lng: number;
}

/** A medium main planted next to a construction site, for the report and the tests. */
export interface PlantedLink {
  projectId: string;
  projectCode: string;
  projectName: string;
  pipelineId: string;
  pipelineCode: string;
  distanceM: number;
}

export interface Network {
  company: GasCompany;
  pipelines: PipelineRow[];
  /** Street mains as a graph the detection vehicle can drive: node i ↔ node j along a main. */
  nodes: LngLat[];
  streets: { a: number; b: number; pipeline: PipelineRow }[];
}

export interface PipelinesOut {
  networks: Network[];
  plans: PlanRow[];
  patrols: PatrolRow[];
  hazards: HazardRow[];
  persons: PersonRow[];
  links: PlantedLink[];
}

const PRESSURE_LABEL: Record<string, string> = { low: "低压", medium: "中压", sub_high: "次高压", high: "高压" };
const PLAN_INTERVAL: Record<string, number> = { high: 1, sub_high: 1, medium: 3, low: 7 };
const HAZARD_TEXT: Record<(typeof HAZARD_KINDS)[number], string[]> = {
  third_party_digging: ["管线上方有挖掘机作业，未办理燃气管线保护手续", "路边开挖电缆沟，距燃气管约 2 米"],
  exposed_pipe: ["河道护岸塌方，燃气管局部裸露", "路面修复后管道警示带外露"],
  leak_smell: ["阀门井附近有燃气异味", "居民反映楼道口有异味，现场便携仪读数偏高"],
  occupation: ["管线上方搭建临时棚屋", "管线上方堆放建材"],
  other: ["标志桩缺失", "阀门井盖破损"],
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const lengthOf = (line: LngLat[]) => line.slice(1).reduce((s, p, i) => s + metres(line[i], p), 0);

function pipeline(rng: Rng, company: GasCompany, code: string, name: string, pressureClass: string, coordinates: LngLat[], now: Date, laidFrom = 2004): PipelineRow {
  const lngs = coordinates.map((p) => p[0]);
  const lats = coordinates.map((p) => p[1]);
  const year = rng.int(laidFrom, 2023);
  const material =
    pressureClass === "low" ? (year < 2008 && rng.chance(0.4) ? rng.pick(["镀锌钢管", "铸铁管"]) : "PE100 SDR17") : pressureClass === "medium" ? (rng.chance(0.8) ? "PE100 SDR11" : "无缝钢管 L245") : rng.pick(["螺旋焊缝钢管 L290", "直缝钢管 L360"]);
  const diameterMm = rng.pick(pressureClass === "low" ? [63, 90, 110] : pressureClass === "medium" ? [160, 200, 250, 315] : pressureClass === "sub_high" ? [323, 406] : [508]);
  const created = new Date(now.getTime() - rng.int(200, 900) * DAY_MS);
  return {
    id: rng.uuid(),
    enterpriseId: company.id,
    code,
    name,
    pressureClass,
    material,
    diameterMm,
    laidOn: `${year}-${String(rng.int(3, 11)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
    coordinates,
    lengthM: round1(lengthOf(coordinates)),
    minLat: Math.min(...lats),
    maxLat: Math.max(...lats),
    minLng: Math.min(...lngs),
    maxLng: Math.max(...lngs),
    createdAt: created,
    updatedAt: created,
  };
}

/** One company's network around `centre`: an n×n street grid, rotated a little like a real town. */
function network(rng: Rng, company: GasCompany, ci: number, centre: LngLat, n: number, now: Date): Network {
  const spacing = 380 + rng.int(0, 60);
  const angle = ((rng.int(-12, 12) * Math.PI) / 180) as number;
  const at = (i: number, j: number): LngLat => {
    const x = (i - (n - 1) / 2) * spacing;
    const y = (j - (n - 1) / 2) * spacing;
    return offset(centre, x * Math.cos(angle) - y * Math.sin(angle) + rng.normal() * 8, x * Math.sin(angle) + y * Math.cos(angle) + rng.normal() * 8);
  };
  const nodes: LngLat[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) nodes.push(at(i, j));
  const id = (i: number, j: number) => i * n + j;
  const pipelines: PipelineRow[] = [];
  const streets: Network["streets"] = [];
  const prefix = `GX${String(ci + 1).padStart(2, "0")}`;
  let seq = 0;
  const code = (letter: string) => `${prefix}-${letter}${String(++seq).padStart(4, "0")}`;
  const main = (a: number, b: number, dir: string) => {
    const mid = offset([(nodes[a][0] + nodes[b][0]) / 2, (nodes[a][1] + nodes[b][1]) / 2], rng.normal() * 6, rng.normal() * 6);
    const p = pipeline(rng, company, code("M"), `${dir}向中压干管 ${seq}`, "medium", [nodes[a], mid, nodes[b]], now);
    pipelines.push(p);
    streets.push({ a, b, pipeline: p });
    // Service branches into the blocks on either side.
    for (let k = rng.int(0, 2); k > 0; k--) {
      const t = 0.2 + rng.next() * 0.6;
      const from: LngLat = offset([nodes[a][0] + (nodes[b][0] - nodes[a][0]) * t, nodes[a][1] + (nodes[b][1] - nodes[a][1]) * t], 0, 0);
      const len = rng.int(60, 200) * rng.pick([-1, 1]);
      const [dx, dy] = dir === "东西" ? [rng.normal() * 10, len] : [len, rng.normal() * 10];
      pipelines.push(pipeline(rng, company, code("L"), `低压支管 ${seq}`, "low", [from, offset(from, dx / 2, dy / 2), offset(from, dx, dy)], now));
    }
  };
  for (let i = 0; i < n; i++) for (let j = 0; j + 1 < n; j++) main(id(i, j), id(i, j + 1), "南北");
  for (let j = 0; j < n; j++) for (let i = 0; i + 1 < n; i++) main(id(i, j), id(i + 1, j), "东西");
  // Trunks round the edge, 300 m outside the grid: sub-high on three sides, high-pressure on one when big enough.
  const edge = (n - 1) / 2 + 0.8;
  const side = (from: [number, number], to: [number, number]) => {
    const pts: LngLat[] = [];
    for (let s = 0; s <= 6; s++) {
      const x = (from[0] + ((to[0] - from[0]) * s) / 6) * spacing;
      const y = (from[1] + ((to[1] - from[1]) * s) / 6) * spacing;
      pts.push(offset(centre, x * Math.cos(angle) - y * Math.sin(angle) + rng.normal() * 15, x * Math.sin(angle) + y * Math.cos(angle) + rng.normal() * 15));
    }
    return pts;
  };
  const sides: [[number, number], [number, number]][] = [
    [[-edge, -edge], [edge, -edge]],
    [[edge, -edge], [edge, edge]],
    [[edge, edge], [-edge, edge]],
    [[-edge, edge], [-edge, -edge]],
  ];
  const trunks = n >= 7 ? 4 : 2;
  sides.slice(0, trunks).forEach((s, k) => {
    const high = n >= 7 && k === 0;
    pipelines.push(pipeline(rng, company, code(high ? "H" : "S"), high ? "门站高压输气管线" : `环城次高压管线 ${k + 1} 段`, high ? "high" : "sub_high", side(...s), now, 2010));
  });
  return { company, pipelines, nodes, streets };
}

/** A main 15–40 m from the site, ~600 m long, crossing its frontage (the excavation risk the linkage flags). */
function mainBySite(rng: Rng, company: GasCompany, site: SiteProject, code: string, now: Date): { row: PipelineRow; distanceM: number } {
  const d = rng.int(15, 40);
  const horizontal = rng.chance(0.5);
  const base = offset([site.lng, site.lat], horizontal ? 0 : d, horizontal ? d : 0);
  const coords: LngLat[] = [-300, -100, 100, 300].map((s) => offset(base, horizontal ? s : 0, horizontal ? 0 : s));
  const row = pipeline(rng, company, code, `${site.name.replace(/^永康市/, "").slice(0, 12)}旁中压干管`, "medium", coords, now);
  return { row, distanceM: round1(pointLineMetres([site.lng, site.lat], coords)) };
}

export function generatePipelines(
  rng: Rng,
  opts: { companies: GasCompany[]; projects: SiteProject[]; outline: Outline; now: Date; takenIdNumbers: Set<string> },
): PipelinesOut {
  const now = opts.now;
  const networks: Network[] = [];
  const plans: PlanRow[] = [];
  const patrols: PatrolRow[] = [];
  const hazards: HazardRow[] = [];
  const persons: PersonRow[] = [];
  const links: PlantedLink[] = [];
  for (const [ci, company] of opts.companies.entries()) {
    const c = pointInDistrict(rng, opts.outline, company.rich ? "东城街道" : company.district);
    const net = network(rng, company, ci, [c.lng, c.lat], company.rich ? 9 : 5, now);
    if (company.rich) {
      for (const [k, site] of opts.projects.slice(0, 4).entries()) {
        const { row, distanceM } = mainBySite(rng, company, site, `GX${String(ci + 1).padStart(2, "0")}-P${String(k + 1).padStart(4, "0")}`, now);
        net.pipelines.push(row);
        links.push({ projectId: site.id, projectCode: site.code, projectName: site.name, pipelineId: row.id, pipelineCode: row.code, distanceM });
      }
    }
    networks.push(net);

    const patrollers = Array.from({ length: company.rich ? 4 : 2 }, () => {
      const { id: idNo, birthDate } = idNumber(rng, "M", "1968-01-01", "1998-12-31", opts.takenIdNumbers);
      const p: PersonRow = { id: rng.uuid(), name: personName(rng, "M"), idNumber: idNo, gender: "M", birthDate, mobile: mobile(rng), employerId: company.id, status: "active", createdAt: new Date(now.getTime() - 700 * DAY_MS), updatedAt: new Date(now.getTime() - 700 * DAY_MS) };
      persons.push(p);
      return p;
    });
    for (const pc of ["high", "sub_high", "medium", "low"]) {
      const lines = net.pipelines.filter((p) => p.pressureClass === pc);
      if (!lines.length) continue;
      const interval = PLAN_INTERVAL[pc];
      const created = new Date(now.getTime() - 400 * DAY_MS);
      const plan: PlanRow = { id: rng.uuid(), enterpriseId: company.id, name: `${PRESSURE_LABEL[pc]}管线巡检（每${interval === 1 ? "日" : `${interval}日`}）`, pressureClasses: [pc], pipelineIds: [], intervalDays: interval, active: 1, createdAt: created, updatedAt: created };
      plans.push(plan);
      const planned = lines.reduce((s, l) => s + l.lengthM, 0);
      // The demo company's low-pressure round is late (its last patrol 10 days ago on a 7-day plan): an overdue plan to show.
      const lateBy = company.rich && pc === "low" ? 10 : 1;
      for (let daysAgo = lateBy; daysAgo <= 30; daysAgo += interval) {
        const start = shanghaiMidnight(shanghaiDayOf(now.getTime() - daysAgo * DAY_MS)) + (8 + rng.next()) * 3_600_000;
        const skip = rng.chance(0.1) ? 0.3 + rng.next() * 0.2 : rng.next() * 0.12;
        const walked = lines.filter(() => !rng.chance(skip));
        const { track, end } = walk(rng, walked, start);
        const covered = walked.reduce((s, l) => s + l.lengthM, 0);
        const patroller = rng.pick(patrollers);
        const patrol: PatrolRow = {
          id: rng.uuid(),
          planId: plan.id,
          enterpriseId: company.id,
          patrollerId: patroller.id,
          patrollerName: patroller.name,
          startedAt: new Date(start),
          endedAt: new Date(end),
          track,
          plannedLengthM: round1(planned),
          coveredLengthM: round1(covered),
          coveragePct: round1((100 * covered) / planned),
          coverage: Object.fromEntries(walked.map((l) => [l.id, l.lengthM])),
          createdAt: new Date(end),
        };
        patrols.push(patrol);
      }
    }
    // Hazards seen on patrols of the last month, on a line that patrol covered.
    const mine = patrols.filter((p) => p.enterpriseId === company.id && Object.keys(p.coverage ?? {}).length);
    const byId = new Map(net.pipelines.map((p) => [p.id, p]));
    for (let k = company.rich ? 8 : rng.int(2, 4); k > 0; k--) {
      // The demo company's first hazard is digging at a construction site next to its main (the linkage's story).
      const atSite = k === 1 && company.rich && links.length ? mine.filter((p) => p.coverage?.[links[0].pipelineId]) : [];
      const patrol = atSite.length ? rng.pick(atSite) : rng.pick(mine);
      const line = byId.get(atSite.length ? links[0].pipelineId : rng.pick(Object.keys(patrol.coverage!)))!;
      const kind = atSite.length ? "third_party_digging" : rng.weighted(HAZARD_KINDS.map((h, i) => [h, [35, 15, 20, 20, 10][i]] as const));
      const spot = offset(rng.pick(line.coordinates), rng.normal() * 5, rng.normal() * 5);
      const started = patrol.startedAt!.getTime();
      const foundAt = started + rng.next() * (patrol.endedAt!.getTime() - started);
      hazards.push({
        id: rng.uuid(),
        enterpriseId: company.id,
        patrolId: patrol.id,
        pipelineId: line.id,
        kind,
        lat: spot[1],
        lng: spot[0],
        description: rng.pick(HAZARD_TEXT[kind]),
        foundAt: new Date(foundAt),
        createdAt: new Date(foundAt + rng.int(5, 30) * 60_000),
      });
    }
  }
  return { networks, plans, patrols, hazards, persons, links };
}

/** A patrol's GPS track: along each line at ~40 m steps, a few metres off the pipe, at e-bike speed (4 m/s). */
function walk(rng: Rng, lines: PipelineRow[], start: number): { track: [number, number, number][]; end: number } {
  const track: [number, number, number][] = [];
  let t = start;
  let prev: LngLat | null = null;
  for (const line of lines) {
    const pts = line.coordinates;
    if (prev) t += (metres(prev, pts[0]) / 6) * 1000;
    for (let i = 0; i + 1 < pts.length; i++) {
      const len = metres(pts[i], pts[i + 1]);
      const steps = Math.max(1, Math.ceil(len / 40));
      for (let s = 0; s < steps; s++) {
        const f = s / steps;
        const p = offset([pts[i][0] + (pts[i + 1][0] - pts[i][0]) * f, pts[i][1] + (pts[i + 1][1] - pts[i][1]) * f], rng.normal() * 4, rng.normal() * 4);
        track.push([p[0], p[1], Math.round(t)]);
        t += (len / steps / 4) * 1000;
      }
    }
    const last = pts[pts.length - 1];
    const p = offset(last, rng.normal() * 4, rng.normal() * 4);
    track.push([p[0], p[1], Math.round(t)]);
    prev = last;
  }
  return { track, end: Math.round(t) };
}
