import { LIVE_PROJECT_STATUSES, YONGKANG_DISTRICTS, type ParticipantRole, type ProjectStatus, type ProjectType } from "@contracts/registry/enums";
import type { RegistryRows } from "../modules/registry/index.js";
import { addDays } from "./calendar.js";
import type { Capability, SeedEnterprise } from "./enterprises.gen.js";
import { pastTimestamp } from "./enterprises.gen.js";
import { pointInDistrict, type Outline } from "./geo.js";
import { address, projectName } from "./names.js";
import type { Rng } from "./prng.js";

export type ProjectRow = RegistryRows["projects"] & { id: string; status: ProjectStatus };
export type ParticipantRow = RegistryRows["participants"] & { id: string; role: ParticipantRole };

export interface SeedProject {
  row: ProjectRow;
  live: boolean;
  generalContractorId: string | null;
  supervisorId: string | null;
}

const STATUS_SHARES: readonly (readonly [ProjectStatus, number])[] = [
  ["suspended", 0.05],
  ["resumed", 0.05],
  ["approved", 0.15],
  ["completed", 0.15],
];

/** Exactly the intended mix (≈60% 在建, 10% 停工/复工, 15% 立项, 15% 竣工验收), in a shuffled order. */
function statusList(rng: Rng, count: number): ProjectStatus[] {
  const list: ProjectStatus[] = [];
  for (const [status, share] of STATUS_SHARES) for (let i = 0; i < Math.round(count * share); i++) list.push(status);
  while (list.length < count) list.push("in_progress");
  return rng.shuffle(list.slice(0, count));
}

const TYPE_WEIGHTS: readonly (readonly [ProjectType, number])[] = [
  ["building", 55],
  ["municipal", 20],
  ["transport", 7],
  ["water", 6],
  ["landscape", 8],
  ["other", 4],
];
// The four central streets and the development zone carry most construction; the towns share the rest.
const CENTRAL = new Set<string>(["东城街道", "西城街道", "江南街道", "经济开发区"]);
const DISTRICT_WEIGHTS = YONGKANG_DISTRICTS.map((d) => [d, CENTRAL.has(d) ? 3 : 1] as const);
const INDUSTRY_CODE: Record<ProjectType, string> = { building: "47", municipal: "48", transport: "48", water: "76", landscape: "78", other: "99" };

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Size and value by type: building area 3k–180k m², about 0.22–0.45 万元 per m²; infrastructure by value only. */
function sizeOf(rng: Rng, type: ProjectType): { areaM2: number | null; contractValueWan: number } {
  if (type === "building") {
    const areaM2 = round2(Math.min(180_000, Math.max(3_000, Math.exp(10.3 + rng.normal() * 0.8))));
    return { areaM2, contractValueWan: round2(areaM2 * (0.22 + rng.next() * 0.23)) };
  }
  const contractValueWan = round2(Math.min(50_000, Math.max(200, Math.exp(7.8 + rng.normal() * 1.1))));
  return { areaM2: rng.chance(0.4) ? round2(rng.int(2_000, 60_000)) : null, contractValueWan };
}

/** Picker over the enterprises holding a capability; earlier firms win more work (a Zipf-like market). */
function market(rng: Rng, enterprises: SeedEnterprise[], capability: Capability | "client", skew: number) {
  const pool = enterprises.filter((e) => (capability === "client" ? e.row.type === "builder" && e.row.status === "normal" : e.capabilities.has(capability)));
  const weights = pool.map((e, i) => [e, 1 / Math.pow(i + 1, skew)] as const);
  return { pool, pick: (exclude?: string) => {
    if (pool.length === 0) return null;
    for (let i = 0; i < 10; i++) {
      const e = rng.weighted(weights);
      if (e.row.id !== exclude) return e;
    }
    return null;
  } };
}

/**
 * Generates projects with dates, permits, coordinates and participants. Only enterprises whose qualification
 * for the role is valid today take part; the first general contractor (the demo `contractor` account's firm)
 * is given the first three live projects so that account always has work to show.
 */
export function generateProjects(rng: Rng, count: number, enterprises: SeedEnterprise[], outline: Outline, today: string, now: Date) {
  const clients = market(rng, enterprises, "client", 0.3);
  const contractors = market(rng, enterprises, "general", 0.7);
  const supervisors = market(rng, enterprises, "supervision", 0.5);
  const designers = market(rng, enterprises, "design", 0.5);
  const surveyors = market(rng, enterprises, "survey", 0.5);
  const testers = market(rng, enterprises, "testing", 0.6);
  const specialists = market(rng, enterprises, "specialty", 0.5);
  if (!contractors.pool.length || !supervisors.pool.length || !clients.pool.length) throw new Error("seed: no qualified contractor, supervisor or client");
  const flagship = contractors.pool[0];

  const names = new Set<string>();
  const codes = new Set<string>();
  const permits = new Set<string>();
  const projects: SeedProject[] = [];
  const participants: ParticipantRow[] = [];
  let flagshipLive = 0;

  for (const status of statusList(rng, count)) {
    const type = rng.weighted(TYPE_WEIGHTS);
    const district = rng.weighted(DISTRICT_WEIGHTS);
    const live = LIVE_PROJECT_STATUSES.includes(status);
    const started = status !== "approved";
    let plannedStart: string, plannedEnd: string, actualStart: string | null = null, actualEnd: string | null = null;
    if (status === "approved") {
      plannedStart = addDays(today, rng.int(15, 200));
      plannedEnd = addDays(plannedStart, rng.int(300, 1100));
    } else if (status === "completed") {
      actualEnd = addDays(today, -rng.int(5, 900));
      actualStart = addDays(actualEnd, -rng.int(250, 1100));
      plannedStart = addDays(actualStart, -rng.int(0, 30));
      plannedEnd = addDays(actualEnd, -rng.int(-60, 90));
    } else {
      actualStart = addDays(today, -rng.int(20, 1000));
      plannedStart = addDays(actualStart, -rng.int(0, 30));
      plannedEnd = addDays(plannedStart, rng.int(365, 1200));
    }
    let code: string;
    do code = `${Number(plannedStart.slice(0, 4)) - rng.int(0, 1)}-330784-${INDUSTRY_CODE[type]}-01-${rng.int(100_000, 999_999)}`;
    while (codes.has(code));
    codes.add(code);
    let permitNo: string | null = null;
    let contractSignedOn: string | null = null;
    if (started) {
      // 施工许可证编号: region, issue date, sequence (the permit is issued just before the start).
      const issuedOn = addDays(actualStart!, -rng.int(1, 20));
      // The permit needs a signed construction contract: a few days to a month before it (derived from the
      // code, not drawn, so every later draw of the seed stays where it was).
      contractSignedOn = addDays(issuedOn, -(Number(code.slice(-2)) % 30));
      const issued = issuedOn.replaceAll("-", "");
      do permitNo = `330784${issued}${String(rng.int(1, 99)).padStart(2, "0")}01`;
      while (permits.has(permitNo));
      permits.add(permitNo);
    }
    const createdAt = new Date(Math.min(Date.parse(`${addDays(plannedStart, -rng.int(30, 200))}T02:00:00Z`), now.getTime() - 86_400_000));
    const row: ProjectRow = {
      id: rng.uuid(),
      code,
      name: projectName(rng, district, type, names),
      type,
      district,
      address: address(rng, district),
      ...pointInDistrict(rng, outline, district),
      ...sizeOf(rng, type),
      permitNo,
      contractSignedOn,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      status,
      createdAt,
      updatedAt: live ? pastTimestamp(rng, now, 60) : pastTimestamp(rng, now, 400, 1),
    };

    const join = (e: SeedEnterprise | null, role: ParticipantRole) => {
      if (e) participants.push({ id: rng.uuid(), projectId: row.id, enterpriseId: e.row.id, role, createdAt });
      return e;
    };
    join(clients.pick(), "builder");
    const awarded = started || rng.chance(0.3);
    const gc = awarded ? join(live && flagshipLive < 3 ? flagship : contractors.pick(), "general_contractor") : null;
    if (live && gc === flagship) flagshipLive++;
    const supervisor = awarded ? join(supervisors.pick(), "supervisor") : null;
    if (rng.chance(0.8)) join(designers.pick(), "designer");
    if (rng.chance(0.6)) join(surveyors.pick(), "surveyor");
    if (started && rng.chance(0.7)) join(testers.pick(), "testing");
    // Half the subcontracts are labour (劳务分包), chosen by the code so no draw moves.
    if (started && rng.chance(0.2)) join(specialists.pick(gc?.row.id), Number(code.slice(-1)) % 2 === 0 ? "labour_subcontractor" : "specialty_subcontractor");
    projects.push({ row, live, generalContractorId: gc?.row.id ?? null, supervisorId: supervisor?.row.id ?? null });
  }
  return { projects, participants, flagshipId: flagship.row.id };
}
