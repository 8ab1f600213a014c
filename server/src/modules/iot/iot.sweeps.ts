import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { AlarmChangeDto, Severity } from "@contracts/iot/alarms";
import { type Db, rowsOf } from "../../platform/db/client.js";
import { applyVerdicts, type AlarmVerdict } from "./alarms/alarm.store.js";
import { DEVICE_STATUS_CHANNEL } from "./iot.notify.js";
import { dropExpiredPartitions, ensurePartitions, utcDay } from "./ingest/ingest.store.js";
import { sprayOffWhenClean } from "./rules/linkage.service.js";
import { offlineSeverity, type Rule, type RuleSet } from "./rules/rule.checks.js";

// One sweeper at a time across processes; the others skip the round.
const SWEEP_LOCK = 7_240_051;
const OFFLINE_BATCH = 5_000;
const PARTITION_CHECK_MS = 3600_000;

/** DeviceStatusChangeDto JSON of device row `d`. */
export const deviceStatusJson = sql`json_build_object('deviceId', d.id, 'projectId', d.project_id, 'deviceCode', d.code, 'online', d.online,
  'lastSeenAt', to_char(d.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;

/** The verdict of an offline rule for one device: raise it (at the rule's severity) or clear it (`normal`). */
export function offlineVerdict(
  rule: Rule,
  device: { id: string; projectId: string },
  at: number,
  severity: ((rule: Rule) => Severity) | "normal",
  value: number | null,
): AlarmVerdict {
  return {
    deviceId: device.id,
    projectId: device.projectId,
    ruleId: rule.id,
    ruleCode: rule.code,
    ruleName: rule.name,
    metric: null,
    severity: severity === "normal" ? "normal" : severity(rule),
    value,
    threshold: null,
    at,
    repeats: 1,
  };
}

export interface SweepResult {
  offline: number;
  sprayOff: string[];
  droppedPartitions: string[];
}

/**
 * Periodic work that no message triggers: devices silent for their rule's missed intervals go offline
 * and raise the offline alarm (exact per-device timeouts, not a global check interval); spray
 * controllers switched on automatically are switched off once the air has been clean long enough;
 * raw-reading partitions are created ahead and dropped after the retention period.
 */
export class IotSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastPartitionCheck = 0;

  constructor(
    private readonly deps: {
      db: Db;
      rules: () => RuleSet;
      log: FastifyBaseLogger;
      retentionDays: number;
      sprayOffAfterMs: number;
      onAlarmChanges: (changes: AlarmChangeDto[]) => void;
      onCommands: (ids: string[]) => void;
    },
  ) {}

  start(everyMs = 5_000): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((err: unknown) => this.deps.log.error({ err }, "IoT sweep failed"))
        .finally(() => (this.running = null));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = Date.now()): Promise<SweepResult | null> {
    const { db, rules } = this.deps;
    const ruleSet = rules();
    const result = await db.transaction(async (tx) => {
      const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`));
      if (!lock?.ok) return null;
      const offlineRules = ruleSet.all().filter((r) => r.kind === "offline");
      let changes: AlarmChangeDto[] = [];
      let offline = 0;
      if (offlineRules.length > 0) {
        const stale = rowsOf<{ id: string; projectId: string | null; type: string; lastSeenMs: number }>(
          await tx.execute(sql`
            with r as (
              select * from unnest(${sql.param(offlineRules.map((r) => r.deviceType))}::text[], ${sql.param(offlineRules.map((r) => r.missedIntervals ?? 3))}::int[], ${sql.param(offlineRules.map((r) => r.code))}::text[])
                as r(type, missed, code)
            ), stale as (
              select d.id, d.project_id, d.type, d.last_seen_at from iot_devices d join r on r.type = d.type
              -- A device off-site raises no offline alarm: it is picked only while still marked online, to mark it offline.
              where d.enabled and d.last_seen_at is not null and (d.project_id is not null or d.online)
                and d.last_seen_at < to_timestamp(${now}::float8 / 1000.0) - make_interval(secs => d.report_interval_s * r.missed)
                and not exists (select 1 from iot_alarms a where a.device_id = d.id and a.rule_code = r.code and a.cleared_at is null)
              order by d.id limit ${OFFLINE_BATCH}
            ), off as (
              update iot_devices d set online = false from stale where d.id = stale.id and d.online
              returning d.id, d.project_id, d.code, d.online, d.last_seen_at
            ), announced as (
              select pg_notify(${DEVICE_STATUS_CHANNEL}, ${deviceStatusJson}) from off d
            )
            select stale.id, stale.project_id as "projectId", stale.type, extract(epoch from stale.last_seen_at) * 1000 as "lastSeenMs",
              (select count(*) from announced) as announced
            from stale`),
        );
        offline = stale.length;
        const verdicts = stale.filter((d): d is typeof d & { projectId: string } => d.projectId !== null).map((d) =>
          // The value is how long the device has been silent, in minutes.
          offlineVerdict(offlineRules.find((r) => r.deviceType === d.type)!, d, now, offlineSeverity, Math.round((now - Number(d.lastSeenMs)) / 600) / 100),
        );
        changes = await applyVerdicts(tx, verdicts);
      }
      const sprayOff = await sprayOffWhenClean(tx, ruleSet, this.deps.sprayOffAfterMs);
      return { offline, sprayOff, changes };
    });
    if (!result) return null;
    if (result.changes.length > 0) this.deps.onAlarmChanges(result.changes);
    if (result.sprayOff.length > 0) this.deps.onCommands(result.sprayOff);
    let droppedPartitions: string[] = [];
    if (now - this.lastPartitionCheck >= PARTITION_CHECK_MS) {
      await ensurePartitions(db, [utcDay(now), utcDay(now + 86_400_000)]);
      droppedPartitions = await dropExpiredPartitions(db, this.deps.retentionDays, now);
      if (droppedPartitions.length > 0) this.deps.log.info({ droppedPartitions }, "dropped raw-reading partitions past retention");
      this.lastPartitionCheck = now;
    }
    return { offline: result.offline, sprayOff: result.sprayOff, droppedPartitions };
  }
}
