import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { AnomalyDto, AnomalyKind, AnomalyState, ListAnomaliesQuery } from "@contracts/gas/anomaly";
import { ANOMALY_KIND_LABELS, ANOMALY_STATE_LABELS } from "@contracts/gas/anomaly";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import type { SheetColumn } from "../../../platform/excel/excel.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { cylindersView, staffView, stationsView } from "../cylinders/index.js";
import { gasAnomalies as A, gasCustomers as CU } from "./schema.js";
import { gasScope } from "../shared/index.js";

const E = enterprisesView();

/** Read side of anomalies: one statement gives a page, its total and every name the list shows. */

export const ANOMALY_EXPORT_LIMIT = 100_000;

const CY = cylindersView();
const ST = stationsView();
const SF = staffView();

function selectAnomalies(db: Executor) {
  return db
    .select({ a: A, enterpriseName: E.name, cylinderCode: CY.code, customerName: CU.name, stationName: ST.name, staffName: SF.name, total: totalOver })
    .from(A)
    .innerJoin(E, eq(E.id, A.enterpriseId))
    .leftJoin(CY, eq(CY.id, A.cylinderId))
    .leftJoin(CU, eq(CU.id, A.customerId))
    .leftJoin(ST, eq(ST.id, A.stationId))
    .leftJoin(SF, eq(SF.id, A.staffId));
}
type Row = Awaited<ReturnType<typeof selectAnomalies>>[number];

export const toAnomalyDto = (r: Row): AnomalyDto => ({
  id: r.a.id,
  enterpriseId: r.a.enterpriseId,
  enterpriseName: r.enterpriseName,
  kind: r.a.kind as AnomalyKind,
  cylinderId: r.a.cylinderId,
  cylinderCode: r.cylinderCode,
  customerId: r.a.customerId,
  customerName: r.customerName,
  stationId: r.a.stationId,
  stationName: r.stationName,
  staffId: r.a.staffId,
  staffName: r.staffName,
  detectedAt: r.a.detectedAt.toISOString(),
  detail: (r.a.detail ?? {}) as Record<string, unknown>,
  state: r.a.state as AnomalyState,
  resolvedAt: r.a.resolvedAt?.toISOString() ?? null,
  resolvedNote: r.a.resolvedNote,
  caseId: r.a.caseId,
});

const SORTABLE: Record<string, AnyPgColumn> = { detectedAt: A.detectedAt, kind: A.kind };
type Filters = Omit<ListAnomaliesQuery, "page" | "pageSize">;

function filtered(db: Executor, actor: Actor, q: Filters) {
  const text = q.q?.trim();
  const where = andAll([
    gasScope(actor, A.enterpriseId),
    text ? sql`(${CY.code} = ${text.toUpperCase()} or ${CU.code} = ${text.toUpperCase()} or ${CU.name} ilike ${likePattern(text)} or ${E.name} ilike ${likePattern(text)})` : undefined,
    q.enterpriseId ? eq(A.enterpriseId, q.enterpriseId) : undefined,
    q.kind?.length ? sql`${A.kind} = any(${sql.param(q.kind)}::text[])` : undefined,
    q.state?.length ? sql`${A.state} = any(${sql.param(q.state)}::text[])` : undefined,
    q.cylinderId ? eq(A.cylinderId, q.cylinderId) : undefined,
    q.customerId ? eq(A.customerId, q.customerId) : undefined,
    q.from ? gte(A.detectedAt, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
    q.to ? lt(A.detectedAt, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
  ]);
  const sort = q.sort ?? "-detectedAt";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? A.detectedAt;
  return selectAnomalies(db)
    .where(where)
    .orderBy(isDesc ? desc(column) : asc(column), desc(A.id));
}

export async function listAnomalies(db: Executor, actor: Actor, q: ListAnomaliesQuery): Promise<Page<AnomalyDto>> {
  requirePermission(actor, "gas.read");
  const rows = await filtered(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toAnomalyDto);
}

export async function anomaliesForExport(db: Executor, actor: Actor, q: Filters): Promise<AnomalyDto[]> {
  requirePermission(actor, "gas.read");
  return (await filtered(db, actor, q).limit(ANOMALY_EXPORT_LIMIT)).map(toAnomalyDto);
}

/** @throws AppError NOT_FOUND when absent or outside the actor's scope. */
export async function getAnomaly(db: Executor, actor: Actor, id: string): Promise<AnomalyDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectAnomalies(db).where(and(eq(A.id, id), gasScope(actor, A.enterpriseId)));
  if (!row) throw notFound("anomaly", id);
  return toAnomalyDto(row);
}

const beijing = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : null);

export const ANOMALY_EXPORT_COLUMNS: SheetColumn<AnomalyDto>[] = [
  { key: "detectedAt", header: "发现时间", width: 18, value: (a) => beijing(a.detectedAt) },
  { key: "kind", header: "异常类型", width: 16, value: (a) => ANOMALY_KIND_LABELS[a.kind].zh },
  { key: "enterprise", header: "燃气企业", width: 24, value: (a) => a.enterpriseName },
  { key: "cylinder", header: "钢瓶编码", width: 20, value: (a) => a.cylinderCode },
  { key: "customer", header: "用户", width: 18, value: (a) => a.customerName },
  { key: "station", header: "站点", width: 18, value: (a) => a.stationName },
  { key: "staff", header: "人员", width: 12, value: (a) => a.staffName },
  { key: "detail", header: "详情", width: 40, value: (a) => JSON.stringify(a.detail) },
  { key: "state", header: "状态", width: 8, value: (a) => ANOMALY_STATE_LABELS[a.state].zh },
  { key: "resolvedAt", header: "处理时间", width: 18, value: (a) => beijing(a.resolvedAt) },
  { key: "resolvedNote", header: "处理说明", width: 30, value: (a) => a.resolvedNote },
];
