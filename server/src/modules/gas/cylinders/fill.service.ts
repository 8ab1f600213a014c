import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { FillInput, FillsAcceptedDto } from "@contracts/gas/fill";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { rowsOf } from "../../../platform/db/client.js";
import { assertNoRowErrors, type RowError } from "../../../platform/excel/excel.js";
import { gasCylinders as C, gasStaff as T, gasStations as S } from "./schema.js";
import { fromStatusesOf } from "./cylinder.workflow.js";
import { judgeFill } from "./fill-check.checks.js";
import { gasScope } from "../shared/index.js";

/** A parsed fill with the label its errors are reported under (array index, or sheet row and headers). */
export interface LabelledFill {
  row: number;
  input: FillInput & { checks: Record<string, unknown> };
}

/** Fills may be reported a little ahead of the server's clock (scale clocks drift), never more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Checks a batch of fills as a whole and stores it all or nothing: each fill is re-judged as of its own time
 * (the same judge as the scale: a fill the scale would have refused is a bad row), its net weight must be within
 * the cylinder's allowed fill, its pre-fill check passed, and its filler a certified filler of the station's
 * company, unexpired on the fill day. Status reasons (not fillable, at inspection …) count only for a fill newer
 * than the cylinder's last change and the first of that cylinder in the batch: a fill recorded after the fact
 * meets a cylinder that has moved on since. Idempotent on (cylinder, filledAt): a fill already stored is counted
 * as a duplicate, not stored twice. Reads are three batched look-ups; the write is ONE statement.
 */
export async function recordFills(
  ctx: ServiceContext,
  fills: LabelledFill[],
  source: "api" | "xlsx" | "scale",
  opts: { columnOf?: (field: string) => string; priorErrors?: RowError[]; now?: Date } = {},
): Promise<FillsAcceptedDto> {
  const { columnOf = (f: string) => f, now = new Date() } = opts;
  requirePermission(ctx.actor, "gas.manage");
  const db = ctx.db;
  const stationCodes = [...new Set(fills.map((f) => f.input.stationCode))];
  const cylinderCodes = [...new Set(fills.map((f) => f.input.cylinderCode))];
  const stations = new Map((await db.select().from(S).where(and(inArray(S.code, stationCodes), gasScope(ctx.actor, S.enterpriseId)))).map((s) => [s.code, s]));
  const cylinders = new Map((await db.select().from(C).where(inArray(C.code, cylinderCodes))).map((c) => [c.code, c]));
  const personIds = [...new Set(fills.flatMap((f) => (f.input.fillerPersonId ? [f.input.fillerPersonId] : [])))];
  const certNos = [...new Set(fills.flatMap((f) => (f.input.certificateNo ? [f.input.certificateNo] : [])))];
  const enterpriseIds = [...new Set([...stations.values()].map((s) => s.enterpriseId))];
  const fillers =
    enterpriseIds.length === 0
      ? []
      : await db
          .select()
          .from(T)
          .where(
            and(
              eq(T.role, "filler"),
              inArray(T.enterpriseId, enterpriseIds),
              or(personIds.length ? inArray(T.personId, personIds) : sql`false`, certNos.length ? inArray(T.certificateNo, certNos) : sql`false`),
            ),
          );

  // Rows that failed parsing (a sheet) are listed together with the ones that fail here.
  const errors: RowError[] = [...(opts.priorErrors ?? [])];
  const bad = (row: number, field: string, message: string) => errors.push({ row, column: columnOf(field), message });
  const rows: { cylinderId: string; stationId: string; enterpriseId: string; fillerId: string; ms: number; net: number; allowed: number; pre: boolean; post: boolean; checks: string }[] = [];
  const firstOfCylinder = new Map<string, number>();
  for (const f of [...fills].sort((a, b) => Date.parse(a.input.filledAt) - Date.parse(b.input.filledAt))) {
    const c = cylinders.get(f.input.cylinderCode);
    if (c && !firstOfCylinder.has(c.id)) firstOfCylinder.set(c.id, f.row);
  }
  for (const { row, input } of fills) {
    const station = stations.get(input.stationCode);
    if (!station) {
      bad(row, "stationCode", `充装站 ${input.stationCode} 不存在 (no such station)`);
      continue;
    }
    const at = new Date(input.filledAt);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) bad(row, "filledAt", "充装时间晚于当前时间 (filled in the future)");
    const day = shanghaiDay(at);
    const c = cylinders.get(input.cylinderCode);
    const live = c !== undefined && at > c.updatedAt && firstOfCylinder.get(c.id) === row;
    const judged = c
      ? { stationId: c.stationId, enterpriseId: c.enterpriseId, type: c.type, status: c.status, nextInspectionOn: c.nextInspectionOn, scrapOn: c.scrapOn, lost: c.lostAt !== null && c.lostAt <= at, voided: c.voidedAt !== null && c.voidedAt <= at }
      : null;
    const reasons = judgeFill(judged, station, day, { ignoreStatus: !live });
    if (reasons.length > 0) bad(row, "cylinderCode", `不得充装 (refused): ${reasons.map((r) => r.message).join("；")}`);
    if (c && input.netWeightKg > c.nominalFillKg) bad(row, "netWeightKg", `充装量 ${input.netWeightKg} kg 超过允许充装量 ${c.nominalFillKg} kg (over the allowed fill)`);
    if (!input.preCheckOk) bad(row, "preCheckOk", "充装前检查未通过，不得充装 (pre-fill check failed: no fill allowed)");
    const filler = fillers.find(
      (t) => t.enterpriseId === station.enterpriseId && (input.fillerPersonId ? t.personId === input.fillerPersonId : t.certificateNo === input.certificateNo),
    );
    if (!filler) bad(row, "fillerPersonId", "充装工不是本企业登记的充装工 (not a registered filler of this gas company)");
    else if (!filler.active || !filler.certificateValidTo || filler.certificateValidTo < day) bad(row, "fillerPersonId", "充装工证书已过期或无效 (the filler's certificate was not valid on the fill day)");
    if (c && filler && reasons.length === 0) {
      rows.push({ cylinderId: c.id, stationId: station.id, enterpriseId: station.enterpriseId, fillerId: filler.id, ms: at.getTime(), net: input.netWeightKg, allowed: c.nominalFillKg, pre: input.preCheckOk, post: input.postCheckOk, checks: JSON.stringify(input.checks) });
    }
  }
  assertNoRowErrors(errors.sort((a, b) => a.row - b.row));

  const stored = await db.transaction(async (tx) => {
    const n = await storeFills(tx, rows, source);
    await recordAudit(tx, ctx, { action: "gas.fill.recorded", entity: "gas_fill", after: { source, received: fills.length, stored: n } });
    return n;
  });
  return { stored, duplicates: fills.length - stored };
}

/**
 * One statement: the new fills (a repeat of (cylinder, filledAt) is skipped), their timeline events, and each
 * cylinder's last fill; a cylinder whose newest fill is newer than its last change and which stands where a
 * fill may start becomes `filled`.
 */
async function storeFills(db: Executor, rows: { cylinderId: string; stationId: string; enterpriseId: string; fillerId: string; ms: number; net: number; allowed: number; pre: boolean; post: boolean; checks: string }[], source: string): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
  const result = await db.execute(sql`
    with input as (
      select * from unnest(${col("cylinderId")}::uuid[], ${col("stationId")}::uuid[], ${col("enterpriseId")}::uuid[], ${col("fillerId")}::uuid[],
        ${col("ms")}::float8[], ${col("net")}::numeric[], ${col("allowed")}::numeric[], ${col("pre")}::boolean[], ${col("post")}::boolean[], ${col("checks")}::text[])
        as i(cylinder_id, station_id, enterprise_id, filler_id, ms, net, allowed, pre, post, checks)
    ), f as (
      insert into gas_fills (cylinder_id, station_id, enterprise_id, filler_id, filled_at, net_weight_kg, allowed_fill_kg, pre_check_ok, post_check_ok, checks, source)
      select cylinder_id, station_id, enterprise_id, filler_id, to_timestamp(ms / 1000.0), net, allowed, pre, post, checks::jsonb, ${source} from input
      on conflict (cylinder_id, filled_at) do nothing
      returning id, cylinder_id, station_id, filler_id, filled_at, net_weight_kg
    ), latest as (
      select cylinder_id, max(filled_at) as at from f group by cylinder_id
    ), cyl as (
      update gas_cylinders c set
        last_fill_at = greatest(c.last_fill_at, l.at),
        status = case when c.status = any(${sql.param([...fromStatusesOf("fill")])}::text[]) and l.at > c.updated_at then 'filled' else c.status end,
        version = c.version + 1, updated_at = greatest(c.updated_at, l.at)
      from latest l where c.id = l.cylinder_id
      returning c.id
    ), ev as (
      insert into gas_cylinder_events (cylinder_id, at, action, to_status, station_id, staff_id, data)
      select cylinder_id, filled_at, 'fill', 'filled', station_id, filler_id, jsonb_build_object('fillId', id, 'netWeightKg', net_weight_kg) from f
      returning 1
    )
    select (select count(*) from f)::int as stored, (select count(*) from cyl)::int as cylinders, (select count(*) from ev)::int as events`);
  return rowsOf<{ stored: number }>(result)[0].stored;
}
