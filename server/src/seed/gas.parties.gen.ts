import type { CylindersRows } from "../modules/gas/cylinders/index.js";
import type { RegistryRows } from "../modules/registry/index.js";
import { addDays, validityDates } from "./calendar.js";
import { pointInDistrict, type Outline } from "./geo.js";
import { CUSTOMER_KINDS, type CustomerKind } from "@contracts/gas/customer";
import { nextCheckDue, userCheckIntervalRule, type DeliveryRows } from "../modules/gas/delivery/index.js";
import { CUSTOMER_PROFILES, DAY_MS, offset, sequentialIds, type SlotKind } from "./gas.model.js";
import { creditCode, idNumber, mobile } from "./ids.js";
import { address, personName } from "./names.js";
import type { Rng } from "./prng.js";

/**
 * The people and places of bottled gas: each company's filling stations (充装站) and supply points (供应站),
 * its certified staff (fillers 充装工 with the 气瓶充装 special-operation certificate, delivery people 送气工
 * with the trade's training certificate) as new registry persons of the company, and the real-name customers
 * (resident / catering / other) with their installation's last two safety checks. Pure, deterministic.
 */

export interface GasCompany {
  id: string;
  name: string;
  district: string;
  /** Holds a 瓶装燃气 licence (cylinders, customers) … */
  bottled: boolean;
  /** … and/or a 管道燃气 one (pipelines, the detection vehicle). */
  piped: boolean;
  /** The demo `gas` account's company: the busiest, seeded richest. */
  rich: boolean;
}

export type StationRow = CylindersRows["stations"] & { id: string; code: string; kind: "filling" | "supply_point"; lat: number; lng: number };
export type StaffRow = CylindersRows["staff"] & { id: string; role: "filler" | "delivery"; certificateValidTo: string };
export type PersonRow = RegistryRows["persons"] & { id: string };
export type CertificateRow = RegistryRows["certificates"];
export type CustomerRow = DeliveryRows["customers"] & { id: string; kind: CustomerKind; lat: number; lng: number; createdAt: Date };
export type SafetyCheckRow = DeliveryRows["safetyChecks"];

/** A customer with the cylinder positions of its installation and how fast it burns through cylinders. */
export interface SeedCustomer {
  row: CustomerRow;
  slots: SlotKind[];
  daysPerCylinder: number;
  /** The supply point (or filling station) serving it, and its delivery person. */
  stationId: string;
  deliveryStaffId: string;
}

export interface CompanyParties {
  company: GasCompany;
  filling: StationRow[];
  supply: StationRow[];
  staff: StaffRow[];
  customers: SeedCustomer[];
}

export interface PartiesOut {
  companies: CompanyParties[];
  persons: PersonRow[];
  certificates: CertificateRow[];
  checks: SafetyCheckRow[];
}

const CATERING_WORDS = ["饭店", "小吃店", "面馆", "大排档", "农家乐", "快餐店", "土菜馆", "烧烤店", "早餐店", "酒楼"];
const OTHER_WORDS = ["食堂", "职工食堂", "学校食堂", "养老院食堂", "厂区食堂"];
const PLACE_WORDS = ["溪心", "金城", "望春", "华溪", "丽州", "九铃", "南苑", "东湖", "龙川", "紫微", "明珠", "芝英", "古山", "方岩", "象珠"];
const FAILED_NOTES = ["软管老化开裂，已告知更换", "减压阀漏气，已关阀并告知维修", "未安装燃气泄漏报警器，限期安装", "软管超长穿墙，已告知整改"];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

/** Customers per company: the demo company takes about a third of the city, the rest share by size. */
function customerShares(rng: Rng, companies: GasCompany[], total: number): Map<string, number> {
  const weights = companies.map((c) => (c.rich ? 0 : Math.exp(rng.normal() * 0.5)));
  const richShare = companies.length === 1 ? 1 : 0.35;
  const others = weights.reduce((a, b) => a + b, 0);
  return new Map(companies.map((c, i) => [c.id, Math.max(12, Math.round(c.rich ? total * richShare : (total * (1 - richShare) * weights[i]) / others))]));
}

export function generateParties(rng: Rng, opts: { companies: GasCompany[]; customers: number; today: string; now: Date; outline: Outline; takenIdNumbers: Set<string> }): PartiesOut {
  const { today, now, outline } = opts;
  const persons: PersonRow[] = [];
  const certificates: CertificateRow[] = [];
  const checks: SafetyCheckRow[] = [];
  const shares = customerShares(rng, opts.companies, opts.customers);
  const creditCodes = new Set<string>();
  const customerId = sequentialIds(rng, 0x63);
  const checkId = sequentialIds(rng, 0x64);
  let stationSeq = 0;
  let certSeq = 0;
  const companies: CompanyParties[] = [];

  for (const [ci, company] of opts.companies.entries()) {
    const nCustomers = shares.get(company.id)!;
    const created = new Date(now.getTime() - rng.int(900, 3000) * DAY_MS);
    const station = (kind: StationRow["kind"], n: number): StationRow => {
      stationSeq++;
      const p = pointInDistrict(rng, outline, n === 0 ? company.district : rng.pick(PLACE_DISTRICTS));
      const short = company.name.replace(/^永康市/, "").replace(/有限公司$/, "");
      return {
        id: rng.uuid(),
        enterpriseId: company.id,
        code: `${kind === "filling" ? "CZ" : "GY"}${String(stationSeq).padStart(4, "0")}`,
        name: kind === "filling" ? `${short}${["第一", "第二", "第三", "第四"][n]}充装站` : `${short}${rng.pick(PLACE_WORDS)}供应站`,
        kind,
        licenceNo: kind === "filling" ? `TS4233${String(ci + 1).padStart(3, "0")}-${2024 + (n % 3)}` : null,
        address: address(rng, company.district),
        lat: p.lat,
        lng: p.lng,
        active: true,
        createdAt: created,
        updatedAt: created,
      };
    };
    const fillingCount = company.rich ? 4 : nCustomers > 1500 ? 3 : 2;
    const supplyCount = company.rich ? 6 : Math.max(1, Math.min(5, Math.round(nCustomers / 600)));
    const filling = Array.from({ length: fillingCount }, (_, n) => station("filling", n));
    const supply = Array.from({ length: supplyCount }, (_, n) => station("supply_point", n + 1));

    // Staff: 2–4 fillers per filling station; a delivery person per ~70 deliveries a week (about 250 customers).
    const staff: StaffRow[] = [];
    const hire = (role: StaffRow["role"], stationId: string, expiredButWorking = false) => {
      const gender = rng.chance(role === "filler" ? 0.8 : 0.95) ? "M" : "F";
      const { id: idNo, birthDate } = idNumber(rng, gender, "1966-01-01", "2000-12-31", opts.takenIdNumbers);
      const person: PersonRow = {
        id: rng.uuid(),
        name: personName(rng, gender),
        idNumber: idNo,
        gender,
        birthDate,
        mobile: mobile(rng),
        employerId: company.id,
        status: "active",
        createdAt: created,
        updatedAt: created,
      };
      persons.push(person);
      certSeq++;
      // A few certificates lapsed: those holders are stood down (inactive), except the one the anomalies need.
      const dates = expiredButWorking ? { expiresOn: addDays(today, -3), issuedOn: addDays(today, -3 - 4 * 365) } : validityDates(rng, today, 4, { expired: 0.07, expiring: 0.06 });
      const certNo = role === "filler" ? `T${idNo}` : `浙燃从(${dates.issuedOn.slice(0, 4)})${String(certSeq).padStart(6, "0")}`;
      certificates.push({
        personId: person.id,
        kind: role === "filler" ? "special_operation" : "other",
        specialty: role === "filler" ? "气瓶充装" : "瓶装燃气送气工",
        level: null,
        certNo,
        ...dates,
        createdAt: created,
        updatedAt: created,
      });
      const row: StaffRow = {
        id: rng.uuid(),
        enterpriseId: company.id,
        personId: person.id,
        stationId,
        role,
        certificateNo: certNo,
        certificateValidTo: dates.expiresOn,
        active: expiredButWorking || dates.expiresOn >= today,
        createdAt: created,
        updatedAt: created,
      };
      staff.push(row);
      return row;
    };
    for (const f of filling) for (let i = rng.int(2, 4); i > 0; i--) hire("filler", f.id);
    const points = supply.length ? supply : filling;
    const deliveryPerPoint = Math.max(1, Math.round(nCustomers / 250 / points.length));
    const deliveryByPoint = new Map<string, StaffRow[]>();
    for (const p of points) {
      const people = Array.from({ length: deliveryPerPoint }, () => hire("delivery", p.id)).filter((s) => s.active);
      deliveryByPoint.set(p.id, people.length ? people : [hire("delivery", p.id)]);
    }
    // The demo company keeps one delivery person at work three days past his certificate (the uncertified-person anomaly).
    if (company.rich) deliveryByPoint.get(points[0].id)!.push(hire("delivery", points[0].id, true));

    const customers: SeedCustomer[] = [];
    for (let i = 0; i < nCustomers; i++) {
      const kind = rng.weighted(CUSTOMER_KINDS.map((k) => [k, CUSTOMER_PROFILES[k].share] as const));
      const profile = CUSTOMER_PROFILES[kind];
      const point = rng.pick(points);
      const home = offset([point.lng, point.lat], rng.normal() * 900, rng.normal() * 900);
      const gender = rng.chance(0.6) ? "M" : "F";
      const ownerName = personName(rng, gender);
      const idNo = kind === "resident" ? idNumber(rng, gender, "1945-01-01", "2003-12-31", opts.takenIdNumbers).id : creditCode(rng, creditCodes);
      const createdAt = new Date(now.getTime() - rng.int(160, 2600) * DAY_MS);
      const row: CustomerRow = {
        id: customerId(),
        enterpriseId: company.id,
        code: `KH${String(ci + 1).padStart(2, "0")}${String(i + 1).padStart(6, "0")}`,
        kind,
        name: kind === "resident" ? ownerName : `永康市${rng.pick(PLACE_WORDS)}${kind === "catering" ? rng.pick(CATERING_WORDS) : rng.pick(OTHER_WORDS)}`,
        idNumber: idNo,
        phone: mobile(rng),
        address: address(rng, company.district),
        lat: home[1],
        lng: home[0],
        contractNo: `HT${createdAt.toISOString().slice(0, 4)}${String(ci + 1).padStart(2, "0")}${String(i + 1).padStart(6, "0")}`,
        active: true,
        createdAt,
        updatedAt: createdAt,
      };
      const staffHere = deliveryByPoint.get(point.id)!;
      const slotKind = rng.weighted(profile.kinds);
      const nSlots = rng.weighted(profile.slots);
      customers.push({
        row,
        slots: Array.from({ length: nSlots }, () => slotKind),
        daysPerCylinder: profile.daysPerCylinder[0] + rng.next() * (profile.daysPerCylinder[1] - profile.daysPerCylinder[0]),
        stationId: point.id,
        deliveryStaffId: staffHere[i % staffHere.length].id,
      });
      checks.push(...safetyChecks(rng, row, staffHere, today, rng.chance(0.03), checkId));
    }
    companies.push({ company, filling, supply, staff, customers });
  }
  return { companies, persons, certificates, checks };
}

const PLACE_DISTRICTS = ["东城街道", "西城街道", "江南街道", "经济开发区", "石柱镇", "芝英镇", "古山镇"];

/**
 * The installation's checks from opening the account (开户安检) on, each due by the delivery module's own
 * rule (`gas.user_check_interval` defaults: residents 24 months, catering and others 12, a failed check
 * re-checked within 30 days) and done a little early as a rule; an `overdue` customer missed the last one.
 * Keeps the last two checks and sets the customer's lastCheckOn/nextCheckDue to match them.
 */
function safetyChecks(rng: Rng, c: CustomerRow, checkers: StaffRow[], today: string, overdue: boolean, newId: () => string): SafetyCheckRow[] {
  const rule = userCheckIntervalRule.defaultValue;
  const checks: SafetyCheckRow[] = [];
  for (let day = c.createdAt.toISOString().slice(0, 10); day <= today; ) {
    const alarmFitted = rng.chance(c.kind === "resident" ? 0.55 : 0.93);
    const hoseOk = rng.chance(0.95);
    const valveOk = rng.chance(0.97);
    const passed = hoseOk && valveOk && (c.kind === "resident" || alarmFitted);
    const due = nextCheckDue(rule, c.kind, day, passed);
    checks.push({ id: "", customerId: c.id, enterpriseId: c.enterpriseId, checkedOn: day, checkerId: rng.pick(checkers).id, alarmFitted, hoseOk, valveOk, passed, nextDueOn: due, note: passed ? "" : rng.pick(FAILED_NOTES), createdAt: at(day, 15) });
    day = addDays(due, -rng.int(0, passed ? 30 : 5));
  }
  // Overdue: drop checks until the last one's due date has passed (only possible for an old enough account).
  if (overdue) while (checks.length > 1 && checks[checks.length - 1].nextDueOn >= today) checks.pop();
  // The last two are kept (the list and the due date need no more; older ones would add rows, not meaning).
  const kept = checks.slice(-2);
  for (const k of kept) k.id = newId();
  const last = kept[kept.length - 1];
  c.lastCheckOn = last.checkedOn;
  c.nextCheckDue = last.nextDueOn;
  return kept;
}
