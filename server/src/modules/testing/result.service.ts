import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { shanghaiDay } from "@contracts/platform/time";
import { ResultValuesOf, type SubmitResultInput } from "@contracts/testing/result";
import { CONCRETE_GRADES, SAMPLE_TYPE_LABELS, type ConcreteGrade, type RebarGrade, type SampleType } from "@contracts/testing/enums";
import type { ConcreteGroupInput, RebarSpecimenInput } from "@contracts/testing/evaluation";
import type { AgencyItemInput } from "@contracts/testing/result";
import { isCityWide, requirePermission, SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { AppError, conflict, invalid, invalidField, notFound } from "../../platform/errors.js";
import { ruleInForce, type RuleInForce } from "../../platform/rules/rules.js";
import { notify, openCase } from "../cases/index.js";
import { projectOf } from "../registry/index.js";
import { testingCommissions as C, testingResults as R } from "./schema.js";
import { judgeByAgency, judgeConcrete, JudgeInputError, judgeRebarResult, STRUCTURAL_TYPES, type ConcreteFigures, type Judged } from "./result.checks.js";
import { gbt50107Rule, rebarGradesRule } from "./testing.rules.js";

/**
 * Results (检测结果): the agency a commission is addressed to reports what it measured; the platform
 * judges it at once by the rule in force and keeps the figures with it. Results are never overwritten —
 * a re-test is a new result pointing at the original. An unqualified result opens a testing case in the
 * same transaction and alerts the quality inspectors and the project's users (57号令: failed results on
 * structural-safety items are reported to the supervision station promptly).
 */

export type Commission = typeof C.$inferSelect;

/** Agencies touch only commissions addressed to them; the bureau's admin may act for any. */
export function agencyScope(actor: Actor) {
  if (isCityWide(actor)) return undefined;
  return eq(C.agencyId, actor.enterpriseId ?? "00000000-0000-0000-0000-000000000000");
}

/** @throws AppError NOT_FOUND when the commission is absent or not addressed to the actor's agency. */
export async function lockCommissionForAgency(tx: Tx, actor: Actor, id: string): Promise<Commission> {
  const [c] = await tx.select().from(C).where(and(eq(C.id, id), agencyScope(actor))).for("update");
  if (!c) throw notFound("commission", id);
  return c;
}

/** `values` checked against the commission's sample type; every problem named `values.<i>.<field>`. */
export function parseValues(sampleType: SampleType, values: unknown[]) {
  const parsed = ResultValuesOf(sampleType).safeParse(values);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ["values", ...i.path].join("."), message: i.message, code: i.code })));
  return parsed.data;
}

interface Input {
  testedOn: string;
  values: unknown[];
  retestOf?: string | null;
}

/** The earlier results of the same lot that still count: a result replaced by a re-test does not. */
async function concreteLotSoFar(tx: Tx, c: Commission, excluding: string | null): Promise<{ resultId: string; values: number[] }[]> {
  const rows = await tx
    .select({ id: R.id, figures: R.figures })
    .from(R)
    .innerJoin(C, eq(C.id, R.commissionId))
    .where(
      and(
        eq(C.projectId, c.projectId),
        eq(C.sampleType, "concrete"),
        eq(C.lotNo, c.lotNo!),
        eq(C.strengthClass, c.strengthClass!),
        sql`not exists (select 1 from testing_results rt where rt.retest_of = ${R.id})`,
        excluding ? sql`${R.id} <> ${excluding}` : undefined,
      ),
    )
    .orderBy(R.createdAt, R.id);
  return rows.map((r) => ({ resultId: r.id, values: (r.figures as ConcreteFigures).groups.flatMap((g) => (g.value === null ? [] : [g.value])) }));
}

const ruleRef = (r: RuleInForce<unknown>) => ({ code: r.code, version: r.version, region: r.region, source: r.source });

async function judge(tx: Tx, c: Commission, values: unknown[], original: typeof R.$inferSelect | null, region: string, day: string): Promise<Judged> {
  const type = c.sampleType as SampleType;
  if (type === "concrete") {
    if (!c.strengthClass || !CONCRETE_GRADES.includes(c.strengthClass as ConcreteGrade) || !c.lotNo) {
      throw new AppError("PRECONDITION_FAILED", `委托 ${c.no} 缺少强度等级或验收批号，不能评定 (the commission lacks a class or lot)`);
    }
    const rule = await ruleInForce(tx, gbt50107Rule, region, day);
    const groups = parseValues(type, values) as z.output<typeof ConcreteGroupInput>[];
    const earlier = await concreteLotSoFar(tx, c, original?.id ?? null);
    return judgeConcrete(groups, { lotNo: c.lotNo, strengthClass: c.strengthClass as ConcreteGrade, specimenSizeMm: c.specimenSizeMm ?? 150, earlier }, rule.value, ruleRef(rule));
  }
  if (type === "rebar") {
    const rule = await ruleInForce(tx, rebarGradesRule, region, day);
    const specimens = parseValues(type, values) as z.output<typeof RebarSpecimenInput>[];
    const retest = original ? { resultId: original.id, specimens: (original.values as unknown[]).length } : null;
    return judgeRebarResult(specimens, c.strengthClass as RebarGrade, retest, rule.value, ruleRef(rule), c.batchTonnes);
  }
  return judgeByAgency(parseValues(type, values) as z.output<typeof AgencyItemInput>[]);
}

/** The original a re-test points at: a failed result of the same project, sample type and lot, not re-tested yet. */
async function originalOf(tx: Tx, c: Commission, retestOf: string): Promise<typeof R.$inferSelect> {
  const [row] = await tx
    .select({ r: R, c: C })
    .from(R)
    .innerJoin(C, eq(C.id, R.commissionId))
    .where(eq(R.id, retestOf));
  if (!row || row.c.projectId !== c.projectId || row.c.sampleType !== c.sampleType || row.c.lotNo !== c.lotNo) {
    throw invalidField("retestOf", "复检须指向同一项目、同一检验批的原结果 (the original must be of the same project and lot)");
  }
  if (row.r.pass) throw invalidField("retestOf", "原结果合格，无需复检 (the original passed)");
  const [done] = await tx.select({ id: R.id }).from(R).where(eq(R.retestOf, retestOf)).limit(1);
  if (done) throw conflict("该结果已有复检结果 (the original has been re-tested already)", { issues: [{ path: "retestOf", message: "已复检 (re-tested already)" }] });
  return row.r;
}

function caseText(c: Commission, judged: Judged, projectName: string): { title: string; description: string; legalBasis: string } {
  const type = SAMPLE_TYPE_LABELS[c.sampleType as SampleType].zh;
  const what = [type, c.strengthClass, c.lotNo ? `批号 ${c.lotNo}` : null].filter(Boolean).join(" ");
  const f = judged.figures;
  let detail: string;
  let basis = "《建设工程质量检测管理办法》(住建部令第57号)";
  if (f.kind === "concrete") {
    const e = f.lot.evaluation;
    detail = `验收批 ${e.n} 组，平均值 ${e.mean} MPa，最小值 ${e.min} MPa；不满足：${e.conditions.filter((x) => !x.ok).map((x) => `${x.expr}（${x.lhs} < ${x.rhs}）`).join("；")}`;
    basis = `GB/T 50107-2010；${basis}`;
  } else if (f.kind === "rebar") {
    const failed = f.specimens.flatMap((s) => s.conditions.filter((x) => !x.ok).map((x) => `试件${s.index + 1} ${x.expr}`));
    detail = `${f.verdict === "retest_required" ? "需双倍复检" : "复检不合格，该批钢筋判定不合格"}：${failed.join("；")}`;
    basis = `GB/T 1499.2-2018；${basis}`;
  } else {
    detail = `不合格项目：${f.failedItems.join("、")}`;
  }
  return { title: `${what} 检测不合格`, description: `${projectName}，委托 ${c.no}${c.part ? `，部位 ${c.part}` : ""}。${detail}`, legalBasis: basis };
}

export interface RecordedResult {
  id: string;
  commissionId: string;
  projectId: string;
  pass: boolean;
  caseId: string | null;
}

/**
 * Records and judges one result inside the caller's transaction (the API and the Excel import both come
 * here); an unqualified one opens its case and sends the alerts in the same transaction.
 */
export async function recordResult(tx: Tx, ctx: ServiceContext, c: Commission, input: Input): Promise<RecordedResult> {
  const day = shanghaiDay(ctx.clock.now());
  if (input.testedOn > day) throw invalidField("testedOn", "检测日期不能晚于今天 (cannot be in the future)");
  if (c.sampledAt && input.testedOn < shanghaiDay(c.sampledAt)) throw invalidField("testedOn", "检测日期早于取样日期 (before the sampling day)");
  if (c.witnessed && !c.sampleCode) {
    throw new AppError("PRECONDITION_FAILED", `见证取样委托 ${c.no} 尚无取样记录，检测机构不得接收 (a witnessed sample needs its sampling record first)`);
  }
  const original = input.retestOf ? await originalOf(tx, c, input.retestOf) : null;
  if (!original) {
    const [earlier] = await tx.select({ id: R.id }).from(R).where(eq(R.commissionId, c.id)).limit(1);
    if (earlier) throw conflict(`委托 ${c.no} 已有检测结果，结果不可覆盖；复检请填写 retestOf (a result exists and is never overwritten)`, { issues: [{ path: "retestOf", message: "复检须指向原结果 (name the original)" }] });
  }
  let judged: Judged;
  try {
    judged = await judge(tx, c, input.values, original, ctx.region, day);
  } catch (e) {
    if (e instanceof JudgeInputError) throw invalidField(e.path, e.message);
    throw e;
  }
  const [row] = await tx
    .insert(R)
    .values({ commissionId: c.id, retestOf: original?.id ?? null, values: input.values, pass: judged.pass, method: judged.method, figures: judged.figures, testedOn: input.testedOn, createdBy: ctx.actor.userId })
    .returning();
  if (c.state !== "reported") await tx.update(C).set({ state: "tested", updatedAt: new Date() }).where(eq(C.id, c.id));
  await recordAudit(tx, ctx, { action: "testing.result.submitted", entity: "testing_result", entityId: row.id, after: row });

  let caseId: string | null = null;
  if (!judged.pass) {
    const project = await projectOf(tx, c.projectId);
    const text = caseText(c, judged, project?.name ?? "");
    // The platform opens the case on the lab's report; the agency need not be a party the project shows it.
    const opened = await openCase(
      tx,
      { ...ctx, actor: SYSTEM_ACTOR },
      { projectId: c.projectId, source: "testing", sourceRef: row.id, category: "testing", grade: STRUCTURAL_TYPES.includes(c.sampleType as SampleType) ? "major" : "general", ...text },
    );
    caseId = opened.id;
    await tx.update(R).set({ caseId }).where(eq(R.id, row.id));
    await notify(tx, ctx, { roles: ["inspector"], domain: "quality", projectId: c.projectId }, {
      kind: "testing.failed",
      title: `检测不合格：${text.title}`,
      body: text.description,
      link: `/testing/results?resultId=${row.id}`,
      caseId,
    });
  }
  return { id: row.id, commissionId: c.id, projectId: c.projectId, pass: judged.pass, caseId };
}

function publishResult(ctx: ServiceContext, r: RecordedResult): void {
  ctx.events.publish("testing.result.submitted", { resultId: r.id, commissionId: r.commissionId, projectId: r.projectId, pass: r.pass });
  if (!r.pass) ctx.events.publish("testing.result.failed", { resultId: r.id, commissionId: r.commissionId, projectId: r.projectId, caseId: r.caseId });
}

/**
 * The agency reports a result for a commission addressed to it.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming the field; CONFLICT (a result exists: re-test with `retestOf`); PRECONDITION_FAILED.
 */
export async function submitResult(ctx: ServiceContext, commissionId: string, input: z.output<typeof SubmitResultInput>): Promise<RecordedResult> {
  requirePermission(ctx.actor, "testing.report");
  const recorded = await ctx.db.transaction(async (tx) => {
    const c = await lockCommissionForAgency(tx, ctx.actor, commissionId);
    return recordResult(tx, ctx, c, input);
  });
  publishResult(ctx, recorded);
  return recorded;
}

/** Results of many commissions in one go (the import): events after the commit. */
export function publishResults(ctx: ServiceContext, results: RecordedResult[]): void {
  for (const r of results) publishResult(ctx, r);
}

/** The latest result of each commission, for imports deciding whether a row would overwrite one. */
export async function commissionsWithResults(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectDistinct({ id: R.commissionId }).from(R).where(inArray(R.commissionId, ids)).orderBy(desc(R.commissionId));
  return new Set(rows.map((r) => r.id));
}
