import { sql } from "drizzle-orm";
import type { AlarmChangeDto } from "@contracts/iot/alarms";
import { type Executor, rowsOf } from "../../../platform/db/client.js";
import { insertCommand } from "../commands/command.service.js";
import type { RuleSet } from "./rule.checks.js";

/** Automatic commands expire after this long without an ack (the next alarm or sweep decides again). */
const AUTO_COMMAND_TTL_S = 300;

/** The latest spray command of spray device `d`, as `source:name:status`. */
const lastSprayCommand = sql`(select c.source || ':' || c.name || ':' || c.status from iot_commands c
  where c.device_id = d.id and c.name in ('spray.on', 'spray.off') order by c.created_at desc limit 1)`;

/**
 * Spray linkage (喷淋联动), on: when an alarm of a rule with action `spray` is raised, every enabled spray
 * controller of the project that is not already switched on gets `spray.on` — unless it is freezing on
 * site (the monitor's temp_c below 0 °C), where spraying would ice the ground. Returns the command ids.
 */
export async function sprayOnForAlarms(db: Executor, rules: RuleSet, changes: AlarmChangeDto[]): Promise<string[]> {
  const byProject = new Map<string, string>();
  for (const c of changes) {
    if ((c.kind === "raised" || c.kind === "escalated") && rules.get(c.ruleCode)?.action === "spray") byProject.set(c.projectId, c.alarmId);
  }
  if (byProject.size === 0) return [];
  const targets = rowsOf<{ id: string; projectId: string }>(
    await db.execute(sql`
      select d.id, d.project_id as "projectId" from iot_devices d
      where d.type = 'spray' and d.enabled and d.project_id = any(${sql.param([...byProject.keys()])}::uuid[])
        and coalesce(split_part(${lastSprayCommand}, ':', 2) || ':' || split_part(${lastSprayCommand}, ':', 3), '') not in ('spray.on:pending', 'spray.on:sent', 'spray.on:acked')
        and not exists (
          select 1 from iot_latest l join iot_devices m on m.id = l.device_id
          where m.project_id = d.project_id and m.type = 'env_monitor' and l.metric = 'temp_c' and l.value < 0)
      order by d.id`),
  );
  return sprayCommands(db, targets, "spray.on", (t) => byProject.get(t.projectId) ?? null);
}

/**
 * Spray linkage, off: a controller the platform switched on (its latest spray command is an automatic
 * `spray.on`) is switched off once its project has had no spray-rule alarm active for `cleanForMs`.
 * Controllers switched on by hand are left alone. Returns the command ids.
 */
export async function sprayOffWhenClean(db: Executor, rules: RuleSet, cleanForMs: number): Promise<string[]> {
  const sprayRules = rules
    .all()
    .filter((r) => r.action === "spray")
    .map((r) => r.code);
  const targets = rowsOf<{ id: string; projectId: string }>(
    await db.execute(sql`
      select d.id, d.project_id as "projectId" from iot_devices d
      where d.type = 'spray' and d.enabled
        and split_part(${lastSprayCommand}, ':', 1) = 'auto' and split_part(${lastSprayCommand}, ':', 2) = 'spray.on'
        and not exists (
          select 1 from iot_alarms a where a.project_id = d.project_id and a.rule_code = any(${sql.param(sprayRules)}::text[])
            and (a.cleared_at is null or a.cleared_at > now() - make_interval(secs => ${cleanForMs / 1000})))
      order by d.id`),
  );
  return sprayCommands(db, targets, "spray.off", () => null);
}

/** Queues one automatic spray command per target; the dispatcher publishes them. Returns their ids. */
async function sprayCommands(
  db: Executor,
  targets: { id: string; projectId: string }[],
  name: "spray.on" | "spray.off",
  alarmOf: (t: { projectId: string }) => string | null,
): Promise<string[]> {
  const ids: string[] = [];
  for (const t of targets) {
    const row = await insertCommand(db, {
      deviceId: t.id,
      projectId: t.projectId,
      name,
      params: {},
      source: "auto",
      operatorId: null,
      operatorName: null,
      alarmId: alarmOf(t),
      ttlS: AUTO_COMMAND_TTL_S,
    });
    ids.push(row.id);
  }
  return ids;
}
