import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { AlarmChangeDto } from "@contracts/iot/alarms";
import { DEVICE_EVENTS, type DeviceType } from "@contracts/iot/devices";
import type { Config } from "../../config.js";
import type { Database } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { RealtimeHub } from "../../platform/realtime/hub.js";
import { ActiveAlarms } from "./alarms/alarm.cache.js";
import { startEmbeddedBroker, type DeviceLink } from "./ingest/broker.runtime.js";
import { CommandDispatcher } from "./commands/command.sweeps.js";
import { DeviceCache, type DeviceInfo } from "./device.cache.js";
import { DeviceMessageRouter, type DeviceEventHandler, type DeviceMessageHandlers } from "./ingest/device-message.pipeline.js";
import type { AlarmVerdict } from "./alarms/alarm.store.js";
import { IngestPipeline, type ReadingsHandler } from "./ingest/ingest.pipeline.js";
import { DEVICE_STATUS_CHANNEL } from "./iot.notify.js";
import { feedRealtime } from "./realtime.runtime.js";
import { deviceStatusJson, IotSweeper, offlineVerdict } from "./iot.sweeps.js";
import { sprayOnForAlarms } from "./rules/linkage.service.js";
import { connectPublisher, startMqttConsumer } from "./ingest/mqtt.runtime.js";
import { RuleCache } from "./rules/rule.cache.js";
import { ensureDefaultRules } from "./rules/rule.defaults.js";

/** Until a broker is connected, commands wait in the table ("pending") and are published later. */
const NO_LINK: DeviceLink = {
  publish: () => Promise.reject(new Error("no MQTT broker connected")),
  close: async () => undefined,
};

/**
 * The IoT module's moving parts in one process: device and rule caches, the ingest pipeline and
 * message router, alarm bookkeeping, command dispatch, linkage, the sweeper and the realtime feed.
 * `create` wires them (no network); `startNetwork` attaches the embedded broker or the external one;
 * `startBackground` starts the timers. Tests use the parts directly.
 */
export class IotRuntime {
  readonly hub = new RealtimeHub();
  readonly devices: DeviceCache;
  readonly rules: RuleCache;
  readonly active: ActiveAlarms;
  readonly pipeline: IngestPipeline;
  readonly router: DeviceMessageRouter;
  readonly dispatcher: CommandDispatcher;
  readonly sweeper: IotSweeper;
  private link: DeviceLink = NO_LINK;
  private readonly eventHandlers = new Map<string, DeviceEventHandler>();
  private readonly readingsHandlers = new Map<DeviceType, ReadingsHandler>();
  private readonly closers: (() => Promise<void>)[] = [];
  private stopFeed: (() => Promise<void>) | null = null;
  /** The embedded broker's port once started (tests listen on port 0). */
  brokerPort: number | null = null;

  private constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly events: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {
    const db = database.db;
    this.devices = new DeviceCache(database);
    this.rules = new RuleCache(database, config.cityRegion, (err) => log.error({ err }, "rule reload failed"));
    this.active = new ActiveAlarms(database);
    this.pipeline = new IngestPipeline({
      db,
      rules: () => this.rules.current(),
      log,
      isActive: (key) => this.active.has(key),
      onAlarmChanges: (changes) => this.afterAlarmChanges(changes),
      onBackOnline: (devices) => void this.backOnline(devices).catch((err: unknown) => log.error({ err }, "back-online handling failed")),
      readingsHandlers: this.readingsHandlers,
    });
    this.dispatcher = new CommandDispatcher({ db, link: { publish: (t, p) => this.link.publish(t, p), close: async () => undefined }, log });
    this.router = new DeviceMessageRouter({
      devices: this.devices,
      pipeline: this.pipeline,
      handlers: this.handlers(),
      eventHandlers: this.eventHandlers,
      log,
      rawRetentionMs: config.iot.rawRetentionDays * 86_400_000,
    });
    this.sweeper = new IotSweeper({
      db,
      rules: () => this.rules.current(),
      log,
      retentionDays: config.iot.rawRetentionDays,
      sprayOffAfterMs: config.iot.sprayOffAfterMs,
      onAlarmChanges: (changes) => this.afterAlarmChanges(changes),
      onCommands: () => this.dispatcher.kick(),
    });
    events.on("iot.command.created", () => this.dispatcher.kick());
  }

  static async create(deps: { database: Database; config: Config; events: EventBus; log: FastifyBaseLogger }): Promise<IotRuntime> {
    const runtime = new IotRuntime(deps.database, deps.config, deps.events, deps.log);
    await ensureDefaultRules(deps.database.db);
    await runtime.devices.start();
    await runtime.rules.start();
    await runtime.active.start();
    runtime.stopFeed = await feedRealtime(deps.database, runtime.hub, deps.log);
    return runtime;
  }

  /**
   * Connects devices: the embedded Aedes broker on MQTT_PORT, or with MQTT_URL the external broker —
   * consuming through the shared subscription when `ingest` is true, publishing commands only otherwise.
   */
  async startNetwork(opts: { ingest: boolean; port?: number } = { ingest: true }): Promise<void> {
    const { iot, http } = this.config;
    if (iot.mqttUrl) {
      this.link = opts.ingest
        ? await startMqttConsumer({ url: iot.mqttUrl, ingestId: iot.ingestId, router: this.router, log: this.log })
        : await connectPublisher(iot.mqttUrl, this.log);
    } else {
      const broker = await startEmbeddedBroker({ port: opts.port ?? iot.mqttPort, host: http.host, devices: this.devices, router: this.router, log: this.log });
      this.brokerPort = broker.port;
      this.link = broker;
    }
    this.dispatcher.kick();
  }

  /** Lets another module take one device event type (e.g. workforce: gate `access` events). */
  handleDeviceEvents(type: string, handler: DeviceEventHandler): void {
    this.eventHandlers.set(type, handler);
  }

  /**
   * Lets another module take one device type's readings once each batch is stored (e.g. gas: the detection
   * vehicle's `ch4_ppm`/`lat`/`lng`). One handler per type; it gets every device of that type in the batch.
   */
  onReadings(type: DeviceType, handler: ReadingsHandler): void {
    if (this.readingsHandlers.has(type)) throw new Error(`readings of ${type} are already taken`);
    this.readingsHandlers.set(type, handler);
  }

  /** Raises, updates or clears alarms through the one alarm machinery (other modules' device-related alarms). */
  raiseAlarms(verdicts: AlarmVerdict[]): Promise<void> {
    return this.pipeline.apply(verdicts);
  }

  /** Publishes a command to a device now (other modules use `insertCommand` + the dispatcher instead when it must be retried). */
  kickCommands(): void {
    this.dispatcher.kick();
  }

  startBackground(): void {
    this.sweeper.start();
    this.dispatcher.start();
  }

  /** Runs `fn` first when the runtime closes (other modules' pipelines that still raise alarms through it). */
  onClose(fn: () => Promise<void>): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers) await fn().catch((err: unknown) => this.log.error({ err }, "close hook failed"));
    await this.sweeper.stop();
    await this.dispatcher.stop();
    // Store what was received before the connection goes, so its acknowledgements can still be sent.
    await this.pipeline.drain();
    await this.link.close().catch(() => undefined);
    await this.pipeline.close();
    await this.stopFeed?.();
    await Promise.all([this.devices.stop(), this.rules.stop(), this.active.stop()]);
    this.hub.close();
  }

  private afterAlarmChanges(changes: AlarmChangeDto[]): void {
    this.active.note(changes);
    for (const c of changes) this.events.publish(`iot.alarm.${c.kind}`, { ...c });
    void sprayOnForAlarms(this.database.db, this.rules.current(), changes)
      .then((ids) => ids.length > 0 && this.dispatcher.kick())
      .catch((err: unknown) => this.log.error({ err }, "spray linkage failed"));
  }

  /** Devices that reported after being offline: announce it and clear their offline alarms. */
  private async backOnline(devices: { id: string; projectId: string | null; code: string; lastSeenAt: string }[]): Promise<void> {
    await this.database.db.execute(sql`
      select pg_notify(${DEVICE_STATUS_CHANNEL}, ${deviceStatusJson})
      from iot_devices d where d.id = any(${sql.param(devices.map((d) => d.id))}::uuid[])`);
    // Offline alarms exist only for devices on a site (the sweeper raises none for the others).
    const onSite = devices.filter((d): d is typeof d & { projectId: string } => d.projectId !== null);
    const verdicts = this.rules
      .current()
      .all()
      .filter((r) => r.kind === "offline")
      .flatMap((rule) => onSite.map((d) => ({ d, rule })))
      .filter(({ d, rule }) => this.active.has(`${d.id}|${rule.code}`))
      .map(({ d, rule }) => offlineVerdict(rule, d, Date.parse(d.lastSeenAt), "normal", null));
    await this.pipeline.apply(verdicts);
  }

  private handlers(): DeviceMessageHandlers {
    return {
      status: async (device: DeviceInfo, online: boolean) => {
        if (online) return this.pipeline.touch(device.id, Date.now());
        this.pipeline.forgetSeen(device.id);
        await this.database.db.execute(sql`
          with d as (update iot_devices set online = false where id = ${device.id} and online returning id, project_id, code, online, last_seen_at)
          select pg_notify(${DEVICE_STATUS_CHANNEL}, ${deviceStatusJson}) from d`);
      },
      event: async (device, e) => {
        const spec = DEVICE_EVENTS[e.type];
        // Event alarms belong to a site; a device off-site has none to raise (its module judges it).
        if (!device.projectId) return;
        await this.pipeline.apply([
          {
            deviceId: device.id,
            projectId: device.projectId,
            ruleId: null,
            ruleCode: `event.${e.type}`,
            ruleName: spec.name,
            metric: null,
            severity: spec.severity,
            value: null,
            threshold: null,
            at: e.ts,
            repeats: 1,
          },
        ]);
      },
      commandAck: (device, ack) => this.dispatcher.recordAck(device.id, ack),
    };
  }
}
