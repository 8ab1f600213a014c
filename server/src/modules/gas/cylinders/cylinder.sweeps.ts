import { sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import type { ServiceContext } from "../../../platform/context.js";
import { rowsOf } from "../../../platform/db/client.js";
import { fromStatusesOf } from "./cylinder.workflow.js";
import { startPeriodic } from "../../../platform/jobs/periodic.js";

const DAY_MS = 86_400_000;
/** The first sweep waits a little after start, so it never competes with migrations or the seed. */
const FIRST_SWEEP_MS = 5 * 60_000;

/**
 * Marks every cylinder on the shelf (statuses the workflow lets become inspection_due) whose next inspection
 * day has come as inspection_due, and writes its timeline events — in ONE statement, however many there are.
 * Idempotent: a cylinder already marked no longer matches.
 */
export async function sweepInspectionDue(ctx: ServiceContext): Promise<number> {
  const today = shanghaiDay(ctx.clock.now());
  const from = [...fromStatusesOf("inspection_due")];
  // The old status comes from the row locked in the sub-select: UPDATE … RETURNING sees only the new one.
  const result = await ctx.db.execute(sql`
    with due as (
      update gas_cylinders c set status = 'inspection_due', version = c.version + 1, updated_at = now()
      from (
        select id, status from gas_cylinders
        where status = any(${sql.param(from)}::text[]) and next_inspection_on <= ${today}::date and voided_at is null
        for update
      ) old
      where c.id = old.id
      returning c.id, c.station_id, old.status as from_status
    ), ev as (
      insert into gas_cylinder_events (cylinder_id, at, action, from_status, to_status, station_id, note)
      select id, now(), 'inspection_due', from_status, 'inspection_due', station_id, '定检日期已到 (inspection date reached)' from due
      returning 1
    )
    select count(*)::int as n from ev`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** Starts the daily sweep in `ctx` (a system context); returns its stop. */
export function startInspectionSweep(ctx: ServiceContext): () => Promise<void> {
  return startPeriodic({
    name: "cylinder inspection sweep",
    firstAfterMs: FIRST_SWEEP_MS,
    everyMs: DAY_MS,
    log: ctx.log,
    run: async () => ctx.log.info({ marked: await sweepInspectionDue(ctx) }, "cylinder inspection sweep done"),
  });
}
