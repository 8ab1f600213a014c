import { timingSafeEqual } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { DEVICE_EVENTS, type RejectReason } from "@contracts/iot/devices";
import { sha256 } from "../../../platform/auth/secrets.js";
import type { DeviceCache, DeviceInfo } from "../device.cache.js";
import type { IngestPipeline } from "./ingest.pipeline.js";
import { MAX_CLOCK_SKEW_MS, parseTelemetry, parseTimestamp } from "./telemetry.parse.js";

/** Topics a device publishes to, under `sitecloud/v1/{deviceCode}/`. */
export const DEVICE_PUBLISH_KINDS = ["telemetry", "status", "events", "commands/ack"] as const;
export type DeviceTopicKind = (typeof DEVICE_PUBLISH_KINDS)[number];

const TOPIC = /^sitecloud\/v1\/([^/]+)\/(telemetry|status|events|commands\/ack)$/;

export const topicOf = (code: string, kind: DeviceTopicKind | "commands") => `sitecloud/v1/${code}/${kind}`;

export function parseTopic(topic: string): { code: string; kind: DeviceTopicKind } | null {
  const m = TOPIC.exec(topic);
  return m ? { code: m[1], kind: m[2] as DeviceTopicKind } : null;
}

/** Constant-time comparison of a presented secret with the stored SHA-256. */
export function secretMatches(device: DeviceInfo, secret: string | Buffer | undefined): boolean {
  if (secret === undefined) return false;
  const given = Buffer.from(sha256(secret.toString()), "hex");
  const stored = Buffer.from(device.secretHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface DeviceMessageHandlers {
  /** A device reported its status (`online`/`offline`, the last will being `offline`). */
  status(device: DeviceInfo, online: boolean): Promise<void>;
  /** A device event (e.g. a camera's no_helmet detection). */
  event(device: DeviceInfo, event: { ts: number; type: string; message: string | null }): Promise<void>;
  /** A device answered a command. */
  commandAck(device: DeviceInfo, ack: { id: string; ok: boolean; result: unknown; message: string | null }): Promise<void>;
}

/**
 * Another module's handler for one device event type (e.g. workforce's gate `access` events). It
 * validates the event itself and says why it refused one; the router counts the refusal.
 */
export type DeviceEventHandler = (
  device: DeviceInfo,
  event: Record<string, unknown>,
) => Promise<{ ok: true } | { ok: false; reason: RejectReason; path: string; message: string }>;

export type RouteOutcome = { ok: true; readings: number } | { ok: false; reason: RejectReason | "unknown_device"; path?: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Log at most one rejection line per device per this interval; the counts are complete anyway. */
const LOG_EVERY_MS = 60_000;

/**
 * Routes device messages, from any transport (embedded broker, external broker, HTTP), to the
 * pipeline and handlers. Every refusal is counted on the device and logged (rate-limited); nothing
 * a device sends can throw out of here. Resolves when the message may be acknowledged.
 */
export class DeviceMessageRouter {
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly deps: {
      devices: DeviceCache;
      pipeline: IngestPipeline;
      handlers: DeviceMessageHandlers;
      /** Handlers other modules registered, by event type. */
      eventHandlers: ReadonlyMap<string, DeviceEventHandler>;
      log: FastifyBaseLogger;
      rawRetentionMs: number;
    },
  ) {}

  async handle(code: string, kind: DeviceTopicKind, payload: Buffer | unknown): Promise<RouteOutcome> {
    const device = await this.deps.devices.get(code);
    if (!device) {
      this.logRejection(`unknown:${code}`, { code, kind }, "message from an unknown device code");
      return { ok: false, reason: "unknown_device", message: `unknown device ${code}` };
    }
    if (!device.enabled) return this.refuse(device, "disabled", "", "device is disabled");
    if (kind === "telemetry") {
      const parsed = parseTelemetry(payload, device.type, { now: Date.now(), maxAgeMs: this.deps.rawRetentionMs });
      if (!parsed.ok) return this.refuse(device, parsed.reason, parsed.path, parsed.message);
      await this.deps.pipeline.submit(device, parsed.readings);
      return { ok: true, readings: parsed.readings.length };
    }
    const body = Buffer.isBuffer(payload) ? payload.toString("utf8") : payload;
    if (kind === "status") {
      const status = typeof body === "string" ? statusOf(body) : null;
      if (status === null) return this.refuse(device, "bad_shape", "", 'status must be "online" or "offline" (or {"status": …})');
      await this.deps.handlers.status(device, status === "online");
      return { ok: true, readings: 0 };
    }
    const json = parseJson(body);
    if (json === undefined) return this.refuse(device, "bad_json", "", "payload is not JSON");
    if (kind === "events") {
      const e = json as { ts?: unknown; type?: unknown; message?: unknown };
      const external = typeof e?.type === "string" ? this.deps.eventHandlers.get(e.type) : undefined;
      if (external) {
        const outcome = await external(device, json as Record<string, unknown>);
        return outcome.ok ? { ok: true, readings: 0 } : this.refuse(device, outcome.reason, outcome.path, outcome.message);
      }
      const ts = parseTimestamp(e?.ts);
      if (ts === null || ts < Date.now() - this.deps.rawRetentionMs || ts > Date.now() + MAX_CLOCK_SKEW_MS) {
        return this.refuse(device, "bad_timestamp", "ts", "ts must be epoch ms or ISO 8601, within the accepted window");
      }
      if (typeof e?.type !== "string" || !DEVICE_EVENTS[e.type]) return this.refuse(device, "bad_shape", "type", `type must be one of ${Object.keys(DEVICE_EVENTS).join(", ")}`);
      await this.deps.handlers.event(device, { ts, type: e.type, message: typeof e.message === "string" ? e.message.slice(0, 500) : null });
      return { ok: true, readings: 0 };
    }
    const a = json as { id?: unknown; ok?: unknown; result?: unknown; message?: unknown };
    if (typeof a?.id !== "string" || !UUID.test(a.id)) return this.refuse(device, "bad_shape", "id", "id must be the command's id");
    if (typeof a.ok !== "boolean") return this.refuse(device, "bad_shape", "ok", "ok must be true or false");
    await this.deps.handlers.commandAck(device, { id: a.id, ok: a.ok, result: a.result ?? null, message: typeof a.message === "string" ? a.message.slice(0, 500) : null });
    return { ok: true, readings: 0 };
  }

  /** Counts a refusal that happened before routing (bad credentials, another device's topic). */
  countRefusal(device: DeviceInfo, reason: RejectReason, message: string): void {
    this.refuse(device, reason, "", message);
  }

  private refuse(device: DeviceInfo, reason: RejectReason, path: string, message: string): RouteOutcome {
    this.deps.pipeline.reject(device.id, reason);
    this.logRejection(device.id, { device: device.code, reason, path }, `device message rejected: ${message}`);
    return { ok: false, reason, path, message };
  }

  private logRejection(key: string, fields: Record<string, unknown>, msg: string): void {
    const now = Date.now();
    if (now - (this.lastLogged.get(key) ?? 0) < LOG_EVERY_MS) return;
    if (this.lastLogged.size > 10_000) this.lastLogged.clear();
    this.lastLogged.set(key, now);
    this.deps.log.warn(fields, msg);
  }
}

function statusOf(body: string): "online" | "offline" | null {
  const text = body.trim();
  if (text === "online" || text === "offline") return text;
  const json = parseJson(text) as { status?: unknown } | undefined;
  return json?.status === "online" || json?.status === "offline" ? json.status : null;
}

function parseJson(body: unknown): unknown {
  if (typeof body !== "string") return body ?? undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}


