import { sql } from "drizzle-orm";
import type { AlarmChangeDto } from "@contracts/iot/alarms";
import { type Database, type Listener, rowsOf } from "../../../platform/db/client.js";
import { ALARM_CHANNEL } from "./alarm.notify.js";
import { alarmKey } from "../ingest/ingest.checks.js";

/**
 * Which (device, rule) pairs may have an active alarm. Ingest asks it before sending a "condition
 * ended" verdict, so a batch of normal readings costs no alarm statement. It errs on the side of
 * "maybe": whenever notifications could have been missed it answers yes until reloaded.
 */
export class ActiveAlarms {
  private keys = new Set<string>();
  private reliable = false;
  private listener: Listener | null = null;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    this.listener = await this.database.listen(
      ALARM_CHANNEL,
      (payload) => {
        try {
          this.note([JSON.parse(payload) as AlarmChangeDto]);
        } catch {
          this.reliable = false;
        }
      },
      () => void this.reload(),
    );
    await this.reload();
  }

  async stop(): Promise<void> {
    await this.listener?.close();
  }

  has(key: string): boolean {
    return !this.reliable || this.keys.has(key);
  }

  /** Records changes this process made or heard of. */
  note(changes: AlarmChangeDto[]): void {
    for (const c of changes) {
      const key = alarmKey(c.deviceId, c.ruleCode);
      if (c.kind === "cleared") this.keys.delete(key);
      else if (c.kind === "raised" || c.kind === "escalated") this.keys.add(key);
    }
  }

  private async reload(): Promise<void> {
    this.reliable = false;
    const rows = rowsOf<{ device_id: string; rule_code: string }>(
      await this.database.db.execute(sql`select device_id, rule_code from iot_alarms where cleared_at is null`),
    );
    this.keys = new Set(rows.map((r) => alarmKey(r.device_id, r.rule_code)));
    this.reliable = this.listener?.isLive() ?? false;
  }
}
