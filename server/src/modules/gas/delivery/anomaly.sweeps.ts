import { sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import { rowsOf } from "../../../platform/db/client.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { cylindersView, fillsView, stationsView } from "../cylinders/index.js";
import { judgeCheckOverdue, judgeForeignFill, type FillFacts } from "./anomaly.checks.js";
import { raiseAnomalies } from "./anomaly.store.js";
import { anomalyRulesRule } from "./delivery.rules.js";
import { startPeriodic } from "../../../platform/jobs/periodic.js";

/**
 * The periodic sweep for the anomalies no delivery batch reveals: fills at a foreign station (rows another
 * area writes into gas_fills) and customers overdue for a safety check. Reads in bounded batches; the dedup
 * keys make a re-run (or two processes sweeping at once) raise nothing twice.
 */

const BATCH = 5000;

export interface SweepResult {
  foreignFills: number;
  checkOverdue: number;
  /** The fills were judged up to here; the next sweep starts from it (minus the lookback). */
  judgedUntil: Date;
}

/** One sweep as `ctx` (a system context): judged at its clock's now, by its region's rules. */
export async function sweepAnomalies(ctx: ServiceContext, opts: { since?: Date } = {}): Promise<SweepResult> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const rules = (await ruleInForce(db, anomalyRulesRule, ctx.region, shanghaiDay(now))).value;
  // Fills committed late carry an older created_at than the last sweep saw, so the window reaches back.
  const since = new Date(Math.min((opts.since ?? new Date(0)).getTime(), now.getTime()) - rules.sweepLookbackHours * 3600_000);

  let foreignFills = 0;
  for (let after = since, afterId = "00000000-0000-0000-0000-000000000000"; ; ) {
    const rows = rowsOf<{ fill_id: string; cylinder_id: string; filled_at: string | Date; created_at: string | Date; station_id: string; station_enterprise_id: string; owner_station_id: string; owner_enterprise_id: string }>(
      await db.execute(sql`
        select f.id as fill_id, f.cylinder_id, f.filled_at, f.created_at, f.station_id, st.enterprise_id as station_enterprise_id,
               cy.station_id as owner_station_id, cy.enterprise_id as owner_enterprise_id
          from ${fillsView("f")}
          join ${cylindersView("cy")} on cy.id = f.cylinder_id
          join ${stationsView("st")} on st.id = f.station_id
         where f.station_id <> cy.station_id and f.created_at <= ${now.toISOString()}::timestamptz
           and (f.created_at, f.id) > (${after.toISOString()}::timestamptz, ${afterId}::uuid)
           and not exists (select 1 from gas_anomalies a where a.dedup_key = 'foreign_fill:' || f.id::text)
         order by f.created_at, f.id
         limit ${BATCH}`),
    );
    if (rows.length === 0) break;
    const facts: FillFacts[] = rows.map((r) => ({
      fillId: r.fill_id,
      cylinderId: r.cylinder_id,
      filledAt: new Date(r.filled_at),
      stationId: r.station_id,
      stationEnterpriseId: r.station_enterprise_id,
      ownerStationId: r.owner_station_id,
      ownerEnterpriseId: r.owner_enterprise_id,
    }));
    foreignFills += await raiseAnomalies(db, judgeForeignFill(facts));
    const last = rows[rows.length - 1];
    [after, afterId] = [new Date(last.created_at), last.fill_id];
    if (rows.length < BATCH) break;
  }

  const today = shanghaiDay(now);
  let checkOverdue = 0;
  for (;;) {
    const rows = rowsOf<{ id: string; enterprise_id: string; next_check_due: string }>(
      await db.execute(sql`
        select c.id, c.enterprise_id, c.next_check_due::text as next_check_due
          from gas_customers c
         where c.active and c.next_check_due < (${today}::date - ${rules.checkOverdueGraceDays}::int)
           and not exists (select 1 from gas_anomalies a where a.dedup_key = 'check_overdue:' || c.id::text || ':' || c.next_check_due::text)
         limit ${BATCH}`),
    );
    if (rows.length === 0) break;
    const raised = await raiseAnomalies(db, judgeCheckOverdue(rows.map((r) => ({ customerId: r.id, enterpriseId: r.enterprise_id, nextCheckDue: r.next_check_due })), today, rules, now));
    checkOverdue += raised;
    // Nothing new in a full batch means the rest is being raised by another process; stop rather than spin.
    if (rows.length < BATCH || raised === 0) break;
  }

  if (foreignFills + checkOverdue > 0) {
    await db.transaction((tx) =>
      recordAudit(tx, ctx, { action: "gas.anomaly.swept", entity: "gas_anomaly", after: { foreignFills, checkOverdue } }),
    );
  }
  return { foreignFills, checkOverdue, judgedUntil: now };
}

/** Runs the sweep every `intervalMs` (first run one interval after start), keeping the fill watermark in memory; returns its stop. */
export function startAnomalySweep(ctx: ServiceContext, intervalMs = 10 * 60_000): () => Promise<void> {
  let since: Date | undefined;
  const everyMs = intervalMs;
  return startPeriodic({
    name: "gas anomaly sweep",
    firstAfterMs: everyMs,
    everyMs,
    log: ctx.log,
    run: async () => {
      const r = await sweepAnomalies(ctx, { since });
      since = r.judgedUntil;
      if (r.foreignFills + r.checkOverdue > 0) ctx.log.info({ ...r }, "gas anomalies raised by the sweep");
    },
  });
}
