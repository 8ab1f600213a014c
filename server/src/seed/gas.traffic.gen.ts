import { CYLINDER_ACTIONS, type CylinderAction, type CylinderStatus } from "@contracts/gas/cylinder-status";
import { cylinderTransition, type CylindersRows } from "../modules/gas/cylinders/index.js";
import { anomalyRulesRule, type DeliveryRows } from "../modules/gas/delivery/index.js";
import { addDays } from "./calendar.js";
import { DAY_MS, SHANGHAI_OFFSET_MS, metres, midnightBefore, offset, shanghaiDayOf, shanghaiMidnight, slotKey, type SlotKind } from "./gas.model.js";
import { generateCylinders, generateDualPhase, kindOf, type CylinderGenOpts, type SeedCylinder } from "./gas.cylinders.gen.js";
import type { CompanyParties, SeedCustomer, StationRow } from "./gas.parties.gen.js";
import type { Rng } from "./prng.js";

/**
 * A company's cylinders going round: filled at the owner station, out of stock, handed to the delivery
 * person, delivered to a real-name customer in exchange for the empty one, which goes back to be refilled.
 * Customers call for a cylinder as they burn through them (gas.model.ts CUSTOMER_PROFILES); the station
 * takes the cylinder that has waited longest and may be filled (not due for inspection, not past its scrap
 * date) and withdraws the others (inspection_due / scrapped). Everything in the window [now − N days, now]
 * is recorded — every fill, every scanned delivery step and every status change — plus, for each cylinder a
 * customer held when the window opened, the fill and delivery that put it there. Status changes go through
 * the module's own state machine (`cylinderTransition`), so the events chain and every cylinder's status,
 * customer and last fill are what its newest records say. A few anomalies are planted with the records
 * that cause them: two scans kilometres apart minutes apart, a fill at another station, a delivery to a
 * customer not on file, deliveries by a person whose certificate has lapsed, and customers overdue for
 * their safety check.
 */

export type FillRow = CylindersRows["fills"] & { id: string };
export type DeliveryRow = DeliveryRows["deliveries"] & { id: string };
export type EventRow = CylindersRows["cylinderEvents"];
export type AnomalyRow = DeliveryRows["anomalies"];

export interface TrafficOut {
  cylinders: SeedCylinder[];
  fills: FillRow[];
  deliveries: DeliveryRow[];
  events: EventRow[];
  anomalies: AnomalyRow[];
  /** Customer calls that found no full cylinder of their kind in stock (should be ~0). */
  unserved: number;
}

const HOUR = 3_600_000;
/** The delivery module's anomaly thresholds (its rule's defaults), so the planted anomalies are the ones it would raise. */
const ANOMALY_RULES = anomalyRulesRule.defaultValue;
const MINUTE = 60_000;
const ACTIONS = new Set<string>(CYLINDER_ACTIONS);

/** Per-cylinder simulation state. */
interface Cyl {
  c: SeedCylinder;
  status: CylinderStatus;
  lastAt: number;
  availableAt: number;
  customerId: string | null;
  lastFillAt: number | null;
  /** The first instant it may no longer be filled (its next inspection or scrap day begins); 0 if never. */
  fillableUntil: number;
}

/** A binary min-heap on availableAt: the station's stock, longest-waiting first. */
class Stock {
  private items: Cyl[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Cyl | undefined {
    return this.items[0];
  }
  push(x: Cyl): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p].availableAt <= a[i].availableAt) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): Cyl | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].availableAt < a[m].availableAt) m = l;
        if (r < a.length && a[r].availableAt < a[m].availableAt) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
  drain(): Cyl[] {
    const all = this.items;
    this.items = [];
    return all;
  }
}

/** Shanghai hour of day of an instant. */
const hourOf = (t: number) => Math.floor(((t + SHANGHAI_OFFSET_MS) % DAY_MS) / HOUR);
/** A moment on t's Shanghai day between the given hours. */
const onDay = (rng: Rng, t: number, from: number, to: number) => midnightBefore(t) + (from + rng.next() * (to - from)) * HOUR;

export interface TrafficOpts {
  now: number;
  today: string;
  windowStart: number;
  seq: CylinderGenOpts["seq"];
  /** Plant the demo anomalies (the demo company only). */
  anomalies: boolean;
  /** Id makers shared by all companies (ids in creation order, see sequentialIds). */
  ids: { cylinder: () => string; fill: () => string; delivery: () => string };
}

export function simulateCompany(rng: Rng, parties: CompanyParties, opts: TrafficOpts): TrafficOut {
  const { now, windowStart } = opts;
  const genOpts: CylinderGenOpts = { today: opts.today, now, windowStart, seq: opts.seq, newId: opts.ids.cylinder };
  const fills: FillRow[] = [];
  const deliveries: DeliveryRow[] = [];
  const events: EventRow[] = [];
  const anomalies: AnomalyRow[] = [];
  const stations = new Map([...parties.filling, ...parties.supply].map((s) => [s.id, s]));
  const staffById = new Map(parties.staff.map((s) => [s.id, s]));
  const fillersOf = new Map<string, string[]>();
  for (const s of parties.staff) if (s.role === "filler" && s.active) (fillersOf.get(s.stationId!) ?? fillersOf.set(s.stationId!, []).get(s.stationId!)!).push(s.id);

  // The ledger: per kind, enough circulating cylinders for every slot plus as many again in the stations' and supply points' stock (the swap stock an LPG business runs on).
  const slotsByKind = new Map<string, { kind: SlotKind; n: number }>();
  for (const cu of parties.customers) for (const k of cu.slots) slotsByKind.set(slotKey(k), { kind: k, n: (slotsByKind.get(slotKey(k))?.n ?? 0) + 1 });
  const cylinders: SeedCylinder[] = [];
  for (const { kind, n } of [...slotsByKind.values()].sort((a, b) => slotKey(a.kind).localeCompare(slotKey(b.kind)))) cylinders.push(...generateCylinders(rng, parties, kind, Math.ceil(n * 2) + 3, genOpts));
  cylinders.push(...generateDualPhase(rng, parties, Math.max(1, Math.round(cylinders.length * 0.003)), genOpts));

  const state = new Map<string, Cyl>();
  const move = (x: Cyl, at: number, action: CylinderAction | "report_lost", to: CylinderStatus | null, extra: Partial<EventRow> = {}) => {
    if (ACTIONS.has(action)) {
      const t = cylinderTransition(x.status, action as CylinderAction);
      if (!t.ok) throw new Error(`seed: ${x.c.row.code} ${t.reason}`);
      to = t.to;
    }
    if (at < x.lastAt) throw new Error(`seed: ${x.c.row.code} ${action} at ${new Date(at).toISOString()} before its previous event`);
    events.push({ cylinderId: x.c.row.id, at: new Date(at), action, fromStatus: x.status, toStatus: to, note: "", ...extra });
    x.status = to!;
    x.lastAt = at;
  };
  for (const c of cylinders) {
    const never = c.row.type === "dual_phase" || !!c.row.lostAt;
    const until = Math.min(shanghaiMidnight(c.row.nextInspectionOn), shanghaiMidnight(c.row.scrapOn));
    const x: Cyl = { c, status: "filed", lastAt: c.row.createdAt.getTime(), availableAt: 0, customerId: null, lastFillAt: null, fillableUntil: never ? 0 : until };
    for (const e of c.life) move(x, e.at, e.action as CylinderAction, e.to, { stationId: c.row.stationId, note: e.note ?? "" });
    x.availableAt = x.lastAt + 2 * HOUR;
    state.set(c.row.id, x);
  }

  // Who holds what when the window opens: circulating cylinders fit to be filled before it, one per slot.
  const windowDay = shanghaiDayOf(windowStart);
  const stock = new Map<string, Stock>();
  const holders = new Map<string, Cyl[]>();
  for (const x of state.values()) {
    if (!x.c.circulating) continue;
    const key = kindOf(x.c);
    const fit = x.c.row.nextInspectionOn > windowDay && x.c.row.scrapOn > windowDay && x.lastAt < windowStart - 3 * DAY_MS;
    if (fit) (holders.get(key) ?? holders.set(key, []).get(key)!).push(x);
    else stock.set(key, stock.get(key) ?? new Stock()).get(key)!.push(x);
  }
  for (const list of holders.values()) rng.shuffle(list);
  const slotHolder = new Map<string, (Cyl | null)[]>();

  const budget = { foreign: opts.anomalies ? 2 : 0, twoPlaces: opts.anomalies ? 3 : 0 };
  const raised = new Set<string>();
  const staffValidUntil = new Map(parties.staff.map((st) => [st.id, shanghaiMidnight(st.certificateValidTo) + DAY_MS]));
  const activeDelivery = parties.staff.filter((s) => s.role === "delivery" && s.active && s.certificateValidTo >= opts.today);

  const fillerAt = (stationId: string) => rng.pick(fillersOf.get(stationId) ?? [...fillersOf.values()][0]);
  const deliveryRow = (x: Cyl, step: string, at: number, cu: SeedCustomer | null, staffId: string, where: [number, number], stationId: string | null): DeliveryRow => {
    const row: DeliveryRow = { id: opts.ids.delivery(), cylinderId: x.c.row.id, enterpriseId: x.c.row.enterpriseId, stationId, step, at: new Date(at), staffId, customerId: cu?.row.id ?? null, lat: where[1], lng: where[0], source: "app", createdAt: new Date(at) };
    deliveries.push(row);
    return row;
  };

  /**
   * One trip: filled at `f`, out of stock to the delivery person (the stock_out scan names them: no separate
   * handover step), delivered at `T` — each only if it has happened by now. `scans` false (the prologue)
   * keeps the fill, the status changes and the delivery, not the stock-out scan.
   */
  const trip = (x: Cyl, cu: SeedCustomer | null, f: number, T: number, plant: boolean, scans = true) => {
    const owner = stations.get(x.c.row.stationId)!;
    let fillStation: StationRow = owner;
    if (plant && budget.foreign > 0 && parties.filling.length > 1 && rng.chance(0.01)) {
      fillStation = parties.filling.find((s) => s.id !== owner.id)!;
      budget.foreign--;
    }
    const filler = fillerAt(fillStation.id);
    const net = Math.round((x.c.row.nominalFillKg - rng.next() * 0.3) * 100) / 100;
    const fill: FillRow = {
      id: opts.ids.fill(),
      cylinderId: x.c.row.id,
      stationId: fillStation.id,
      enterpriseId: fillStation.enterpriseId,
      fillerId: filler,
      filledAt: new Date(f),
      netWeightKg: net,
      allowedFillKg: x.c.row.nominalFillKg,
      preCheckOk: true,
      postCheckOk: true,
      checks: { valveOk: true, leakFree: true, appearanceOk: true, weightOk: true },
      source: "scale",
      createdAt: new Date(f),
    };
    fills.push(fill);
    x.lastFillAt = f;
    move(x, f, "fill", null, { stationId: fillStation.id, staffId: filler, data: { fillId: fill.id, netWeightKg: net } });
    if (fillStation !== owner) {
      // As the delivery module's sweep raises it (anomaly.checks.ts judgeForeignFill): against the station that filled.
      anomalies.push({
        enterpriseId: fillStation.enterpriseId,
        kind: "foreign_fill",
        dedupKey: `foreign_fill:${fill.id}`,
        cylinderId: x.c.row.id,
        stationId: fillStation.id,
        detectedAt: new Date(f),
        detail: { fillId: fill.id, ownerStationId: owner.id, ownerEnterpriseId: owner.enterpriseId, otherCompany: owner.enterpriseId !== fillStation.enterpriseId },
      });
    }
    const point = cu ? stations.get(cu.stationId)! : stations.get(parties.supply[0]?.id ?? owner.id)!;
    const staffId = cu?.deliveryStaffId ?? activeDelivery[0].id;
    const home: [number, number] = cu ? [cu.row.lng, cu.row.lat] : offset([point.lng, point.lat], rng.normal() * 800, rng.normal() * 800);
    let s = f + 20 * MINUTE + rng.next() * Math.max(0, T - f - 80 * MINUTE);
    // 一瓶两地 as the rule sees it: stocked out at the station and scanned at a kitchen over 2 km away minutes later.
    const hop = metres([point.lng, point.lat], home) / 1000;
    const twoPlaces = plant && scans && budget.twoPlaces > 0 && hop > ANOMALY_RULES.twoPlacesMinDistanceKm + 0.3 && rng.chance(0.5);
    if (twoPlaces) {
      budget.twoPlaces--;
      s = T - rng.int(4, 8) * MINUTE;
    }
    if (s > now) return false;
    if (scans) deliveryRow(x, "stock_out", s, cu, staffId, [point.lng, point.lat], point.id);
    move(x, s, "stock_out", null, { stationId: point.id, staffId, customerId: cu?.row.id ?? null });
    if (scans) uncertified(x, staffId, "stock_out", s);
    if (T > now) return false;
    deliveryRow(x, "delivered", T, cu, staffId, home, null);
    move(x, T, "deliver", null, { staffId, customerId: cu?.row.id ?? null });
    x.customerId = cu?.row.id ?? null;
    if (scans) uncertified(x, staffId, "delivered", T);
    if (twoPlaces) {
      anomalies.push({
        enterpriseId: x.c.row.enterpriseId,
        kind: "two_places",
        dedupKey: `two_places:${x.c.row.id}:${new Date(T).toISOString()}`,
        cylinderId: x.c.row.id,
        detectedAt: new Date(T),
        detail: {
          distanceKm: Math.round(hop * 100) / 100,
          minutes: Math.round((T - s) / 6000) / 10,
          first: { step: "stock_out", at: new Date(s).toISOString(), lat: point.lat, lng: point.lng },
          second: { step: "delivered", at: new Date(T).toISOString(), lat: home[1], lng: home[0] },
        },
      });
    }
    return true;
  };

  /** A stock-out or delivery by a person whose certificate had lapsed that day: one anomaly per person and day (delivery.checks.ts). */
  const uncertified = (x: Cyl, staffId: string, step: "stock_out" | "delivered", at: number) => {
    const staff = staffById.get(staffId)!;
    if (at < staffValidUntil.get(staffId)!) return;
    const day = shanghaiDayOf(at);
    const key = `uncertified_staff:${staff.enterpriseId}:${staffId}:${day}`;
    if (staff.certificateValidTo >= day || raised.has(key)) return;
    raised.add(key);
    anomalies.push({
      enterpriseId: staff.enterpriseId,
      kind: "uncertified_staff",
      dedupKey: key,
      cylinderId: x.c.row.id,
      staffId,
      detectedAt: new Date(at),
      detail: { reason: "certificate_expired", step, day, certificateValidTo: staff.certificateValidTo },
    });
  };

  const fillTimeFor = (T: number) => {
    let f = T - (1.5 + rng.next() * 20) * HOUR;
    if (hourOf(f) < 7 || hourOf(f) >= 19) f = onDay(rng, f - 12 * HOUR, 15, 18.5);
    return Math.min(f, T - 1.5 * HOUR);
  };
  // The fill check's date rules as instants: filled before the Shanghai midnight starting the due / scrap day.
  const fitToFill = (x: Cyl, f: number) => f < x.fillableUntil;
  /** Takes a cylinder out of circulation when it comes up for filling but may not be filled. */
  const withdraw = (x: Cyl, notBefore: number) => {
    if (shanghaiDayOf(notBefore) >= x.c.row.scrapOn || x.c.row.scrapOn <= x.c.row.nextInspectionOn) {
      const t = Math.max(notBefore, shanghaiMidnight(x.c.row.scrapOn) + 9 * HOUR);
      if (t > now) return;
      move(x, t, "scrap", null, { stationId: x.c.row.stationId, note: "达到报废年限 (reached the scrap date)" });
      x.c.row.voidedAt = new Date(t);
    } else {
      const t = Math.max(notBefore, shanghaiMidnight(x.c.row.nextInspectionOn) + 1 * HOUR);
      if (t > now) return;
      move(x, t, "inspection_due", null, { stationId: x.c.row.stationId, note: "定期检验到期 (inspection due)" });
    }
  };
  /** The longest-waiting cylinder of the kind that may be filled at f; the unfit ones met on the way are withdrawn. */
  const takeFromStock = (key: string, f: number): Cyl | null => {
    const s = stock.get(key);
    while (s?.size) {
      const top = s.peek()!;
      if (top.availableAt > f) return null;
      s.pop();
      if (fitToFill(top, f)) return top;
      withdraw(top, top.availableAt);
    }
    return null;
  };

  // The prologue: the trip that put each held cylinder at its customer before the window — its fill, its
  // status changes and the delivery to the customer (its stock-out scan is left out, to keep the seed small).
  for (const cu of parties.customers) {
    const held: (Cyl | null)[] = [];
    cu.slots.forEach((k, j) => {
      const x = holders.get(slotKey(k))?.pop();
      if (!x) return held.push(null);
      let T = windowStart - (j + rng.next()) * cu.daysPerCylinder * DAY_MS;
      T = onDay(rng, Math.max(T, x.lastAt + 2 * DAY_MS, cu.row.createdAt.getTime() + DAY_MS), 9, 18);
      if (T >= windowStart) T = windowStart - 2 * HOUR;
      trip(x, cu, Math.max(fillTimeFor(T), x.lastAt + HOUR), T, false, false);
      held.push(x);
    });
    slotHolder.set(cu.row.id, held);
  }
  // Holders left over (fewer slots than expected) join the stock.
  for (const [key, list] of holders) for (const x of list) stock.set(key, stock.get(key) ?? new Stock()).get(key)!.push(x);

  // The window: every customer's calls, in time order.
  const calls: { T: number; cu: SeedCustomer; j: number }[] = [];
  for (const cu of parties.customers) {
    const every = cu.daysPerCylinder * DAY_MS;
    let j = 0;
    for (let t = windowStart + rng.next() * every; t <= now + DAY_MS; t += every * (0.8 + 0.4 * rng.next())) calls.push({ T: onDay(rng, t, 8, 19), cu, j: j++ % cu.slots.length });
  }
  calls.sort((a, b) => a.T - b.T);
  let unserved = 0;
  for (const { T, cu, j } of calls) {
    if (T < windowStart) continue;
    const f = fillTimeFor(T);
    if (f > now) continue;
    const x = takeFromStock(slotKey(cu.slots[j]), f);
    if (!x) {
      unserved++;
      continue;
    }
    const done = trip(x, cu, Math.max(f, x.lastAt + 10 * MINUTE), T, opts.anomalies);
    if (!done) continue;
    // The empty comes back in the same visit and is at the station for refilling hours to days later.
    const held = slotHolder.get(cu.row.id)!;
    const old = held[j];
    if (old) {
      const r = T + rng.int(1, 4) * MINUTE;
      deliveryRow(old, "returned", r, cu, cu.deliveryStaffId, [cu.row.lng, cu.row.lat], null);
      move(old, r, "return_empty", null, { staffId: cu.deliveryStaffId, customerId: cu.row.id });
      old.customerId = null;
      old.availableAt = r + (3 + rng.next() * 69) * HOUR;
      stock.get(slotKey(cu.slots[j]))!.push(old);
    }
    held[j] = x;
  }

  // A customer not on file: two full cylinders delivered under a customer code the company never registered
  // (accepted and flagged, as the delivery module does: delivery.checks.ts).
  if (opts.anomalies) {
    for (let i = 0; i < 2; i++) {
      const key = [...stock.keys()].sort()[i % stock.size];
      const f = onDay(rng, now - (i + 1) * DAY_MS, 8, 11);
      const x = takeFromStock(key, f);
      if (!x) continue;
      const T = f + 3 * HOUR;
      trip(x, null, Math.max(f, x.lastAt + 10 * MINUTE), T, false);
      const code = `KH-X${String(rng.int(1000, 9999))}`;
      anomalies.push({
        enterpriseId: x.c.row.enterpriseId,
        kind: "unregistered_customer",
        dedupKey: `unregistered_customer:${x.c.row.enterpriseId}:${code}:${shanghaiDayOf(T)}`,
        cylinderId: x.c.row.id,
        staffId: activeDelivery[0].id,
        detectedAt: new Date(T),
        detail: { customerCode: code, reason: "not_on_file", at: new Date(T).toISOString() },
      });
    }
  }
  // The daily sweep has marked stock that fell due (domain rule: no fill once the inspection date passed).
  for (const s of stock.values()) for (const x of s.drain()) if (!fitToFill(x, now) && x.c.row.type !== "dual_phase" && !x.c.row.lostAt) withdraw(x, x.availableAt);

  // Customers overdue for their installation's safety check (judgeCheckOverdue, raised by the daily sweep).
  for (const cu of parties.customers) {
    const due = cu.row.nextCheckDue;
    if (!due || addDays(due, ANOMALY_RULES.checkOverdueGraceDays) >= opts.today) continue;
    anomalies.push({
      enterpriseId: cu.row.enterpriseId,
      kind: "check_overdue",
      dedupKey: `check_overdue:${cu.row.id}:${due}`,
      customerId: cu.row.id,
      detectedAt: new Date(shanghaiMidnight(addDays(due, ANOMALY_RULES.checkOverdueGraceDays + 1)) + 2 * HOUR),
      detail: { nextCheckDue: due },
    });
  }

  // Each cylinder's row as its newest records leave it.
  for (const x of state.values()) {
    const r = x.c.row;
    r.status = x.status;
    r.customerId = x.status === "in_use" ? x.customerId : null;
    r.lastFillAt = x.lastFillAt === null ? null : new Date(x.lastFillAt);
    r.lastSeenAt = new Date(x.lastAt);
    r.updatedAt = new Date(x.lastAt);
  }
  for (const a of anomalies) a.createdAt = a.detectedAt;
  return { cylinders, fills, deliveries, events, anomalies, unserved };
}
