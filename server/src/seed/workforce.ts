import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { addMonths } from "@contracts/workforce/presence";
import type { Trade } from "@contracts/workforce/workers";
import { sha256 } from "../platform/auth/secrets.js";
import { rowsOf, type Executor } from "../platform/db/client.js";
import { copyRows, type CopyValue } from "../platform/db/copy.js";
import { loadIotRows } from "../modules/iot/index.js";
import { ACCOUNT_NAME_SUFFIX, allocateWorkerNos, EMPLOYER_ROLES, latestOwedMonth, loadWorkforceRows, type WorkforceRows } from "../modules/workforce/index.js";
import { withIndexesDeferred } from "./bulk-load.js";
import { addDays } from "./calendar.js";
import { REPORT_INTERVAL_S } from "./device.model.js";
import type { SeedEnterprise } from "./enterprises.gen.js";
import type { DeviceCredential, SeedDeviceRow } from "./iot-devices.js";
import type { PersonRow } from "./persons.gen.js";
import type { PostRow } from "./posts.gen.js";
import type { Rng } from "./prng.js";
import type { ParticipantRow, SeedProject } from "./projects.gen.js";

/**
 * The demo city's workforce (建筑人员管理): on every 在建 project a face-recognition gate, 2–5 teams of
 * its general contractor (and specialty subcontractor), 20–60 admitted workers (signed contract, entry
 * training passed within the year), attendance days from the first payroll month to today, the key-post
 * holders' presence (a few below the required 80%), wage accounts (a few missing), payroll of the months
 * from the latest one past its pay day to last month (two in the first half of a month, one after the
 * 15th; a few projects, always the first, owe the first of them past its pay day) and a few blacklisted people. Workers are people
 * already in the register (contractor staff and people between employers who hold no key post), so the
 * register itself is unchanged. Pure generation here; `insertWorkforce` writes it in the seed transaction.
 */

export const WORKFORCE_TABLES = [
  "workforce_teams",
  "workforce_workers",
  "workforce_trainings",
  "workforce_blacklist",
  "workforce_attendance_days",
  "workforce_wage_accounts",
  "workforce_payrolls",
];

type TeamRow = WorkforceRows["teams"] & { id: string; projectId: string; employerId: string };
type WorkerRow = Omit<WorkforceRows["workers"], "workerNo"> & { id: string; personId: string; projectId: string; status: "entered" | "on_site" };
type TrainingRow = WorkforceRows["trainings"];
type BlacklistRow = WorkforceRows["blacklist"];
type AccountRow = WorkforceRows["wageAccounts"];

/**
 * The attendance days of one person on one project, compact: each entry is `day:in:out`, the day as an
 * offset from `from`, in and out as seconds after the day's Asia/Shanghai midnight (out empty when the
 * person has not gone out). The database expands the entries, so half a million days cost one short
 * string per person on the wire.
 */
export interface SeedAttendance {
  projectId: string;
  personId: string;
  workerId: string | null;
  entries: string[];
}

/** An attendance entry decoded (epoch ms). */
export function decodeEntry(from: string, entry: string): { day: string; firstIn: number; lastOut: number | null } {
  const [offset, inS, outS] = entry.split(":");
  const day = addDays(from, Number(offset));
  const midnight = shanghaiAt(day, 0);
  return { day, firstIn: midnight + Number(inS) * 1000, lastOut: outS === "" ? null : midnight + Number(outS) * 1000 };
}

export interface SeedPayroll {
  id: string;
  workerId: string;
  projectId: string;
  month: string;
  days: number;
  gross: number;
  net: number;
  paidOn: string | null;
  bankRef: string | null;
  status: "paid" | "unpaid";
}

export interface SeedWorkforce {
  gates: { row: SeedDeviceRow; projectCode: string }[];
  teams: TeamRow[];
  workers: WorkerRow[];
  trainings: TrainingRow[];
  blacklist: BlacklistRow[];
  attendance: SeedAttendance[];
  /** Number of attendance days (entries) in all. */
  attendanceDays: number;
  accounts: AccountRow[];
  payrolls: SeedPayroll[];
  /** Projects whose older payroll month is (partly) unpaid past its pay day. */
  arrearsProjects: string[];
  /** The first day with attendance (the first payroll month's first day). */
  from: string;
}

/** Teams by what they do; the trades of their members (the first is the team's own). */
const TEAM_KINDS: readonly { name: string; trades: readonly Trade[] }[] = [
  { name: "钢筋班组", trades: ["rebar_worker", "rebar_worker", "welder", "labourer"] },
  { name: "木工班组", trades: ["carpenter", "carpenter", "labourer"] },
  { name: "混凝土班组", trades: ["concrete_worker", "concrete_worker", "labourer"] },
  { name: "砌筑班组", trades: ["mason", "mason", "labourer"] },
  { name: "架子工班组", trades: ["scaffolder", "scaffolder", "rigger"] },
  { name: "水电安装班组", trades: ["electrician", "plumber", "welder"] },
  { name: "塔吊司机班组", trades: ["crane_operator", "signalman", "hoist_operator"] },
  { name: "装饰油漆班组", trades: ["painter", "painter", "labourer"] },
];
/** 日工资 (yuan per day) by trade: Jinhua-area rates of the mid-2020s. */
const DAY_RATE: Record<Trade, [number, number]> = {
  rebar_worker: [330, 420],
  carpenter: [350, 450],
  mason: [320, 400],
  concrete_worker: [300, 380],
  scaffolder: [350, 430],
  electrician: [330, 420],
  welder: [350, 450],
  plumber: [320, 400],
  painter: [300, 380],
  crane_operator: [380, 480],
  signalman: [280, 350],
  rigger: [320, 400],
  hoist_operator: [300, 380],
  labourer: [230, 300],
  manager: [300, 400],
};
const BANKS: readonly (readonly [string, string])[] = [
  ["中国农业银行永康支行", "6228"],
  ["中国工商银行永康支行", "6222"],
  ["中国建设银行永康支行", "6217"],
  ["浙江永康农村商业银行", "6230"],
  ["中国银行永康支行", "6216"],
];
const BLACKLIST_REASONS = [
  "伪造身份证件冒名进场 (entered under a forged ID)",
  "组织恶意讨薪、聚众堵塞工地大门 (organised a blockade of the site gate)",
  "违章指挥导致起重伤害事故，负有直接责任 (directly responsible for a lifting accident)",
  "多次酒后进入施工现场作业 (repeatedly worked on site drunk)",
  "无证从事特种作业（塔式起重机司机）(special work without a certificate)",
];
const GATE_MODELS = ["DS-K1T671M 人脸识别门禁一体机", "DS-K5604A 人脸识别摆闸"] as const;

const MINUTE = 60_000;
/** Epoch ms of hh:mm on an Asia/Shanghai day (UTC+8, no daylight saving). */
const shanghaiAt = (day: string, minutes: number) => Date.parse(`${day}T00:00:00+08:00`) + minutes * MINUTE;
const round2 = (v: number) => Math.round(v * 100) / 100;
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** `2025-330784-47-01-123456` → `YK-2547123456`, the device-code prefix of the project's other devices. */
function codePrefix(projectCode: string): string {
  const [year, , industry, , serial] = projectCode.split("-");
  return `YK-${year.slice(2)}${industry}${serial}`;
}

/** Days from `from` to `to`, both inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export interface WorkforceInput {
  projects: SeedProject[];
  participants: ParticipantRow[];
  persons: PersonRow[];
  posts: PostRow[];
  enterprises: SeedEnterprise[];
  today: string;
  now: Date;
}

/** Generates the workforce of the demo city (pure and deterministic for a given Rng and `now`). */
export function generateWorkforce(rng: Rng, city: WorkforceInput): SeedWorkforce {
  const { today, now } = city;
  const nowMs = now.getTime();
  const owed = latestOwedMonth(today);
  // The months whose payroll is due by now or next: from the latest one past its pay day up to last month.
  const months = owed === addMonths(today.slice(0, 7), -1) ? [owed] : [owed, addMonths(owed, 1)];
  const from = `${owed}-01`;
  const span = daysBetween(from, today);
  const offsetOf = new Map(span.map((d, i) => [d, i]));
  const todayMidnight = shanghaiAt(today, 0);
  const enterpriseById = new Map(city.enterprises.map((e) => [e.row.id, e]));
  const live = city.projects.filter((p) => p.row.status === "in_progress" && p.generalContractorId);

  // People free to work: nobody holding a key post, employed by a contractor or a labour firm, or by nobody.
  const posted = new Set(city.posts.map((p) => p.personId));
  const free = city.persons.filter((p) => {
    if (posted.has(p.id)) return false;
    const type = p.employerId ? enterpriseById.get(p.employerId)?.row.type : null;
    return type === undefined || type === null || type === "contractor" || type === "other";
  });
  const byEmployer = new Map<string, PersonRow[]>();
  for (const p of free) {
    if (!p.employerId) continue;
    const list = byEmployer.get(p.employerId);
    if (list) list.push(p);
    else byEmployer.set(p.employerId, [p]);
  }
  const pool = rng.shuffle([...free]);
  const used = new Set<string>();
  // Each list is consumed front to back: a cursor per list keeps the draws linear.
  const cursors = new Map<PersonRow[], number>();
  const takeFrom = (list: PersonRow[] | undefined) => {
    if (!list) return null;
    let i = cursors.get(list) ?? 0;
    while (i < list.length && used.has(list[i].id)) i++;
    cursors.set(list, i + 1);
    const p = list[i];
    if (p) used.add(p.id);
    return p ?? null;
  };
  let poolCursor = 0;
  const takeAny = () => {
    while (poolCursor < pool.length && used.has(pool[poolCursor].id)) poolCursor++;
    const p = pool[poolCursor];
    if (p) used.add(p.id);
    return p ?? null;
  };

  const out: SeedWorkforce = { gates: [], teams: [], workers: [], trainings: [], blacklist: [], attendance: [], attendanceDays: 0, accounts: [], payrolls: [], arrearsProjects: [], from };
  let bankRefSeq = 0;
  live.forEach((p, index) => {
    const { row } = p;
    const gc = p.generalContractorId!;
    const start = row.actualStart ?? row.plannedStart ?? addDays(today, -365);
    // The gate: registered when the works began (or before the attendance window, whichever is earlier).
    const gateAt = new Date(Math.min(Date.parse(`${addDays(start, rng.int(1, 10))}T01:00:00Z`), Date.parse(`${from}T00:00:00Z`) - 86_400_000));
    out.gates.push({
      projectCode: row.code,
      row: {
        id: rng.uuid(),
        projectId: row.id,
        type: "gate",
        code: `${codePrefix(row.code)}-GATE01`,
        name: "大门人脸识别闸机",
        model: rng.pick(GATE_MODELS),
        vendor: "杭州海康威视数字技术股份有限公司",
        location: "施工现场大门",
        reportIntervalS: REPORT_INTERVAL_S.gate,
        secretHash: "",
        secretRotatedAt: gateAt,
        online: true,
        lastSeenAt: now,
        createdAt: gateAt,
        updatedAt: gateAt,
      },
    });

    // Teams: the general contractor's, and one of each subcontractor's (专业分包 or 劳务分包).
    const subs = city.participants.filter((x) => x.projectId === row.id && EMPLOYER_ROLES.includes(x.role) && x.role !== "general_contractor").map((x) => x.enterpriseId);
    const kinds = rng.shuffle([...TEAM_KINDS]).slice(0, rng.int(2, 5));
    const teams = kinds.map((k, i) => {
      const employerId = i > 0 && i <= subs.length ? subs[i - 1] : gc;
      const team: TeamRow = { id: rng.uuid(), projectId: row.id, employerId, name: k.name, trade: k.trades[0] };
      out.teams.push(team);
      return { team, kind: k };
    });

    // Workers: the employer's own free staff first, then people between employers; the pool shrinks evenly.
    const remaining = live.length - index;
    const available = pool.length - used.size;
    const headcount = Math.max(0, Math.min(rng.int(20, 60), Math.floor(available / remaining)));
    // Works on Sundays on about a third of the sites; one or two days lost to rain.
    const sundays = rng.chance(0.35);
    const rainDays = new Set(Array.from({ length: rng.int(1, 2) }, () => rng.pick(span)));
    const workDays = span.filter((d) => (sundays || weekday(d) !== 0) && !rainDays.has(d));
    const projectWorkers: { w: WorkerRow; rate: number }[] = [];
    for (let i = 0; i < headcount; i++) {
      const { team, kind } = teams[i % teams.length];
      const person = takeFrom(byEmployer.get(team.employerId)) ?? takeAny();
      if (!person) break;
      const leader = i < teams.length;
      const trade = leader ? kind.trades[0] : rng.pick(kind.trades);
      // Most arrived before the window; some during it, a few in the last days (进场, not yet through the gate).
      const r = rng.next();
      const enteredOn =
        r < 0.7 ? addDays(from, -rng.int(1, 240)) : r < 0.95 ? rng.pick(span) : addDays(today, -rng.int(0, 2));
      const entered = enteredOn < start ? start : enteredOn;
      const signedOn = addDays(entered, -rng.int(0, 5));
      const [bankName, bin] = rng.pick(BANKS);
      const [lo, hi] = DAY_RATE[trade];
      const w: WorkerRow = {
        id: rng.uuid(),
        personId: person.id,
        projectId: row.id,
        employerId: team.employerId,
        teamId: team.id,
        trade,
        isTeamLeader: leader,
        status: "on_site",
        contractSignedOn: signedOn,
        contractStart: signedOn,
        contractEnd: addDays(today, rng.int(60, 540)),
        wageStandard: String(rng.int(lo / 10, hi / 10) * 10),
        wageUnit: "day",
        bankName,
        bankCard: bin + Array.from({ length: 15 }, () => rng.int(0, 9)).join(""),
        enteredOn: entered,
        createdAt: new Date(Date.parse(`${signedOn}T02:00:00Z`)),
        updatedAt: new Date(Date.parse(`${entered}T02:00:00Z`)),
      };
      // Entry training on admission, renewed within the year for those admitted longer ago.
      const trainedOn = entered > addDays(today, -330) ? addDays(entered, -rng.int(0, 2)) : addDays(today, -rng.int(10, 300));
      out.trainings.push({
        id: rng.uuid(),
        personId: person.id,
        projectId: row.id,
        kind: "entry_three_level",
        hours: rng.pick([24, 24, 28, 32]),
        score: rng.int(72, 98),
        passed: true,
        trainedOn,
        createdAt: new Date(Date.parse(`${trainedOn}T06:00:00Z`)),
        updatedAt: new Date(Date.parse(`${trainedOn}T06:00:00Z`)),
      });
      out.workers.push(w);
      projectWorkers.push({ w, rate: rng.chance(0.1) ? 0.6 + rng.next() * 0.2 : 0.88 + rng.next() * 0.1 });
    }

    // Attendance: workers on the project's working days from their entry; today only up to now.
    // One entry per day present; in and out in seconds after midnight. Returns whether the day was kept.
    const dayOf = (entries: string[], day: string, inAt: [number, number], outAt: [number, number]): boolean => {
      let firstIn = rng.int(inAt[0], inAt[1]) * 60 + rng.int(0, 59);
      let lastOut: number | null = rng.chance(0.03) ? null : rng.int(outAt[0], outAt[1]) * 60 + rng.int(0, 59);
      if (day === today) {
        const nowS = Math.floor((nowMs - todayMidnight) / 1000);
        // Before the morning shift only the early and night-shift people are in.
        if (firstIn > nowS) {
          if (!rng.chance(0.15)) return false;
          firstIn = Math.max(0, nowS - rng.int(5, 120) * 60);
        }
        // Some stay late (overtime, or forgot to swipe out): they still count as on site.
        if (lastOut !== null && (lastOut > nowS || rng.chance(0.1))) lastOut = null;
      }
      entries.push(`${offsetOf.get(day)}:${firstIn}:${lastOut ?? ""}`);
      out.attendanceDays++;
      return true;
    };
    const daysOf = new Map<string, number>();
    const recent = addDays(today, -2);
    for (const { w, rate } of projectWorkers) {
      const entries: string[] = [];
      // The newest arrivals have not been through the gate yet.
      if (w.enteredOn! < recent) {
        for (const day of workDays) {
          if (day < w.enteredOn! || !rng.chance(rate)) continue;
          if (!dayOf(entries, day, [7 * 60, 8 * 60], [17 * 60, 18 * 60 + 30])) continue;
          const key = `${w.id}|${day.slice(0, 7)}`;
          daysOf.set(key, (daysOf.get(key) ?? 0) + 1);
        }
      }
      // Never through the gate yet: still 进场, not 在场.
      if (entries.length === 0) w.status = "entered";
      else out.attendance.push({ projectId: row.id, personId: w.personId, workerId: w.id, entries });
    }

    // Key-post holders: present on most working days; about one in eight well below the required 80%.
    for (const post of city.posts) {
      if (post.projectId !== row.id || post.endedOn) continue;
      const rate = rng.chance(0.12) ? 0.45 + rng.next() * 0.3 : 0.86 + rng.next() * 0.14;
      const entries: string[] = [];
      for (const day of workDays) if (day >= post.startedOn && rng.chance(rate)) dayOf(entries, day, [7 * 60 + 30, 9 * 60], [17 * 60 + 30, 19 * 60]);
      if (entries.length > 0) out.attendance.push({ projectId: row.id, personId: post.personId, workerId: null, entries });
    }

    // The wage special account: most projects have one, opened within 30 days of the construction contract;
    // about one in ten late.
    const gcName = enterpriseById.get(gc)?.row.name ?? "";
    const account = rng.chance(0.9)
      ? {
          projectId: row.id,
          bankName: rng.pick(BANKS)[0],
          accountName: `${gcName}${row.name}${ACCOUNT_NAME_SUFFIX}`,
          accountNo: `${rng.pick(["1208", "1910", "3307"])}${Array.from({ length: 15 }, () => rng.int(0, 9)).join("")}`,
          openedOn: addDays(row.contractSignedOn ?? start, rng.int(3, 33)),
        }
      : null;
    if (account) out.accounts.push(account);

    // Payroll of the two months for most workers with attendance; some projects owe the older month.
    const owes = rng.chance(0.08) || index === 0;
    if (owes) out.arrearsProjects.push(row.id);
    for (const { w } of projectWorkers) {
      if (rng.chance(0.04)) continue;
      for (const month of months) {
        const days = daysOf.get(`${w.id}|${month}`) ?? 0;
        if (days === 0) continue;
        const gross = round2(days * Number(w.wageStandard));
        const net = round2(gross * (1 - rng.int(0, 30) / 1000));
        const payDay = `${addMonths(month, 1)}-${String(rng.int(5, 15)).padStart(2, "0")}`;
        const unpaid = (month === owed && owes && rng.chance(0.7)) || payDay > today;
        if (account && payDay < account.openedOn) continue;
        out.payrolls.push({
          id: rng.uuid(),
          workerId: w.id,
          projectId: row.id,
          month,
          days,
          gross,
          net,
          paidOn: unpaid ? null : payDay,
          bankRef: unpaid ? null : `YKWG${payDay.replaceAll("-", "")}${String(++bankRefSeq).padStart(6, "0")}`,
          status: unpaid ? "unpaid" : "paid",
        });
      }
    }
  });

  // A few blacklisted people (not among the workers), most entries still valid.
  for (let i = 0, n = rng.int(3, 5); i < n; i++) {
    const person = takeAny();
    if (!person) break;
    const validFrom = addDays(today, -rng.int(20, 400));
    out.blacklist.push({
      id: rng.uuid(),
      personId: person.id,
      reason: BLACKLIST_REASONS[i % BLACKLIST_REASONS.length],
      validFrom,
      validTo: i === 0 ? null : addDays(validFrom, rng.pick([365, 730, 1095])),
      createdAt: new Date(Date.parse(`${validFrom}T02:00:00Z`)),
      updatedAt: new Date(Date.parse(`${validFrom}T02:00:00Z`)),
    });
  }
  return out;
}

export interface WorkforceCounts {
  gates: number;
  teams: number;
  workers: number;
  trainings: number;
  attendanceDays: number;
  wageAccounts: number;
  payrolls: number;
  blacklisted: number;
}

/** The tables the workforce writes in bulk, loaded before their indexes are built (withIndexesDeferred). */
const BULK_TABLES = ["workforce_teams", "workforce_workers", "workforce_trainings", "workforce_attendance_days", "workforce_payrolls"];

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** An attendance entry's moment as timestamptz text: the Shanghai day and the seconds after its midnight (UTC+8, no DST). */
function shanghaiStamp(day: string, seconds: number): string {
  if (seconds >= 86_400) return new Date(shanghaiAt(day, 0) + seconds * 1000).toISOString();
  return `${day} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}+08`;
}

/** The attendance days as rows: one per entry, the last passage the way out when there is one. */
function* attendanceRows(wf: SeedWorkforce): Generator<CopyValue[]> {
  const days: string[] = [];
  // In unique-key order (project, person, then day within the entries), as an index would be built.
  const sorted = [...wf.attendance].sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : a.personId < b.personId ? -1 : 1));
  for (const a of sorted) {
    for (const entry of a.entries) {
      const [o, inS, outS] = entry.split(":");
      const offset = Number(o);
      const day = (days[offset] ??= addDays(wf.from, offset));
      const firstIn = shanghaiStamp(day, Number(inS));
      const lastOut = outS === "" ? null : shanghaiStamp(day, Number(outS));
      yield [a.projectId, a.personId, day, a.workerId, firstIn, lastOut, lastOut ?? firstIn, lastOut === null ? "in" : "out", lastOut === null ? 1 : 2];
    }
  }
}

/**
 * Writes the workforce inside the seed transaction: gates with fresh random secrets (SHA-256 stored, the
 * secrets returned for the credentials file), worker numbers from `allocateWorkerNos`, and multi-row or
 * unnest inserts throughout.
 */
export async function insertWorkforce(tx: Executor, wf: SeedWorkforce, log?: (m: string) => void): Promise<{ counts: WorkforceCounts; credentials: DeviceCredential[] }> {
  const started = performance.now();
  const step = (what: string) => log?.(`workforce: ${what} (${Math.round(performance.now() - started)} ms)`);
  const credentials: DeviceCredential[] = [];
  const gates = wf.gates.map((g) => {
    const secret = randomBytes(24).toString("base64url");
    credentials.push({ code: g.row.code, secret, type: "gate", projectId: g.row.projectId, projectCode: g.projectCode, reportIntervalS: g.row.reportIntervalS ?? 60 });
    // Hikvision terminals that only do HTTP Digest need HA1 = MD5(code:"sitecloud":secret), as device.service stores it.
    return { ...g.row, secretHash: sha256(secret), digestHa1: createHash("md5").update(`${g.row.code}:sitecloud:${secret}`).digest("hex") };
  });
  await loadIotRows(tx, "devices", gates);
  // A gate's one metric: passages in its last reporting interval (quiet at the moment of seeding).
  await copyRows(tx, "iot_latest", ["device_id", "metric", "ts", "value"], gates.map((g) => [g.id, "passes", g.lastSeenAt!, 0]));
  const numbers = await allocateWorkerNos(tx, wf.workers.length);
  // Unpaid payroll lines are dated at the moment of seeding, as `now()` would date them.
  const [{ now }] = rowsOf<{ now: string }>(await tx.execute(sql`select now()::text as now`));
  await withIndexesDeferred(tx, BULK_TABLES, async () => {
    await loadWorkforceRows(tx, "teams", wf.teams);
    await loadWorkforceRows(
      tx,
      "workers",
      wf.workers.map((w, i) => ({ ...w, workerNo: numbers[i] })),
    );
    await loadWorkforceRows(tx, "trainings", wf.trainings);
    step(`${wf.workers.length} workers and their training`);
    await loadWorkforceRows(tx, "blacklist", wf.blacklist);
    await loadWorkforceRows(tx, "wageAccounts", wf.accounts);
    await copyRows(
      tx,
      "workforce_attendance_days",
      ["project_id", "person_id", "day", "worker_id", "first_in", "last_out", "last_ts", "last_direction", "passages"],
      attendanceRows(wf),
    );
    step(`${wf.attendanceDays} attendance days`);
    // A paid line is dated at the midnight of its payment day in the session's time zone, as `paid_on::timestamptz` reads it.
    await copyRows(
      tx,
      "workforce_payrolls",
      ["id", "worker_id", "project_id", "month", "days", "gross", "net", "paid_on", "bank_ref", "status", "created_at", "updated_at"],
      wf.payrolls.map((p) => [p.id, p.workerId, p.projectId, p.month, p.days, p.gross, p.net, p.paidOn, p.bankRef, p.status, p.paidOn ?? now, p.paidOn ?? now]),
    );
  });
  step("indexes built");
  return {
    counts: {
      gates: gates.length,
      teams: wf.teams.length,
      workers: wf.workers.length,
      trainings: wf.trainings.length,
      attendanceDays: wf.attendanceDays,
      wageAccounts: wf.accounts.length,
      payrolls: wf.payrolls.length,
      blacklisted: wf.blacklist.length,
    },
    credentials,
  };
}

/** The device credentials with each gate placed after its site's other devices, so sites stay contiguous. */
export function withGates(devices: DeviceCredential[], gates: DeviceCredential[]): DeviceCredential[] {
  const gateOf = new Map(gates.map((g) => [g.projectId, g]));
  const merged: DeviceCredential[] = [];
  devices.forEach((d, i) => {
    merged.push(d);
    const gate = gateOf.get(d.projectId);
    if (gate && devices[i + 1]?.projectId !== d.projectId) {
      merged.push(gate);
      gateOf.delete(d.projectId);
    }
  });
  return [...merged, ...gateOf.values()];
}
