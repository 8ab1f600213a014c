import { REPORT_KINDS } from "@contracts/reports/reports";
import { systemContext, type ContextDeps } from "../../platform/context.js";
import { startPeriodic } from "../../platform/jobs/periodic.js";
import { duePeriod } from "./report-period.calc.js";
import { fileReport } from "./report.service.js";

/** How often the schedule looks for an owed briefing: a briefing is filed at most this long after 07:00. */
const EVERY_MS = 5 * 60_000;

/**
 * The 07:00 schedule (daily every day, weekly on Monday, monthly on the 1st, Asia/Shanghai), as a sweep: each run
 * files the latest period of each kind that is due and missing. Every API process runs it; the unique (kind,
 * period) index makes the second process's attempt a no-op, and a process down at 07:00 files it when it is back.
 * Returns what it filed.
 */
export async function runSchedule(deps: ContextDeps, city: string): Promise<{ kind: string; id: string }[]> {
  const ctx = systemContext(deps);
  const filed: { kind: string; id: string }[] = [];
  for (const kind of REPORT_KINDS) {
    const result = await fileReport(ctx, kind, duePeriod(kind, deps.clock.now()), "schedule", city);
    if (result.created) filed.push({ kind, id: result.id });
  }
  if (filed.length > 0) deps.log.info({ filed }, "briefings filed");
  return filed;
}

export function startReportSchedule(deps: ContextDeps, city: string, firstAfterMs = 60_000): () => Promise<void> {
  return startPeriodic({ name: "briefing schedule", firstAfterMs, everyMs: EVERY_MS, log: deps.log, run: () => runSchedule(deps, city) });
}
