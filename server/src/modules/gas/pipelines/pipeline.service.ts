import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { LineStringInput, PipelineFeatureProps, type PipelineDto, type PipelineImportResult, type PipelineInput, type UpdatePipelineInput } from "@contracts/gas/pipeline";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { conflict, invalid, invalidField, notFound, type FieldIssue } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { bboxOf, gasEnterpriseOf, gasScope, lineLengthM } from "../shared/index.js";
import { getPipeline } from "./pipeline.queries.js";
import type { PipelineReferrer } from "./pipeline.port.js";
import { gasPatrolHazards as H, gasPipelines as L } from "./schema.js";
import { relinkPipeline, relinkPipelines, unlinkPipeline } from "./site-link.service.js";

const E = enterprisesView();

/**
 * Verbs of the pipeline network. Length and bbox are derived here from the geometry, never taken from the
 * client; every save recomputes the line's construction-site links in the same transaction.
 */

/** Length and bbox columns of a line. */
function derived(coordinates: [number, number][]) {
  const box = bboxOf(coordinates);
  return { coordinates, lengthM: lineLengthM(coordinates), minLat: box.minLat, maxLat: box.maxLat, minLng: box.minLng, maxLng: box.maxLng };
}

/** Refuses an owner that is not a registered gas company. */
async function assertGasCompany(tx: Executor, enterpriseId: string, path = "enterpriseId"): Promise<void> {
  const [ent] = await tx.select({ type: E.type }).from(E).where(eq(E.id, enterpriseId));
  if (!ent) throw invalidField(path, "企业不存在 (no such enterprise)");
  if (ent.type !== "gas") throw invalidField(path, "须为燃气企业 (must be a gas company)");
}

async function assertCodeFree(tx: Executor, code: string, exceptId?: string): Promise<void> {
  const [other] = await tx.select({ id: L.id }).from(L).where(eq(L.code, code));
  if (other && other.id !== exceptId) throw conflict(`管线编号 ${code} 已存在 (pipeline code already exists)`, { issues: [{ path: "code", message: "编号已存在 (code already exists)" }] });
}

/** @throws AppError FORBIDDEN; VALIDATION naming the field; CONFLICT (code taken). */
export async function createPipeline(ctx: ServiceContext, input: z.output<typeof PipelineInput>): Promise<PipelineDto> {
  requirePermission(ctx.actor, "gas.manage");
  const enterpriseId = gasEnterpriseOf(ctx.actor, input.enterpriseId);
  const id = await ctx.db.transaction(async (tx) => {
    await assertGasCompany(tx, enterpriseId);
    await assertCodeFree(tx, input.code);
    const [row] = await tx
      .insert(L)
      .values({
        enterpriseId,
        code: input.code,
        name: input.name,
        pressureClass: input.pressureClass,
        material: input.material,
        diameterMm: input.diameterMm ?? null,
        laidOn: input.laidOn ?? null,
        ...derived(input.geometry.coordinates),
      })
      .returning();
    await relinkPipeline(tx, row.id, ctx.region);
    await recordAudit(tx, ctx, { action: "gas.pipeline.created", entity: "gas_pipeline", entityId: row.id, after: row });
    return row.id;
  });
  ctx.events.publish("gas.pipeline.saved", { pipelineId: id });
  return getPipeline(ctx.db, ctx.actor, id);
}

/** Locks a line in scope for a write. @throws AppError NOT_FOUND when absent or outside scope. */
async function lockPipeline(tx: Executor, ctx: ServiceContext, id: string) {
  const [row] = await tx
    .select()
    .from(L)
    .where(and(eq(L.id, id), gasScope(ctx.actor, L.enterpriseId)))
    .for("update");
  if (!row) throw notFound("pipeline", id);
  return row;
}

/** @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION; CONFLICT (code taken). */
export async function updatePipeline(ctx: ServiceContext, id: string, input: z.output<typeof UpdatePipelineInput>): Promise<PipelineDto> {
  requirePermission(ctx.actor, "gas.manage");
  await ctx.db.transaction(async (tx) => {
    const before = await lockPipeline(tx, ctx, id);
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(tx, input.code, id);
    const [after] = await tx
      .update(L)
      .set({
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.pressureClass !== undefined ? { pressureClass: input.pressureClass } : {}),
        ...(input.material !== undefined ? { material: input.material } : {}),
        ...(input.diameterMm !== undefined ? { diameterMm: input.diameterMm } : {}),
        ...(input.laidOn !== undefined ? { laidOn: input.laidOn } : {}),
        ...(input.geometry ? derived(input.geometry.coordinates) : {}),
        updatedAt: new Date(),
      })
      .where(eq(L.id, id))
      .returning();
    // The class decides whether the line links at all, the geometry where: either change relinks.
    if (input.geometry || (input.pressureClass && input.pressureClass !== before.pressureClass)) await relinkPipeline(tx, id, ctx.region);
    await recordAudit(tx, ctx, { action: "gas.pipeline.updated", entity: "gas_pipeline", entityId: id, before, after });
  });
  ctx.events.publish("gas.pipeline.saved", { pipelineId: id });
  return getPipeline(ctx.db, ctx.actor, id);
}

/**
 * Removes a line filed in error. A line with hazards on record, or named by another module's records
 * (`referrers`: leak points), keeps its history and cannot be deleted.
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT (hazards or leak points on record).
 */
export async function deletePipeline(ctx: ServiceContext, id: string, referrers: readonly PipelineReferrer[]): Promise<void> {
  requirePermission(ctx.actor, "gas.manage");
  await ctx.db.transaction(async (tx) => {
    const before = await lockPipeline(tx, ctx, id);
    const [hazard] = await tx.select({ id: H.id }).from(H).where(eq(H.pipelineId, id)).limit(1);
    if (hazard) throw conflict(`管线 ${before.code} 有巡查隐患记录，不能删除 (the line has hazards on record and cannot be deleted)`);
    for (const r of referrers) {
      if (await r.names(tx, id)) throw conflict(`管线 ${before.code} 有${r.what.zh}，不能删除 (the line has ${r.what.en} on record and cannot be deleted)`);
    }
    await unlinkPipeline(tx, id);
    // A plan that named the line no longer patrols it; plans by pressure class are unaffected.
    await tx.execute(sql`update gas_patrol_plans set pipeline_ids = array_remove(pipeline_ids, ${id}::uuid), updated_at = now() where ${id}::uuid = any(pipeline_ids)`);
    await tx.delete(L).where(eq(L.id, id));
    await recordAudit(tx, ctx, { action: "gas.pipeline.deleted", entity: "gas_pipeline", entityId: id, before });
  });
  ctx.events.publish("gas.pipeline.deleted", { pipelineId: id });
}

interface ImportFeature {
  index: number;
  props: z.output<typeof PipelineFeatureProps>;
  coordinates: [number, number][];
}

/** Checks every feature, collecting each problem as `features.<i>.<field>`. */
function checkFeatures(features: unknown[]): { ok: ImportFeature[]; issues: FieldIssue[] } {
  const ok: ImportFeature[] = [];
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  features.forEach((raw, index) => {
    const f = (raw ?? {}) as { type?: unknown; geometry?: unknown; properties?: unknown };
    const at = (path: string, message: string) => issues.push({ path: `features.${index}.${path}`, message });
    if (f.type !== "Feature") at("type", "须为 GeoJSON Feature (must be a Feature)");
    const geometry = LineStringInput.safeParse(f.geometry);
    const props = PipelineFeatureProps.safeParse(f.properties ?? {});
    if (!geometry.success) for (const i of geometry.error.issues) at(["geometry", ...i.path].join("."), i.message);
    if (!props.success) for (const i of props.error.issues) at(["properties", ...i.path].join("."), i.message);
    if (!geometry.success || !props.success || f.type !== "Feature") return;
    const first = seen.get(props.data.code);
    if (first !== undefined) return void at("properties.code", `与第 ${first + 1} 条编号重复 (duplicate code in the file)`);
    seen.set(props.data.code, index);
    ok.push({ index, props: props.data, coordinates: geometry.data.coordinates });
  });
  return { ok, issues };
}

/**
 * Imports a FeatureCollection of lines, all or nothing: new codes are created, known codes in the actor's
 * scope updated; every bad feature is listed. Links are recomputed per imported line.
 * @throws AppError FORBIDDEN; VALIDATION listing `features.<i>.<field>`.
 */
export async function importPipelines(ctx: ServiceContext, input: { enterpriseId?: string | null; features: unknown[] }): Promise<PipelineImportResult> {
  requirePermission(ctx.actor, "gas.manage");
  const { ok, issues } = checkFeatures(input.features);
  const result = await ctx.db.transaction(async (tx) => {
    const owners = new Map<number, string>();
    for (const f of ok) {
      try {
        owners.set(f.index, gasEnterpriseOf(ctx.actor, ctx.actor.role === "gas_company" ? null : (f.props.enterpriseId ?? input.enterpriseId)));
      } catch {
        issues.push({ path: `features.${f.index}.properties.enterpriseId`, message: "须指定燃气企业 (name the gas company)" });
      }
    }
    const ownerIds = [...new Set(owners.values())];
    const gasIds = new Set(ownerIds.length ? (await tx.select({ id: E.id }).from(E).where(and(inArray(E.id, ownerIds), eq(E.type, "gas")))).map((e) => e.id) : []);
    const codes = ok.map((f) => f.props.code);
    const existing = new Map(
      codes.length ? (await tx.select({ id: L.id, code: L.code, enterpriseId: L.enterpriseId }).from(L).where(inArray(L.code, codes)).for("update")).map((r) => [r.code, r]) : [],
    );
    for (const f of ok) {
      const owner = owners.get(f.index);
      if (owner && !gasIds.has(owner)) issues.push({ path: `features.${f.index}.properties.enterpriseId`, message: "须为已登记的燃气企业 (must be a registered gas company)" });
      const known = existing.get(f.props.code);
      if (known && owner && known.enterpriseId !== owner) issues.push({ path: `features.${f.index}.properties.code`, message: `编号 ${f.props.code} 已属于其他燃气企业 (the code belongs to another company)` });
    }
    if (issues.length) throw invalid(issues.sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true })), `${new Set(issues.map((i) => i.path.split(".")[1])).size} 条线路有误，未导入任何数据 (nothing was imported)`);
    const rows = ok.map((f) => ({
      enterpriseId: owners.get(f.index)!,
      code: f.props.code,
      name: f.props.name,
      pressureClass: f.props.pressureClass,
      material: f.props.material,
      diameterMm: f.props.diameterMm ?? null,
      laidOn: f.props.laidOn ?? null,
      ...derived(f.coordinates),
    }));
    const fresh = rows.filter((r) => !existing.has(r.code));
    const ids: string[] = [];
    // New lines go in multi-row inserts; known codes are updated one by one (re-imports are the rare case).
    for (let i = 0; i < fresh.length; i += 500) ids.push(...(await tx.insert(L).values(fresh.slice(i, i + 500)).returning({ id: L.id })).map((r) => r.id));
    for (const r of rows.filter((x) => existing.has(x.code))) {
      const id = existing.get(r.code)!.id;
      await tx.update(L).set({ ...r, updatedAt: new Date() }).where(eq(L.id, id));
      ids.push(id);
    }
    const created = fresh.length;
    const siteLinks = await relinkPipelines(tx, ids, ctx.region);
    await recordAudit(tx, ctx, { action: "gas.pipeline.imported", entity: "gas_pipeline", after: { created, updated: ok.length - created, codes } });
    return { created, updated: ok.length - created, siteLinks };
  });
  ctx.events.publish("gas.pipeline.imported", { count: ok.length });
  return result;
}

