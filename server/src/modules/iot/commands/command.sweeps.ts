import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Db, rowsOf } from "../../../platform/db/client.js";
import type { DeviceLink } from "../ingest/broker.runtime.js";
import { topicOf } from "../ingest/device-message.pipeline.js";
import { COMMAND_CHANNEL } from "../iot.notify.js";

/** A sent command without an ack is re-sent after this long, until it expires. */
export const RESEND_AFTER_S = 10;
const TICK_MS = 2_000;
const CLAIM_LIMIT = 200;

/** CommandChangeDto JSON of command row `c`. */
const changeJson = sql`json_build_object('commandId', c.id, 'deviceId', c.device_id, 'projectId', c.project_id, 'name', c.name, 'status', c.status)::text`;

/**
 * Delivers device commands: publishes pending ones, re-sends sent ones that were not acknowledged,
 * expires the rest, and records acks. Rows are claimed with SKIP LOCKED, so any number of processes
 * can run it; every state change is announced on COMMAND_CHANNEL for the live views.
 */
export class CommandDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: { db: Db; link: DeviceLink; log: FastifyBaseLogger }) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs a dispatch round now (or right after the current one). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .then(() => undefined)
      .catch((err: unknown) => this.deps.log.error({ err }, "command dispatch failed"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One round: expire, then claim and publish what is due. Returns how many were published. */
  async round(): Promise<number> {
    const { db, link } = this.deps;
    await db.execute(sql`
      with c as (
        update iot_commands set status = 'expired' where status in ('pending', 'sent') and expires_at <= now()
        returning id, device_id, project_id, name, status
      ) select pg_notify(${COMMAND_CHANNEL}, ${changeJson}) from c`);
    const due = rowsOf<{ id: string; code: string; name: string; params: Record<string, unknown>; expiresAt: string }>(
      await db.execute(sql`
        with due as (
          select id from iot_commands
          where status in ('pending', 'sent') and expires_at > now()
            and (status = 'pending' or sent_at < now() - make_interval(secs => ${RESEND_AFTER_S}))
          order by created_at limit ${CLAIM_LIMIT} for update skip locked
        ), c as (
          update iot_commands c set status = 'sent', attempts = c.attempts + 1, sent_at = now()
          from due where c.id = due.id
          returning c.id, c.device_id, c.project_id, c.name, c.status, c.params, c.expires_at
        )
        select c.id, d.code, c.name, c.params, to_char(c.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "expiresAt",
          pg_notify(${COMMAND_CHANNEL}, ${changeJson}) as ignored
        from c join iot_devices d on d.id = c.device_id`),
    );
    for (const c of due) {
      const payload = JSON.stringify({ id: c.id, name: c.name, params: c.params, ts: Date.now(), expiresAt: c.expiresAt });
      // A failed publish stays "sent" and is re-sent on a later round.
      await link.publish(topicOf(c.code, "commands"), payload).catch((err: unknown) => this.deps.log.warn({ err, command: c.id }, "command publish failed"));
    }
    return due.length;
  }

  /** A device's answer: acked or failed. Unknown, foreign or already-closed ids change nothing (acks may repeat). */
  async recordAck(deviceId: string, ack: { id: string; ok: boolean; result: unknown; message: string | null }): Promise<void> {
    const result = JSON.stringify({ result: ack.result, message: ack.message });
    await this.deps.db.execute(sql`
      with c as (
        update iot_commands set status = ${ack.ok ? "acked" : "failed"}, acked_at = now(), result = ${result}::jsonb
        where id = ${ack.id} and device_id = ${deviceId} and status in ('pending', 'sent')
        returning id, device_id, project_id, name, status
      ) select pg_notify(${COMMAND_CHANNEL}, ${changeJson}) from c`);
  }
}
