import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { AlarmChangeDto } from "@contracts/iot/alarms";
import type { CommandChangeDto, DeviceStatusChangeDto, LatestChangeDto } from "@contracts/iot/realtime";
import { type Database, type Listener, rowsOf } from "../../platform/db/client.js";
import type { RealtimeHub } from "../../platform/realtime/hub.js";
import { ALARM_CHANNEL, COMMAND_CHANNEL, DEVICE_STATUS_CHANNEL } from "./iot.notify.js";

const LATEST_POLL_MS = 1_000;

/**
 * Feeds the realtime hub from the database's notifications (alarms, device status, commands — raised by
 * whichever process did the work) and, once a second, the latest values of the projects someone is
 * watching. Everything goes through PostgreSQL, so API and ingest processes can be separate.
 */
export async function feedRealtime(database: Database, hub: RealtimeHub, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  const parse = <T>(channel: string, payload: string): T | null => {
    try {
      return JSON.parse(payload) as T;
    } catch (err) {
      log.warn({ err, channel }, "unreadable notification");
      return null;
    }
  };
  const listeners: Listener[] = [
    await database.listen(
      ALARM_CHANNEL,
      (p) => {
        const c = parse<AlarmChangeDto>(ALARM_CHANNEL, p);
        if (c) hub.publish("alarm", c.projectId, c);
      },
      () => undefined,
    ),
    await database.listen(
      DEVICE_STATUS_CHANNEL,
      (p) => {
        // A device off-site (project_id null) has no site page to update: nothing is published for it.
        const c = parse<DeviceStatusChangeDto>(DEVICE_STATUS_CHANNEL, p);
        if (c?.projectId) hub.publish("device", c.projectId, c);
      },
      () => undefined,
    ),
    await database.listen(
      COMMAND_CHANNEL,
      (p) => {
        const c = parse<CommandChangeDto>(COMMAND_CHANNEL, p);
        if (c) hub.publish("command", c.projectId, c);
      },
      () => undefined,
    ),
  ];

  // Per device and metric, the reading time last pushed: only newer values go out.
  const pushed = new Map<string, number>();
  let polling = false;
  const poll = async () => {
    const projects = hub.watchedProjects();
    if (projects.length === 0 || polling) return;
    polling = true;
    try {
      const rows = rowsOf<{ deviceId: string; projectId: string; metric: string; value: number; ms: number }>(
        await database.db.execute(sql`
          select l.device_id as "deviceId", d.project_id as "projectId", l.metric, l.value, (extract(epoch from l.ts) * 1000)::float8 as ms
          from iot_latest l join iot_devices d on d.id = l.device_id
          where d.project_id = any(${sql.param(projects)}::uuid[])`),
      );
      const changes = new Map<string, LatestChangeDto>();
      for (const r of rows) {
        const key = `${r.deviceId}|${r.metric}`;
        const ms = Number(r.ms);
        if ((pushed.get(key) ?? 0) >= ms) continue;
        pushed.set(key, ms);
        let change = changes.get(r.deviceId);
        if (!change) changes.set(r.deviceId, (change = { deviceId: r.deviceId, projectId: r.projectId, values: {} }));
        change.values[r.metric] = { value: Number(r.value), ts: new Date(ms).toISOString() };
      }
      for (const c of changes.values()) hub.publish("latest", c.projectId, c, true);
      if (pushed.size > 200_000) pushed.clear();
    } catch (err) {
      log.error({ err }, "latest-value poll failed");
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void poll(), LATEST_POLL_MS);
  timer.unref();

  return async () => {
    clearInterval(timer);
    await Promise.all(listeners.map((l) => l.close()));
  };
}
