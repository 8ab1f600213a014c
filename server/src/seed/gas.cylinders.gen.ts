import type { CylinderStatus, CylinderType } from "@contracts/gas/cylinder-status";
import type { CylindersRows } from "../modules/gas/cylinders/index.js";
import { addDays } from "./calendar.js";
import { CYLINDER_LIFE, CYLINDER_SPECS, DAY_MS, addYears, shanghaiDayOf, shanghaiMidnight, slotKey, type CylinderSpec, type SlotKind } from "./gas.model.js";
import type { CompanyParties, StationRow } from "./gas.parties.gen.js";
import type { Rng } from "./prng.js";

/**
 * The cylinder ledger: one row per cylinder with its life dates, and what the simulation may do with it.
 * Ages spread over ~13 years (more young ones: the fleet grew and the oldest were scrapped). Inspection
 * dates follow the rule: due every 4 years from manufacture, done a little early; `lastInspectedOn` is the
 * last passed one, `nextInspectionOn` = manufacture + 4 y × n, scrap date = manufacture + 12 y. A few per
 * cent missed their last inspection (overdue); some are past the scrap date (scrapped, voided), a few
 * failed or at the inspection station, a handful reported lost, a few legacy dual-phase ones, a few just
 * filed. The rest circulate: the simulation (gas.traffic.gen.ts) decides where each stands today.
 */

export type CylinderRow = CylindersRows["cylinders"] & {
  id: string;
  code: string;
  enterpriseId: string;
  stationId: string;
  type: CylinderType;
  spec: CylinderSpec;
  nominalFillKg: number;
  manufacturedOn: string;
  lastInspectedOn: string | null;
  nextInspectionOn: string;
  scrapOn: string;
  status: CylinderStatus;
  createdAt: Date;
};

/** A status change before the simulated window (filing, inspections, scrapping, loss), written as a cylinder event. */
export interface LifeEvent {
  at: number;
  action: string;
  from: CylinderStatus | null;
  to: CylinderStatus;
  note?: string;
}

export interface SeedCylinder {
  row: CylinderRow;
  /** Circulates in the window (filled and delivered) unless it falls due or reaches its scrap date. */
  circulating: boolean;
  /** Events that happened before the window, oldest first; the simulation appends its own. */
  life: LifeEvent[];
}

const MAKERS = ["浙江安瓶压力容器有限公司", "金华市华通钢瓶制造有限公司", "宁波永安气瓶有限公司", "江苏恒达液化气钢瓶有限公司"];

/** The out-of-service fates and their shares among cylinders not already past the scrap date. */
const FATES = [
  ["overdue", 0.045],
  ["at_inspection", 0.005],
  ["failed", 0.002],
  ["failed_scrapped", 0.003],
  ["lost", 0.001],
  ["filed", 0.002],
] as const;
type Fate = (typeof FATES)[number][0] | "circulating";

function drawFate(rng: Rng): Fate {
  let r = rng.next();
  for (const [fate, p] of FATES) {
    if (r < p) return fate;
    r -= p;
  }
  return "circulating";
}

export interface CylinderGenOpts {
  today: string;
  now: number;
  /** First instant of the fully recorded window; no inspection falls inside it except the fates' own. */
  windowStart: number;
  /** Code sequence start (codes are unique city-wide). */
  seq: { next: number };
  newId: () => string;
}

/**
 * Cylinders of one company and one kind (spec/type): enough circulating ones for `circulatingTarget`, plus
 * whatever out-of-service ones turn up on the way, in their true proportions.
 */
export function generateCylinders(rng: Rng, parties: CompanyParties, kind: SlotKind, circulatingTarget: number, opts: CylinderGenOpts): SeedCylinder[] {
  const out: SeedCylinder[] = [];
  const windowDay = shanghaiDayOf(opts.windowStart);
  let circulating = 0;
  while (circulating < circulatingTarget) {
    const c = oneCylinder(rng, parties.filling, parties.company.id, kind, opts, windowDay);
    if (c.circulating) circulating++;
    out.push(c);
  }
  return out;
}

/** Legacy dual-phase cylinders (banned by GB 5842-2023): on the ledger, never filled again. */
export function generateDualPhase(rng: Rng, parties: CompanyParties, count: number, opts: CylinderGenOpts): SeedCylinder[] {
  const windowDay = shanghaiDayOf(opts.windowStart);
  return Array.from({ length: count }, () => {
    const c = oneCylinder(rng, parties.filling, parties.company.id, { spec: rng.chance(0.7) ? "YSP15" : "YSP50", type: "gas_phase" }, opts, windowDay, { minAgeYears: 3.2, maxAgeYears: 11 });
    c.row.type = "dual_phase";
    c.circulating = false;
    return c;
  });
}

function oneCylinder(rng: Rng, filling: StationRow[], enterpriseId: string, kind: SlotKind, opts: CylinderGenOpts, windowDay: string, ages?: { minAgeYears: number; maxAgeYears: number }): SeedCylinder {
  const { today } = opts;
  const station = rng.pick(filling);
  // Age: 70 % from a density falling linearly with age, 30 % uniform, over 13 years.
  const span = 13 * 365;
  const u = rng.next();
  let ageDays = rng.chance(0.7) ? Math.floor(span * (1 - Math.sqrt(1 - u))) : Math.floor(span * u);
  if (ages) ageDays = Math.round((ages.minAgeYears + rng.next() * (ages.maxAgeYears - ages.minAgeYears)) * 365);
  let fate: Fate = ages ? "circulating" : drawFate(rng);
  if (fate === "filed") ageDays = rng.int(10, 60);
  const manufacturedOn = addDays(today, -Math.max(10, ageDays));
  const scrapOn = addYears(manufacturedOn, CYLINDER_LIFE.maxServiceYears);
  let filedOn = addDays(manufacturedOn, rng.int(5, 40));
  if (filedOn >= today) filedOn = addDays(today, -1);
  const createdAt = shanghaiMidnight(filedOn) + rng.int(8, 17) * 3_600_000;
  // A cylinder filed this past month has had no time for any other fate than going round.
  if (fate !== "filed" && filedOn > addDays(today, -30)) fate = "circulating";
  const code = `YK${String(opts.seq.next++).padStart(8, "0")}`;
  const life: LifeEvent[] = [];
  const row: CylinderRow = {
    id: opts.newId(),
    code,
    enterpriseId,
    stationId: station.id,
    type: kind.type,
    spec: kind.spec,
    nominalFillKg: CYLINDER_SPECS[kind.spec].nominalFillKg,
    maker: rng.pick(MAKERS),
    serialNo: `${manufacturedOn.slice(2, 4)}${manufacturedOn.slice(5, 7)}${String(rng.int(0, 999_999)).padStart(6, "0")}`,
    manufacturedOn,
    designLifeYears: CYLINDER_LIFE.designLifeYears,
    lastInspectedOn: null,
    nextInspectionOn: addYears(manufacturedOn, CYLINDER_LIFE.inspectionIntervalYears),
    scrapOn,
    status: "filed",
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
  };
  if (fate === "filed") return { row, circulating: false, life };
  life.push({ at: createdAt, action: "stock_in", from: "filed", to: "in_stock" });
  row.status = "in_stock";

  // Scrapped at 12 years (before the window): the code is voided, never reused.
  if (scrapOn <= windowDay) {
    const scrapDay = addDays(scrapOn, rng.int(0, 20));
    const t = shanghaiMidnight(scrapDay < windowDay ? scrapDay : addDays(windowDay, -1)) + 10 * 3_600_000;
    passInspections(rng, row, life, addDays(scrapOn, -1), windowDay);
    life.push({ at: t, action: "scrap", from: "in_stock", to: "scrapped", note: "达到报废年限 (reached the scrap date)" });
    return finish(row, life, false, t);
  }
  // Overdue: the inspection due most recently (before today) was skipped. Needs a due date in the past.
  const firstDue = addYears(manufacturedOn, CYLINDER_LIFE.inspectionIntervalYears);
  if (fate === "overdue" && firstDue >= today) fate = "circulating";
  if (fate === "overdue") {
    let due = firstDue;
    while (addYears(due, CYLINDER_LIFE.inspectionIntervalYears) < today && addYears(due, CYLINDER_LIFE.inspectionIntervalYears) < scrapOn) due = addYears(due, CYLINDER_LIFE.inspectionIntervalYears);
    passInspections(rng, row, life, addDays(due, -1), windowDay);
    row.nextInspectionOn = due;
    // Circulates until the due date; the simulation withdraws it (inspection_due) when it next comes back.
    return finish(row, life, true, life[life.length - 1].at);
  }
  passInspections(rng, row, life, today, windowDay);

  const recent = (maxDays: number) => opts.now - rng.int(1, maxDays) * DAY_MS - rng.int(1, 6) * 3_600_000;
  switch (fate) {
    case "at_inspection": {
      const t = recent(12);
      life.push({ at: t, action: "send_inspection", from: "in_stock", to: "at_inspection" });
      return finish(row, life, false, t);
    }
    case "failed":
    case "failed_scrapped": {
      const sent = opts.now - rng.int(6, 25) * DAY_MS - rng.int(1, 6) * 3_600_000;
      const failed = sent + rng.int(2, 4) * DAY_MS;
      life.push({ at: sent, action: "send_inspection", from: "in_stock", to: "at_inspection" });
      life.push({ at: failed, action: "fail_inspection", from: "at_inspection", to: "failed", note: rng.pick(["瓶体腐蚀深度超标", "水压试验不合格", "瓶阀损坏无法修复", "钢印标记不清"]) });
      if (fate === "failed") return finish(row, life, false, failed);
      const scrapped = Math.min(failed + rng.int(1, 3) * DAY_MS, opts.now - 3_600_000);
      life.push({ at: scrapped, action: "scrap", from: "failed", to: "scrapped", note: "检验不合格报废 (failed inspection)" });
      return finish(row, life, false, scrapped);
    }
    case "lost": {
      // Reported lost some time before the window, after anything else on its record.
      const t = Math.max(life[life.length - 1].at + 3_600_000, opts.windowStart - rng.int(5, 300) * DAY_MS);
      row.lostAt = new Date(t);
      life.push({ at: t, action: "report_lost", from: "in_stock", to: "in_stock", note: "用户报失 (reported lost)" });
      return finish(row, life, false, t);
    }
    default:
      return finish(row, life, true, life[life.length - 1].at);
  }
}

/**
 * Every inspection due up to `until` was passed a little early, and never inside the window (the window's
 * history is the simulation's); updates last/next inspection and appends send/pass events for the latest.
 */
function passInspections(rng: Rng, row: CylinderRow, life: LifeEvent[], until: string, windowDay: string): void {
  const step = CYLINDER_LIFE.inspectionIntervalYears;
  for (let due = addYears(row.manufacturedOn, step); due <= until && due < row.scrapOn; due = addYears(due, step)) {
    let done = addDays(due, -rng.int(5, 90));
    if (done >= windowDay) done = addDays(windowDay, -rng.int(1, 20));
    row.lastInspectedOn = done;
    row.nextInspectionOn = addYears(due, step) < row.scrapOn ? addYears(due, step) : row.scrapOn;
  }
  // The timeline shows the latest inspection when it was within the last year (older ones stay as dates only, to keep the seed small).
  if (row.lastInspectedOn && row.lastInspectedOn > addDays(windowDay, -365)) {
    const passed = shanghaiMidnight(row.lastInspectedOn) + 15 * 3_600_000;
    life.push({ at: passed - rng.int(2, 5) * DAY_MS, action: "send_inspection", from: "in_stock", to: "at_inspection" });
    life.push({ at: passed, action: "pass_inspection", from: "at_inspection", to: "in_stock", note: "定期检验合格 (passed)" });
  }
}

function finish(row: CylinderRow, life: LifeEvent[], circulating: boolean, lastAt: number): SeedCylinder {
  row.status = life[life.length - 1].to;
  if (row.status === "scrapped") row.voidedAt = new Date(lastAt);
  row.updatedAt = new Date(lastAt);
  row.lastSeenAt = new Date(lastAt);
  return { row, circulating, life };
}

export const kindOf = (c: SeedCylinder) => slotKey({ spec: c.row.spec, type: c.row.type as SlotKind["type"] });
