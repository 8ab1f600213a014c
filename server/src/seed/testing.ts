import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { SAMPLE_TYPES, type ConcreteGrade, type RebarGrade, type SampleType } from "@contracts/testing/enums";
import { DEFAULT_CITY_REGION } from "../config.js";
import type { Executor, Tx } from "../platform/db/client.js";
import { ensureRuleDefaults } from "../platform/rules/rules.js";
import { casesRuleDefinitions, openCase } from "../modules/cases/index.js";
import { enterprisesView, participantsView, projectPostsView, projectsView, qualificationsView } from "../modules/registry/index.js";
import {
  gbt50107Rule,
  hasAgencies,
  judgeConcrete,
  judgeRebarResult,
  loadTestingRows,
  rebarGradesRule,
  testingRuleDefinitions,
  type ConcreteFigures,
  type Judged,
  type TestingRows,
} from "../modules/testing/index.js";
import { addDays } from "./calendar.js";
import { seedContext } from "./context.js";
import { createRng, type Rng } from "./prng.js";

/**
 * The demo city's engineering testing (工程检测): every testing enterprise of the registry gets its
 * qualification record (a few lapsed); every 在建 project commissions concrete lots and rebar batches from
 * an agency (its own testing participant when it has a valid one), about 35–60 % of samples witnessed by
 * the client's or supervisor's staff (the first two projects with a witness below the 30 % rule); results
 * are judged by the same pure judges the API uses (a few concrete lots and rebar batches fail, rebar with
 * a double re-test); failures open their testing cases through `cases.openCase`; most results carry an
 * issued report with a verify code, a few revised once. Reads the registry, writes in bulk: one statement
 * per table chunk, plus one `openCase` per failure (a handful).
 */

export const TESTING_TABLES = ["testing_agencies", "testing_commissions", "testing_results", "testing_reports"];
export const TESTING_STREAM = 0x5eed_7e5;

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RULE_REF = { code: "testing.gbt50107", version: 1, region: "CN", source: "GB/T 50107-2010" };
const REBAR_REF = { code: rebarGradesRule.code, version: 1, region: "CN", source: rebarGradesRule.source };

export interface TestingCounts {
  agencies: number;
  commissions: number;
  witnessed: number;
  results: number;
  failedResults: number;
  cases: number;
  reports: number;
}

type CommissionRow = TestingRows["commissions"] & { id: string; no: string; projectId: string; sampleType: SampleType };
type ResultRow = TestingRows["results"] & { id: string; pass: boolean };
type ReportRow = TestingRows["reports"];

const code = (rng: Rng, n: number) => Array.from({ length: n }, () => CROCKFORD[rng.int(0, 31)]).join("");
const round1 = (x: number) => Math.round(x * 10) / 10;
const compact = (day: string) => day.replaceAll("-", "");
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

/** Ids sorted as PostgreSQL sorts uuids (their lower-case text), or null for none (as array_agg gives). */
const sortedIds = (ids: string[]) => (ids.length ? ids.sort() : null);

/** Live projects with their testing agencies and the current post holders who may witness (建设/监理) or sample (施工). */
async function liveProjectParties(tx: Executor) {
  const P = projectsView();
  const PP = participantsView();
  const PO = projectPostsView();
  const projects = await tx.select({ id: P.id, name: P.name }).from(P).where(inArray(P.status, [...LIVE_PROJECT_STATUSES])).orderBy(asc(P.code));
  const parts = await tx.select({ projectId: PP.projectId, enterpriseId: PP.enterpriseId, role: PP.role }).from(PP);
  const posts = await tx.select({ projectId: PO.projectId, enterpriseId: PO.enterpriseId, personId: PO.personId }).from(PO).where(isNull(PO.endedOn));
  const rolesOf = new Map<string, string[]>();
  for (const p of parts) rolesOf.set(`${p.projectId}:${p.enterpriseId}`, [...(rolesOf.get(`${p.projectId}:${p.enterpriseId}`) ?? []), p.role]);
  const holders = (projectId: string, roles: readonly string[]) =>
    posts.filter((po) => po.projectId === projectId).flatMap((po) => (rolesOf.get(`${po.projectId}:${po.enterpriseId}`) ?? []).filter((r) => roles.includes(r)).map(() => po.personId));
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    testers: sortedIds(parts.filter((pp) => pp.projectId === p.id && pp.role === "testing").map((pp) => pp.enterpriseId)),
    witnesses: sortedIds(holders(p.id, ["builder", "supervisor"])),
    samplers: sortedIds(holders(p.id, ["general_contractor", "specialty_subcontractor"])),
  }));
}

/** Seeds testing into a registry that has projects and testing enterprises; call inside the seed transaction. */
export async function seedTesting(tx: Tx, opts: { seed: number; now: Date; log?: (m: string) => void }): Promise<TestingCounts> {
  const rng = createRng(opts.seed ^ TESTING_STREAM);
  const today = new Date(opts.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await ensureRuleDefaults(tx, [...testingRuleDefinitions, ...casesRuleDefinitions]);
  // Once only: a database that has agencies has had its testing seeded (or entered by hand).
  if (await hasAgencies(tx)) return { agencies: 0, commissions: 0, witnessed: 0, results: 0, failedResults: 0, cases: 0, reports: 0 };

  // Agencies: 综合资质 → comprehensive (every type); 专项 → concrete and rebar plus a few others. About 6 % lapsed.
  const E = enterprisesView();
  const Q = qualificationsView();
  const testingFirms = await tx.select({ id: E.id, name: E.name }).from(E).where(and(eq(E.type, "testing"), eq(E.status, "normal"))).orderBy(asc(E.creditCode));
  const quals = testingFirms.length ? await tx.select({ enterpriseId: Q.enterpriseId, grade: Q.grade, expiresOn: Q.expiresOn }).from(Q).where(inArray(Q.enterpriseId, testingFirms.map((e) => e.id))) : [];
  // Each firm's qualification that runs longest.
  const latest = new Map<string, { grade: string; expiresOn: string }>();
  for (const q of quals) if (!latest.has(q.enterpriseId) || q.expiresOn > latest.get(q.enterpriseId)!.expiresOn) latest.set(q.enterpriseId, q);
  const ents = testingFirms.map((e) => ({ id: e.id, name: e.name, grade: latest.get(e.id)?.grade ?? null, expiresOn: latest.get(e.id)?.expiresOn ?? null }));
  const agencies = ents.map((e, i) => {
    const comprehensive = (e.grade ?? "").includes("综合");
    const scopes: SampleType[] = comprehensive ? [...SAMPLE_TYPES] : ["concrete", "rebar", ...SAMPLE_TYPES.filter((t) => t !== "concrete" && t !== "rebar" && rng.chance(0.4))];
    const lapsed = i > 0 && rng.chance(0.06);
    const validTo = lapsed ? addDays(today, -rng.int(10, 300)) : (e.expiresOn && e.expiresOn > today ? e.expiresOn : addDays(today, rng.int(200, 1500)));
    return { enterpriseId: e.id, qualificationNo: `浙检字${String(2100 + i).padStart(5, "0")}号`, level: comprehensive ? "comprehensive" : "special", scopes, validTo };
  });
  await loadTestingRows(tx, "agencies", agencies);
  const valid = agencies.filter((a) => a.validTo >= today);
  if (valid.length === 0) return { agencies: agencies.length, commissions: 0, witnessed: 0, results: 0, failedResults: 0, cases: 0, reports: 0 };
  const validIds = new Set(valid.map((a) => a.enterpriseId));

  const projects = await liveProjectParties(tx);


  const commissions: CommissionRow[] = [];
  const results: ResultRow[] = [];
  const failures: { result: ResultRow; commission: CommissionRow; title: string; description: string; legalBasis: string; grade: "major" }[] = [];
  let witnessedProjectsBelow = 0;
  const concreteRule = gbt50107Rule.defaultValue;
  const rebarRule = rebarGradesRule.defaultValue;

  const newCommission = (p: (typeof projects)[number], agencyId: string, witnessShare: number, type: SampleType, fields: Partial<CommissionRow>, day: string): CommissionRow => {
    const witnessed = !!p.witnesses?.length && rng.chance(witnessShare);
    const n = commissions.length;
    const no = `WT${compact(day)}-S${n.toString(36).toUpperCase().padStart(4, "0")}`;
    const sampledAt = witnessed ? at(day, rng.int(8, 16)) : null;
    const row: CommissionRow = {
      id: rng.uuid(),
      no,
      projectId: p.id,
      agencyId,
      sampleType: type,
      spec: "",
      part: "",
      specimenCount: 3,
      witnessed,
      witnessPersonId: witnessed ? rng.pick(p.witnesses!) : null,
      samplerPersonId: p.samplers?.length ? rng.pick(p.samplers) : null,
      sampleCode: witnessed ? `YP${compact(day)}${n.toString(36).toUpperCase().padStart(5, "0")}` : null,
      sampledAt,
      samplePlace: witnessed ? rng.pick(["浇筑现场", "钢筋加工场", "现场取样点", "标养室"]) : null,
      state: "commissioned",
      createdAt: at(day, 8),
      updatedAt: at(day, 8),
      ...fields,
    };
    commissions.push(row);
    return row;
  };

  const addResult = (c: CommissionRow, judged: Judged, values: unknown[], testedOn: string, retestOf: string | null = null): ResultRow => {
    const r: ResultRow = { id: rng.uuid(), commissionId: c.id, retestOf, values, pass: judged.pass, method: judged.method, figures: judged.figures, testedOn, createdAt: at(testedOn, 17) };
    results.push(r);
    c.state = "tested";
    return r;
  };

  for (const [pi, p] of projects.entries()) {
    const ownAgency = p.testers?.find((t) => validIds.has(t));
    const agencyId = ownAgency ?? rng.pick(valid).enterpriseId;
    // The first two projects that can witness at all stay below the 30 % rule.
    const lowShare = !!p.witnesses?.length && witnessedProjectsBelow < 2;
    if (lowShare) witnessedProjectsBelow++;
    const share = lowShare ? rng.next() * 0.12 + 0.08 : 0.35 + rng.next() * 0.25;

    // Concrete lots (验收批): 2–10 groups each, one commission per group, judged as the lot grows.
    const lots = rng.int(1, 3);
    for (let l = 0; l < lots; l++) {
      const grade = rng.pick<ConcreteGrade>(["C25", "C30", "C30", "C35", "C40", "C50"]);
      const fcuk = Number(grade.slice(1));
      const failing = (pi < 3 && l === 0 && pi % 2 === 0) || rng.chance(0.03);
      // Ready-mixed concrete is batched well above its class (C30 cubes typically 38–44 MPa): a sound lot
      // passes the non-statistical test (m ≥ 1.15·fcu,k) from its first group; a failing one sits at the class.
      const mu = fcuk * (failing ? 0.97 + rng.next() * 0.06 : 1.3 + rng.next() * 0.15);
      const sd = 2 + rng.next() * 1.5;
      const lotNo = `${grade}-${String.fromCharCode(65 + l)}${pi + 1}`;
      const start = addDays(today, -rng.int(40, 200));
      const groups = rng.int(2, 10);
      const earlier: { resultId: string; values: number[] }[] = [];
      for (let g = 0; g < groups; g++) {
        const day = addDays(start, g * rng.int(2, 6));
        if (day > today) break;
        const c = newCommission(p, agencyId, share, "concrete", { strengthClass: grade, lotNo, part: `${g + 1}F 梁板柱`, specimenSizeMm: rng.chance(0.9) ? 150 : 100 }, day);
        const testedOn = addDays(day, 28);
        if (testedOn > today) continue;
        const centre = (mu + sd * rng.normal()) / ((c.specimenSizeMm ?? 150) === 100 ? 0.95 : 1);
        const cubes = [0, 1, 2].map(() => round1(centre * (1 + 0.03 * rng.normal()))) as [number, number, number];
        const judged = judgeConcrete([cubes], { lotNo, strengthClass: grade, specimenSizeMm: c.specimenSizeMm ?? 150, earlier: [...earlier] }, concreteRule, RULE_REF);
        const r = addResult(c, judged, [cubes], testedOn);
        earlier.push({ resultId: r.id, values: (judged.figures as ConcreteFigures).groups.flatMap((x) => (x.value === null ? [] : [x.value])) });
        if (!judged.pass) {
          const e = (judged.figures as ConcreteFigures).lot.evaluation;
          failures.push({
            result: r,
            commission: c,
            title: `混凝土试块 ${grade} 批号 ${lotNo} 检测不合格`,
            description: `${p.name}，委托 ${c.no}。验收批 ${e.n} 组，平均值 ${e.mean} MPa，最小值 ${e.min} MPa；不满足：${e.conditions.filter((x) => !x.ok).map((x) => x.expr).join("；")}`,
            legalBasis: "GB/T 50107-2010；《建设工程质量检测管理办法》(住建部令第57号)",
            grade: "major",
          });
        }
      }
    }

    // Rebar batches (检验批): 2 tensile specimens; a failed item gets a double re-test on the same commission.
    const batches = rng.int(1, 2);
    for (let b = 0; b < batches; b++) {
      const grade = rng.pick<RebarGrade>(["HRB400", "HRB400E", "HRB400E", "HRB500E"]);
      const min = rebarRule.grades[grade]!;
      const day = addDays(today, -rng.int(3, 200));
      const c = newCommission(p, agencyId, share, "rebar", { strengthClass: grade, lotNo: `GJ-${pi + 1}-${b + 1}`, spec: `Φ${rng.pick([12, 16, 20, 25])}`, specimenCount: 2 }, day);
      const good = () => {
        const ReL = Math.round(min.ReL * (1.06 + rng.next() * 0.14));
        return { ReL, Rm: Math.round(ReL * (1.3 + rng.next() * 0.08)), A: round1(18 + rng.next() * 8), Agt: round1(10 + rng.next() * 3) };
      };
      const testedOn = addDays(day, 2);
      if (testedOn > today) continue;
      const firstFails = (pi < 4 && b === 0 && pi % 2 === 1) || rng.chance(0.03);
      const specimens = [good(), firstFails ? { ...good(), Agt: round1(min.Agt - 0.6) } : good()];
      const first = judgeRebarResult(specimens, grade, null, rebarRule, REBAR_REF);
      const r = addResult(c, first, specimens, testedOn);
      if (first.pass) continue;
      failures.push({ result: r, commission: c, title: `钢筋 ${grade} 批号 ${c.lotNo} 检测不合格`, description: `${p.name}，委托 ${c.no}。最大力总延伸率不满足要求，需双倍复检`, legalBasis: "GB/T 1499.2-2018；《建设工程质量检测管理办法》(住建部令第57号)", grade: "major" });
      const retestOn = addDays(testedOn, 3);
      if (retestOn > today) continue;
      const retestFails = rng.chance(0.35);
      const retest = [good(), good(), good(), retestFails ? { ...good(), Agt: round1(min.Agt - 0.4) } : good()];
      const judged = judgeRebarResult(retest, grade, { resultId: r.id, specimens: specimens.length }, rebarRule, REBAR_REF);
      const rr = addResult(c, judged, retest, retestOn, r.id);
      if (!judged.pass) {
        failures.push({ result: rr, commission: c, title: `钢筋 ${grade} 批号 ${c.lotNo} 复检不合格`, description: `${p.name}，委托 ${c.no}。双倍复检仍不合格，该批钢筋判定不合格`, legalBasis: "GB/T 1499.2-2018", grade: "major" });
      }
    }
  }

  // Reports: most results older than two days, each with a random verify code; a few revised once.
  const reports: ReportRow[] = [];
  const reported = new Set<string>();
  for (const r of results) {
    if (r.testedOn > addDays(today, -2) || !rng.chance(0.85)) continue;
    const issuedAt = at(addDays(r.testedOn, 1), 10);
    const n = reports.length;
    const revised = rng.chance(0.03);
    const signers = { tester: rng.pick(["陈立新", "王海燕", "李卫东", "张晓峰"]), reviewer: rng.pick(["周建国", "吴丽华", "郑伟"]), approver: rng.pick(["胡志明", "徐国庆"]) };
    reports.push({
      reportNo: `BG${compact(r.testedOn)}-S${n.toString(36).toUpperCase().padStart(4, "0")}`,
      verifyCode: code(rng, 12),
      resultId: r.id,
      issuedAt,
      conclusion: r.pass ? "pass" : "fail",
      signers: revised ? { ...signers, approver: "徐国庆" } : signers,
      revision: revised ? 2 : 1,
      revisions: revised ? [{ revision: 2, at: new Date(issuedAt.getTime() + 86_400_000).toISOString(), by: "检测机构", reason: "批准人变更，重新签发", changes: { signers: { from: signers, to: { ...signers, approver: "徐国庆" } } } }] : [],
      createdAt: issuedAt,
      updatedAt: issuedAt,
    });
    reported.add(r.commissionId);
  }
  for (const c of commissions) if (reported.has(c.id)) c.state = "reported";

  // Failed results open their cases exactly as a live submission does, before the results are written,
  // so each failed result is written naming its case.
  // openCase writes through `tx`; the context only says who acts (the platform) and where events go (nowhere yet).
  const ctx = seedContext(tx, DEFAULT_CITY_REGION);
  let cases = 0;
  for (const f of failures) {
    const opened = await openCase(tx, ctx, {
      projectId: f.commission.projectId,
      source: "testing",
      sourceRef: f.result.id,
      category: "testing",
      grade: f.grade,
      title: f.title,
      description: f.description,
      legalBasis: f.legalBasis,
    });
    if (opened.created) cases++;
    f.result.caseId = opened.id;
  }
  await loadTestingRows(tx, "commissions", commissions);
  await loadTestingRows(tx, "results", results);
  await loadTestingRows(tx, "reports", reports);
  opts.log?.(`testing: ${commissions.length} commissions, ${results.length} results, ${reports.length} reports`);
  return {
    agencies: agencies.length,
    commissions: commissions.length,
    witnessed: commissions.filter((c) => c.witnessed).length,
    results: results.length,
    failedResults: results.filter((r) => !r.pass).length,
    cases,
    reports: reports.length,
  };
}
