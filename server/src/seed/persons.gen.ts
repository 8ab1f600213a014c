import type { CertificateKind, EnterpriseType } from "@contracts/registry/enums";
import type { RegistryRows } from "../modules/registry/index.js";
import { DEFAULT_EXPIRY_MIX, POST_HOLDER_MIX, validityDates, type ExpiryMix } from "./calendar.js";
import { pastTimestamp, type SeedEnterprise } from "./enterprises.gen.js";
import { idNumber, mobile } from "./ids.js";
import { personName } from "./names.js";
import type { Rng } from "./prng.js";
import type { SeedProject } from "./projects.gen.js";

export type PersonRow = RegistryRows["persons"] & { id: string };
export type CertificateRow = RegistryRows["certificates"] & { id: string; kind: CertificateKind };

/**
 * People of one enterprise, by what they can be posted as. The `reserved` lists hold exactly the people
 * whose certificates are valid and who are kept free for the live projects' key posts; `all` lists also
 * hold colleagues with the same certificates (some expired), used for completed projects' past posts.
 */
export interface StaffPools {
  managers: { reserved: string[]; all: string[] };
  safety: { reserved: string[]; all: string[] };
  technical: { reserved: string[]; all: string[] };
  chiefs: { reserved: string[]; all: string[] };
  staff: string[];
}

/** How many live key posts each enterprise has to fill (contractor posts and supervisor posts). */
function postNeeds(projects: SeedProject[]) {
  const contractor = new Map<string, number>();
  const supervisor = new Map<string, number>();
  for (const p of projects) {
    if (!p.live) continue;
    if (p.generalContractorId) contractor.set(p.generalContractorId, (contractor.get(p.generalContractorId) ?? 0) + 1);
    if (p.supervisorId) supervisor.set(p.supervisorId, (supervisor.get(p.supervisorId) ?? 0) + 1);
  }
  return { contractor, supervisor };
}

const STAFF_WEIGHT: Record<EnterpriseType, number> = { contractor: 3, supervisor: 1.5, builder: 0.5, designer: 1.2, surveyor: 1, testing: 1.2, gas: 1.5, other: 1 };
const SPECIAL_TRADES = ["建筑电工", "建筑焊工", "建筑架子工", "塔式起重机司机", "施工升降机司机", "建筑起重信号司索工", "高处作业吊篮安装拆卸工"];
const CONSTRUCTOR_SPECIALTIES = ["建筑工程", "建筑工程", "市政公用工程", "机电工程", "水利水电工程"];

/** Generates the personnel register and certificates, sized so every live key post can be filled lawfully. */
export function generatePersons(rng: Rng, total: number, enterprises: SeedEnterprise[], projects: SeedProject[], today: string, now: Date) {
  const persons: PersonRow[] = [];
  const certificates: CertificateRow[] = [];
  const pools = new Map<string, StaffPools>();
  const ids = new Set<string>();
  let seq = 0;
  const year = today.slice(0, 4);

  const person = (employerId: string | null, opts: { born: [string, string]; male: number }) => {
    const gender = rng.chance(opts.male) ? "M" : "F";
    const { id: idNo, birthDate } = idNumber(rng, gender, opts.born[0], opts.born[1], ids);
    const createdAt = pastTimestamp(rng, now, 2000, 30);
    const row: PersonRow = {
      id: rng.uuid(),
      name: personName(rng, gender),
      idNumber: idNo,
      gender,
      birthDate,
      mobile: rng.chance(0.92) ? mobile(rng) : null,
      employerId,
      status: "active",
      createdAt,
      updatedAt: pastTimestamp(rng, now, Math.min(300, (now.getTime() - createdAt.getTime()) / 86_400_000)),
    };
    persons.push(row);
    return row;
  };
  const certify = (p: PersonRow, kind: CertificateKind, years: number, mix: ExpiryMix, extra: { specialty?: string; level?: string; certNo?: string } = {}) => {
    seq++;
    const dates = validityDates(rng, today, years, mix);
    const serial = String(seq).padStart(7, "0");
    const numbers: Record<CertificateKind, string> = {
      constructor: `浙${extra.level === "一级" ? 1 : 2}33${dates.issuedOn.slice(2, 4)}${serial}`,
      supervisor: `33${serial}`,
      safety_a: `浙建安A(${dates.issuedOn.slice(0, 4)})${serial}`,
      safety_b: `浙建安B(${dates.issuedOn.slice(0, 4)})${serial}`,
      safety_c: `浙建安C(${dates.issuedOn.slice(0, 4)})${serial}`,
      special_operation: `T${p.idNumber}`,
      other: `浙检(${year})${serial}`,
    };
    certificates.push({ id: rng.uuid(), personId: p.id, kind, specialty: extra.specialty ?? null, level: extra.level ?? null, certNo: extra.certNo ?? numbers[kind], ...dates });
  };

  const needs = postNeeds(projects);
  const sizeWeights = enterprises.map((e) => STAFF_WEIGHT[e.row.type] * Math.exp(rng.normal() * 0.6));
  const weightSum = sizeWeights.reduce((a, b) => a + b, 0);
  const employed = Math.round(total * 0.95);

  enterprises.forEach((e, index) => {
    const pool: StaffPools = { managers: { reserved: [], all: [] }, safety: { reserved: [], all: [] }, technical: { reserved: [], all: [] }, chiefs: { reserved: [], all: [] }, staff: [] };
    pools.set(e.row.id, pool);
    let headcount = Math.max(2, Math.round((employed * sizeWeights[index]) / weightSum));
    const manager = { born: ["1965-01-01", "1992-12-31"] as [string, string], male: 0.85 };
    const addGroup = (group: { reserved: string[]; all: string[] }, needed: number, extra: number, certify1: (p: PersonRow, mix: ExpiryMix) => void) => {
      for (let i = 0; i < needed + extra; i++) {
        const p = person(e.row.id, manager);
        certify1(p, i < needed ? POST_HOLDER_MIX : DEFAULT_EXPIRY_MIX);
        if (i < needed) group.reserved.push(p.id);
        group.all.push(p.id);
      }
      headcount -= needed + extra;
    };
    if (e.row.type === "contractor") {
      const live = needs.contractor.get(e.row.id) ?? 0;
      addGroup(pool.managers, live, Math.max(1, Math.round(headcount * 0.05)), (p, mix) => {
        const level = rng.chance(0.35) ? "一级" : "二级";
        certify(p, "constructor", 3, mix, { specialty: rng.pick(CONSTRUCTOR_SPECIALTIES), level });
        certify(p, "safety_b", 3, mix);
      });
      addGroup(pool.safety, live, Math.max(1, Math.round(headcount * 0.04)), (p, mix) => certify(p, "safety_c", 3, mix, { level: rng.pick(["C1", "C2", "C3"]) }));
      // Technical leads and quality officers need no certificate; two per live project leave room for both.
      addGroup(pool.technical, live * 2, Math.max(1, Math.round(headcount * 0.03)), () => undefined);
      const head = person(e.row.id, manager);
      certify(head, "safety_a", 3, DEFAULT_EXPIRY_MIX);
      headcount--;
    } else if (e.row.type === "supervisor") {
      const live = needs.supervisor.get(e.row.id) ?? 0;
      // A chief supervising engineer may run two live projects (several provinces allow 2–3).
      addGroup(pool.chiefs, Math.ceil(live / 2), Math.max(1, Math.round(headcount * 0.1)), (p, mix) =>
        certify(p, "supervisor", 3, mix, { specialty: rng.pick(["房屋建筑工程", "市政公用工程"]) }),
      );
    }
    const office = ["designer", "surveyor", "testing", "supervisor", "builder"].includes(e.row.type);
    for (let i = 0; i < headcount; i++) {
      const p = person(e.row.id, { born: ["1960-01-01", "2004-12-31"], male: office ? 0.6 : 0.88 });
      pool.staff.push(p.id);
      if (e.row.type === "supervisor" && rng.chance(0.3)) certify(p, "supervisor", 3, DEFAULT_EXPIRY_MIX, { specialty: "房屋建筑工程" });
      else if (e.row.type === "testing" && rng.chance(0.6)) certify(p, "other", 5, DEFAULT_EXPIRY_MIX, { specialty: "检测人员岗位证书" });
      else if (e.row.type === "gas" && rng.chance(0.5)) certify(p, "special_operation", 4, DEFAULT_EXPIRY_MIX, { specialty: "气瓶充装" });
      else if ((e.row.type === "contractor" || e.row.type === "other") && rng.chance(0.3)) {
        certify(p, "special_operation", 6, DEFAULT_EXPIRY_MIX, { specialty: rng.pick(SPECIAL_TRADES) });
      } else if (e.row.type === "contractor" && rng.chance(0.05)) certify(p, "safety_c", 3, DEFAULT_EXPIRY_MIX, { level: "C2" });
    }
  });

  // Workers between employers: still in the register (实名制) with their trade certificates.
  for (let i = persons.length; i < total; i++) {
    const p = person(null, { born: ["1960-01-01", "2004-12-31"], male: 0.9 });
    if (rng.chance(0.4)) certify(p, "special_operation", 6, DEFAULT_EXPIRY_MIX, { specialty: rng.pick(SPECIAL_TRADES) });
  }
  return { persons, certificates, pools };
}
