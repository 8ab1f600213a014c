import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CaseGrade } from "@contracts/cases/enums";
import { HAZARD_KIND_LABELS, type HazardInput, type HazardKind } from "@contracts/gas/patrol";
import { PRESSURE_CLASS_LABELS, pressureAtLeast, type PressureClass } from "@contracts/gas/pipeline";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor, Tx } from "../../../platform/db/client.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { openCase } from "../../cases/index.js";
import { expandBBox, gasEnterpriseOf, gasScope, pointToPolylineM } from "../shared/index.js";
import { gasPatrolHazards as H, gasPatrols as PT, gasPipelines as L } from "./schema.js";

/** A hazard without a named line is put on the nearest line of the company within this distance. */
export const HAZARD_SNAP_M = 200;

/**
 * How grave a hazard is for the case it opens: a gas smell is a possible leak, and digging beside a
 * medium-pressure-or-higher main is the classic cause of ruptures (重大); the rest are 一般.
 */
export function hazardGrade(kind: HazardKind, pressureClass: PressureClass | null): CaseGrade {
  if (kind === "leak_smell") return "major";
  if (kind === "third_party_digging" && pressureClass && pressureAtLeast(pressureClass, "medium")) return "major";
  return "general";
}

interface Line {
  id: string;
  code: string;
  name: string;
  enterpriseId: string;
  pressureClass: string;
}

/** The named line (in scope), or the nearest in-scope line within HAZARD_SNAP_M, or none. */
async function lineOf(tx: Executor, ctx: ServiceContext, input: z.output<typeof HazardInput>): Promise<Line | null> {
  const cols = { id: L.id, code: L.code, name: L.name, enterpriseId: L.enterpriseId, pressureClass: L.pressureClass };
  if (input.pipelineId) {
    const [line] = await tx
      .select(cols)
      .from(L)
      .where(and(eq(L.id, input.pipelineId), gasScope(ctx.actor, L.enterpriseId)));
    // Another company's line answers as absent, like every out-of-scope record.
    if (!line) throw notFound("pipeline", input.pipelineId);
    return line;
  }
  const box = expandBBox({ minLng: input.lng, maxLng: input.lng, minLat: input.lat, maxLat: input.lat }, HAZARD_SNAP_M);
  const near = await tx
    .select({ ...cols, coordinates: L.coordinates })
    .from(L)
    .where(
      and(
        gasScope(ctx.actor, L.enterpriseId),
        input.enterpriseId ? eq(L.enterpriseId, input.enterpriseId) : undefined,
        sql`${L.maxLng} >= ${box.minLng} and ${L.minLng} <= ${box.maxLng} and ${L.maxLat} >= ${box.minLat} and ${L.minLat} <= ${box.maxLat}`,
      ),
    );
  const ranked = near.map((l) => ({ l, d: pointToPolylineM([input.lng, input.lat], l.coordinates) })).filter((x) => x.d <= HAZARD_SNAP_M);
  ranked.sort((a, b) => a.d - b.d);
  if (!ranked[0]) return null;
  const { coordinates: _omit, ...line } = ranked[0].l;
  return line;
}

/**
 * Files a hazard found on patrol and opens its case in the one loop (source gas, no project, the line's
 * company responsible). Idempotent per hazard: cases keeps one open case per sourceRef.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `pipelineId`, `patrolId` or `enterpriseId`.
 */
export async function reportHazard(ctx: ServiceContext, input: z.output<typeof HazardInput>): Promise<string> {
  requirePermission(ctx.actor, "gas.manage");
  const foundAt = new Date(input.foundAt);
  if (foundAt.getTime() > Date.now() + 5 * 60_000) throw invalid([{ path: "foundAt", message: "发现时间不能晚于现在 (foundAt is in the future)" }]);
  const result = await ctx.db.transaction(async (tx) => {
    const line = await lineOf(tx, ctx, input);
    const enterpriseId = line?.enterpriseId ?? gasEnterpriseOf(ctx.actor, input.enterpriseId);
    if (input.patrolId) {
      const [patrol] = await tx
        .select({ enterpriseId: PT.enterpriseId })
        .from(PT)
        .where(and(eq(PT.id, input.patrolId), gasScope(ctx.actor, PT.enterpriseId)));
      if (!patrol) throw notFound("patrol", input.patrolId);
      if (patrol.enterpriseId !== enterpriseId) throw invalid([{ path: "patrolId", message: "巡检记录与管线不属于同一企业 (the patrol and the line belong to different companies)" }]);
    }
    const [row] = await tx
      .insert(H)
      .values({ enterpriseId, patrolId: input.patrolId ?? null, pipelineId: line?.id ?? null, kind: input.kind, lat: input.lat, lng: input.lng, description: input.description, foundAt })
      .returning();
    const opened = await openHazardCase(tx, ctx, { ...row, kind: row.kind as HazardKind }, line);
    await tx.update(H).set({ caseId: opened.id }).where(eq(H.id, row.id));
    await recordAudit(tx, ctx, { action: "gas.hazard.reported", entity: "gas_hazard", entityId: row.id, after: { ...row, caseId: opened.id } });
    return { id: row.id, caseId: opened.id };
  });
  ctx.events.publish("gas.hazard.reported", { hazardId: result.id, caseId: result.caseId });
  return result.id;
}

/** Opens the hazard's case in the one loop (source gas, no project, the line's company responsible). */
async function openHazardCase(
  tx: Tx,
  ctx: ServiceContext,
  h: { id: string; enterpriseId: string; kind: HazardKind; lng: number; lat: number; description: string },
  line: Pick<Line, "code" | "name" | "pressureClass"> | null,
): Promise<{ id: string }> {
  const pressure = (line?.pressureClass ?? null) as PressureClass | null;
  const kindLabel = HAZARD_KIND_LABELS[h.kind].zh;
  return openCase(
    tx,
    ctx,
    {
      projectId: null,
      enterpriseId: h.enterpriseId,
      source: "gas",
      sourceRef: `gas_hazard:${h.id}`,
      category: "gas",
      grade: hazardGrade(h.kind, pressure),
      title: line ? `管线巡查隐患：${kindLabel}（${line.code} ${PRESSURE_CLASS_LABELS[pressure!].zh}）` : `管线巡查隐患：${kindLabel}`,
      description: h.description || kindLabel,
      location: `${h.lng.toFixed(6)},${h.lat.toFixed(6)}${line ? ` ${line.name}` : ""}`,
      legalBasis: "《城镇燃气管理条例》第三十三条、第三十五条",
    },
  );
}

/**
 * Opens the cases of hazards that have none (hazards written in bulk, e.g. by the demo seed), each in its
 * own transaction so one bad row does not stop the rest. Idempotent. Returns how many were opened.
 */
export async function openMissingHazardCases(ctx: ServiceContext, limit = 10_000): Promise<number> {
  const pending = await ctx.db
    .select({ h: H, code: L.code, name: L.name, pressureClass: L.pressureClass })
    .from(H)
    .leftJoin(L, eq(L.id, H.pipelineId))
    .where(isNull(H.caseId))
    .limit(limit);
  let opened = 0;
  for (const p of pending) {
    try {
      await ctx.db.transaction(async (tx) => {
        const line = p.code && p.name && p.pressureClass ? { code: p.code, name: p.name, pressureClass: p.pressureClass } : null;
        const c = await openHazardCase(tx, ctx, { ...p.h, kind: p.h.kind as HazardKind }, line);
        await tx.update(H).set({ caseId: c.id }).where(eq(H.id, p.h.id));
        await recordAudit(tx, ctx, { action: "gas.hazard.case_opened", entity: "gas_hazard", entityId: p.h.id, after: { caseId: c.id } });
      });
      opened++;
    } catch (err) {
      ctx.log.error({ err, hazardId: p.h.id }, "opening a hazard's case failed");
    }
  }
  return opened;
}
