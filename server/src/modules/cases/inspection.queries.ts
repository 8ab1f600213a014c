import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CaseCategory, CaseGrade, CaseState, InspectionKind } from "@contracts/cases/enums";
import type { InspectionCaseDto, InspectionDetailDto, InspectionDto, InspectionExportQuery, ListInspectionsQuery } from "@contracts/cases/inspections";
import type { InspectorDomain } from "@contracts/platform/auth";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { projectScope, projectsView } from "../registry/index.js";
import { casesCases as C, casesInspections as I, casesTemplates as TP } from "./schema.js";

const P = projectsView();

/** Read side of inspections (检查): every bureau role sees all, a project party the inspections of its projects. */

/** Export cap: a year of the whole city's inspections stays below it. */
export const INSPECTION_EXPORT_LIMIT = 20_000;

/** The case a failed item opened carries `sourceRef` = `<inspectionId>:<itemCode>`. */
export const findingRef = (inspectionId: string, itemCode: string) => `${inspectionId}:${itemCode}`;
const itemCodeOf = (sourceRef: string | null) => (sourceRef && sourceRef.includes(":") ? sourceRef.slice(sourceRef.indexOf(":") + 1) : null);

const caseCount = sql<number>`(select count(*) from cases_cases c where c.inspection_id = cases_inspections.id)`.mapWith(Number);
const majorCaseCount = sql<number>`(select count(*) from cases_cases c where c.inspection_id = cases_inspections.id and c.grade = 'major')`.mapWith(Number);

function selectInspections(db: Executor) {
  return db
    .select({
      row: I,
      projectName: P.name,
      templateCode: TP.code,
      templateVersion: TP.version,
      templateName: TP.name,
      caseCount,
      majorCaseCount,
      total: totalOver,
    })
    .from(I)
    .innerJoin(P, eq(P.id, I.projectId))
    .leftJoin(TP, eq(TP.id, I.templateId));
}
type InspectionRow = Awaited<ReturnType<ReturnType<typeof selectInspections>["where"]>>[number];

function toDto(r: InspectionRow): InspectionDto {
  const row = r.row;
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: r.projectName,
    kind: row.kind as InspectionKind,
    domain: row.domain as InspectorDomain,
    inspectedOn: row.inspectedOn,
    templateId: row.templateId,
    templateCode: r.templateCode,
    templateVersion: r.templateVersion,
    templateName: r.templateName,
    inspectorIds: row.inspectorIds,
    inspectorNames: row.inspectorNames,
    score: row.score,
    checkedCount: row.results.length,
    failedCount: row.results.filter((x) => !x.passed).length,
    caseCount: r.caseCount,
    majorCaseCount: r.majorCaseCount,
    summary: row.summary,
    planId: row.planId,
    createdAt: row.createdAt.toISOString(),
  };
}

const SORTS: Record<string, AnyPgColumn> = { inspectedOn: I.inspectedOn, score: I.score, createdAt: I.createdAt };

function whereOf(actor: Actor, q: InspectionExportQuery): SQL | undefined {
  return andAll([
    projectScope(actor, I.projectId),
    q.projectId ? eq(I.projectId, q.projectId) : undefined,
    q.kind?.length ? inArray(I.kind, q.kind) : undefined,
    q.domain ? eq(I.domain, q.domain) : undefined,
    q.from ? gte(I.inspectedOn, q.from) : undefined,
    q.to ? lte(I.inspectedOn, q.to) : undefined,
    q.inspectorId ? sql`${q.inspectorId}::uuid = any(${I.inspectorIds})` : undefined,
    q.planId ? eq(I.planId, q.planId) : undefined,
    q.q ? or(ilike(P.name, likePattern(q.q)), ilike(P.code, likePattern(q.q)), ilike(I.summary, likePattern(q.q))) : undefined,
  ]);
}

function orderOf(sort: string | undefined) {
  const key = sort?.replace(/^-/, "") ?? "inspectedOn";
  const col = SORTS[key] ?? I.inspectedOn;
  const dir = sort && !sort.startsWith("-") ? asc : desc;
  return [sql`${dir(col)} nulls last`, desc(I.createdAt), asc(I.id)];
}

export async function listInspections(db: Executor, actor: Actor, q: ListInspectionsQuery): Promise<Page<InspectionDto>> {
  requirePermission(actor, "cases.read");
  const rows = await selectInspections(db)
    .where(whereOf(actor, q))
    .orderBy(...orderOf(q.sort ?? "-inspectedOn"))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function inspectionsForExport(db: Executor, actor: Actor, q: InspectionExportQuery): Promise<InspectionDto[]> {
  requirePermission(actor, "cases.read");
  const rows = await selectInspections(db)
    .where(whereOf(actor, q))
    .orderBy(...orderOf(q.sort ?? "-inspectedOn"))
    .limit(INSPECTION_EXPORT_LIMIT);
  return rows.map(toDto);
}

/** One inspection with its checklist results (read against the template version used) and the cases it opened. */
export async function getInspection(db: Executor, actor: Actor, id: string): Promise<InspectionDetailDto> {
  requirePermission(actor, "cases.read");
  const [r] = await selectInspections(db).where(and(eq(I.id, id), projectScope(actor, I.projectId)));
  if (!r) throw notFound("inspection", id);
  const [template] = r.row.templateId ? await db.select({ items: TP.items }).from(TP).where(eq(TP.id, r.row.templateId)) : [];
  const items = new Map((template?.items ?? []).map((i) => [i.code, i]));
  const caseRows = await db
    .select({ id: C.id, no: C.no, title: C.title, grade: C.grade, state: C.state, deadline: C.deadline, enterpriseId: C.enterpriseId, sourceRef: C.sourceRef })
    .from(C)
    .where(eq(C.inspectionId, id))
    .orderBy(asc(C.no));
  const cases: InspectionCaseDto[] = caseRows.map((c) => ({
    id: c.id,
    no: c.no,
    title: c.title,
    grade: c.grade as CaseGrade,
    state: c.state as CaseState,
    deadline: c.deadline.toISOString(),
    enterpriseId: c.enterpriseId,
    itemCode: itemCodeOf(c.sourceRef),
  }));
  const caseOfItem = new Map(cases.filter((c) => c.itemCode).map((c) => [c.itemCode!, c.id]));
  return {
    ...toDto(r),
    results: r.row.results.map((res) => {
      const item = items.get(res.itemCode);
      return {
        itemCode: res.itemCode,
        text: item?.text ?? null,
        category: (item?.category as CaseCategory | undefined) ?? null,
        grade: item?.grade ?? null,
        score: item?.score ?? null,
        clause: item?.clause ?? null,
        passed: res.passed,
        note: res.note ?? null,
        photoIds: res.photoIds ?? [],
        caseId: caseOfItem.get(res.itemCode) ?? null,
      };
    }),
    cases,
  };
}
