import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { ListTemplatesQuery, TemplateDetailDto, TemplateDto } from "@contracts/cases/inspections";
import type { InspectorDomain } from "@contracts/platform/auth";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { casesTemplates as TP } from "./schema.js";

/** Read side of inspection templates (检查表). Templates are city-wide reference data: any `cases.read` role sees them. */

export type TemplateRow = typeof TP.$inferSelect;

export function templateDto(row: TemplateRow): TemplateDto {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    domain: row.domain as InspectorDomain,
    source: row.source,
    active: row.active === 1,
    itemCount: row.items.length,
    totalScore: row.items.reduce((s, i) => s + i.score, 0),
    majorItemCount: row.items.filter((i) => i.grade === "major").length,
    createdAt: row.createdAt.toISOString(),
  };
}

export const templateDetailDto = (row: TemplateRow): TemplateDetailDto => ({
  ...templateDto(row),
  items: row.items.map((i) => ({ ...i, category: i.category as TemplateDetailDto["items"][number]["category"] })),
});

export async function listTemplates(db: Executor, actor: Actor, q: ListTemplatesQuery): Promise<Page<TemplateDto>> {
  requirePermission(actor, "cases.read");
  const where = andAll([
    q.activeOnly ? eq(TP.active, 1) : undefined,
    q.domain ? eq(TP.domain, q.domain) : undefined,
    q.code ? eq(TP.code, q.code) : undefined,
    q.q ? or(ilike(TP.name, likePattern(q.q)), ilike(TP.code, likePattern(q.q))) : undefined,
  ]);
  const rows = await db
    .select({ row: TP, total: totalOver })
    .from(TP)
    .where(where)
    .orderBy(TP.domain, TP.code, desc(TP.version))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, (r) => templateDto(r.row));
}

export async function getTemplate(db: Executor, actor: Actor, id: string): Promise<TemplateDetailDto> {
  requirePermission(actor, "cases.read");
  const [row] = await db.select().from(TP).where(eq(TP.id, id));
  if (!row) throw notFound("inspection template", id);
  return templateDetailDto(row);
}

/** The template version an inspection is checked against; inactive (superseded) versions may still be used for a late record. */
export async function templateRow(db: Executor, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(TP).where(eq(TP.id, id));
  return row;
}

export async function latestTemplateVersion(db: Executor, code: string): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${TP.version}), 0)`.mapWith(Number) })
    .from(TP)
    .where(and(eq(TP.code, code)));
  return row.v;
}
