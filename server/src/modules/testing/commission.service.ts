import { and, eq, isNull, or, sql, gte } from "drizzle-orm";
import type { z } from "zod";
import { shanghaiDay } from "@contracts/platform/time";
import type { CommissionDto, CreateCommissionInput, SamplingInput } from "@contracts/testing/commission";
import { ConcreteGrade, RebarGrade } from "@contracts/testing/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, invalidField, notFound } from "../../platform/errors.js";
import { assertProjectVisible, participantsView, personsView, projectPostsView } from "../registry/index.js";
import { assertAgencyQualified } from "./agency.service.js";
import { getCommission } from "./commission.queries.js";
import { commissionScope } from "./commission.scope.js";
import { assertSamplingPhotos } from "./sampling.files.js";
import { testingCommissions as C } from "./schema.js";
import { newCommissionNo } from "./testing-code.calc.js";

const PE = personsView();
const PP = participantsView();
const PO = projectPostsView();

/**
 * 委托 and 见证取样 (建建〔2000〕211号): a project party commissions a test from a qualified agency; a
 * witnessed sample names its witness — someone holding a post on the project for its client or supervisor
 * — and gets a sampling record with the sealed sample's code, which the agency matches before testing.
 */

/** Participant roles whose staff may witness (the client or the supervisor). */
export const WITNESS_ROLES = ["builder", "supervisor"] as const;

type Input = z.output<typeof CreateCommissionInput>;

/** The fields a sample type needs, with its strength class checked against the type's list. */
function checkSampleFields(input: Input): { strengthClass: string | null; lotNo: string | null; specimenSizeMm: number | null; batchTonnes: number | null } {
  const type = input.sampleType;
  if (type !== "rebar" && input.batchTonnes != null) throw invalidField("batchTonnes", "仅钢筋检验批填写批重量 (rebar batches only)");
  const lotNo = input.lotNo?.trim() || null;
  const cls = input.strengthClass?.trim() || null;
  if (type !== "concrete" && input.specimenSizeMm != null) throw invalidField("specimenSizeMm", "仅混凝土试块填写试件尺寸 (concrete cubes only)");
  if (type === "concrete" || type === "rebar") {
    if (!cls) throw invalidField("strengthClass", type === "concrete" ? "混凝土须填写强度等级 C15–C80 (required for concrete)" : "钢筋须填写牌号 (required for rebar)");
    const parsed = (type === "concrete" ? ConcreteGrade : RebarGrade).safeParse(cls.toUpperCase());
    if (!parsed.success) throw invalidField("strengthClass", parsed.error.issues[0].message);
    if (!lotNo) throw invalidField("lotNo", type === "concrete" ? "混凝土须填写验收批号，批内各组一并评定 (the lot is evaluated as a whole)" : "钢筋须填写检验批号 (required for rebar)");
    if (type === "concrete") {
      if (input.specimenCount % 3 !== 0) throw invalidField("specimenCount", "混凝土试块每组 3 块，数量须为 3 的倍数 (three cubes per group)");
      return { strengthClass: parsed.data, lotNo, specimenSizeMm: input.specimenSizeMm ?? 150, batchTonnes: null };
    }
    return { strengthClass: parsed.data, lotNo, specimenSizeMm: null, batchTonnes: input.batchTonnes ?? null };
  }
  return { strengthClass: cls, lotNo, specimenSizeMm: null, batchTonnes: null };
}

/**
 * Throws unless the person holds a post on the project (now) for its client or supervisor.
 * @throws AppError VALIDATION naming `witnessPersonId`.
 */
export async function assertWitness(tx: Executor, projectId: string, personId: string, day: string): Promise<void> {
  const [person] = await tx.select({ id: PE.id, name: PE.name }).from(PE).where(eq(PE.id, personId));
  if (!person) throw invalidField("witnessPersonId", "人员不存在 (no such person)");
  const [post] = await tx
    .select({ id: PO.id })
    .from(PO)
    .innerJoin(PP, and(eq(PP.projectId, PO.projectId), eq(PP.enterpriseId, PO.enterpriseId)))
    .where(
      and(
        eq(PO.projectId, projectId),
        eq(PO.personId, personId),
        sql`${PP.role} = any(${sql.param([...WITNESS_ROLES])}::text[])`,
        or(isNull(PO.endedOn), gte(PO.endedOn, day)),
      ),
    )
    .limit(1);
  if (!post) {
    throw invalidField("witnessPersonId", `「${person.name}」未在本项目建设单位或监理单位任职，不能担任见证人 (the witness must hold a post for the project's client or supervisor)`);
  }
}

/**
 * Commissions a test on a project.
 * @throws AppError FORBIDDEN; NOT_FOUND (project outside scope); VALIDATION naming the field; PRECONDITION_FAILED naming `agencyId`.
 */
export async function createCommission(ctx: ServiceContext, projectId: string, input: Input): Promise<CommissionDto> {
  requirePermission(ctx.actor, "testing.commission");
  const day = shanghaiDay();
  const id = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, projectId);
    const fields = checkSampleFields(input);
    if (input.witnessed) {
      if (!input.witnessPersonId) throw invalidField("witnessPersonId", "见证取样须登记见证人 (a witnessed sample needs its witness)");
      await assertWitness(tx, projectId, input.witnessPersonId, day);
    } else if (input.witnessPersonId) {
      throw invalidField("witnessPersonId", "非见证取样不登记见证人 (only witnessed samples name a witness)");
    }
    if (input.samplerPersonId) {
      if (input.samplerPersonId === input.witnessPersonId) throw invalidField("samplerPersonId", "取样人与见证人不能是同一人 (the sampler cannot be the witness)");
      const [sampler] = await tx.select({ id: PE.id }).from(PE).where(eq(PE.id, input.samplerPersonId));
      if (!sampler) throw invalidField("samplerPersonId", "人员不存在 (no such person)");
    }
    await assertAgencyQualified(tx, input.agencyId, input.sampleType, day);
    const [row] = await tx
      .insert(C)
      .values({
        no: newCommissionNo(),
        projectId,
        agencyId: input.agencyId,
        sampleType: input.sampleType,
        spec: input.spec,
        part: input.part,
        specimenCount: input.specimenCount,
        witnessed: input.witnessed,
        witnessPersonId: input.witnessPersonId ?? null,
        samplerPersonId: input.samplerPersonId ?? null,
        ...fields,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "testing.commission.created", entity: "testing_commission", entityId: row.id, after: row });
    return row.id;
  });
  const dto = await getCommission(ctx.db, ctx.actor, id);
  ctx.events.publish("testing.commission.created", { commissionId: id, projectId, agencyId: dto.agencyId, sampleType: dto.sampleType, witnessed: dto.witnessed });
  return dto;
}

/** Clock skew allowed for a sampling time reported from a phone. */
const FUTURE_SKEW_MS = 10 * 60_000;

/**
 * Files the sampling record of a commission (once): time, place, the sealed sample's code and photos.
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT (already recorded, or the code is taken, naming `sampleCode`); VALIDATION naming `sampledAt` or `photoIds.<i>`.
 */
export async function recordSampling(ctx: ServiceContext, commissionId: string, input: z.output<typeof SamplingInput>): Promise<CommissionDto> {
  requirePermission(ctx.actor, "testing.commission");
  const sampledAt = new Date(input.sampledAt);
  if (sampledAt.getTime() > Date.now() + FUTURE_SKEW_MS) throw invalidField("sampledAt", "取样时间不能晚于当前时间 (cannot be in the future)");
  // Checked before the transaction: file reads should not hold the commission's row lock.
  await assertSamplingPhotos(ctx, input.photoIds);
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(C).where(and(eq(C.id, commissionId), commissionScope(ctx.actor))).for("update");
    if (!c) throw notFound("commission", commissionId);
    if (c.sampleCode !== null) throw conflict(`委托 ${c.no} 已有取样记录 (the sampling record is filed already)`);
    if (c.state !== "commissioned") throw new AppError("PRECONDITION_FAILED", `委托 ${c.no} 已出结果，不能补录取样 (already tested)`);
    const [taken] = await tx.select({ no: C.no }).from(C).where(eq(C.sampleCode, input.sampleCode));
    if (taken) throw conflict(`样品编码已用于委托 ${taken.no} (sample code in use)`, { issues: [{ path: "sampleCode", message: "样品编码已被使用 (taken)" }] });
    const [row] = await tx
      .update(C)
      .set({ sampledAt, samplePlace: input.place, sampleCode: input.sampleCode, samplePhotoIds: input.photoIds, state: "sampled", updatedAt: new Date() })
      .where(eq(C.id, commissionId))
      .returning();
    await recordAudit(tx, ctx, { action: "testing.commission.sampled", entity: "testing_commission", entityId: c.id, before: c, after: row });
  });
  const dto = await getCommission(ctx.db, ctx.actor, commissionId);
  ctx.events.publish("testing.commission.sampled", { commissionId, projectId: dto.projectId, sampleCode: input.sampleCode });
  return dto;
}

