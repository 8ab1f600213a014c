import { COMMANDS } from "@contracts/iot/commands";
import { METRICS } from "@contracts/iot/devices";
import { deviceModel, REPORT_INTERVAL_S, type DeviceReading } from "./device.model.js";
import type { DeviceCredential } from "./iot-devices.js";
import { MINUTE_MS, round } from "./site.model.js";

export interface Telemetry {
  ts: number;
  seq: number;
  values: Record<string, number>;
}

export interface DeviceEvent {
  ts: number;
  type: string;
  message: string;
}

export interface CommandAck {
  id: string;
  ok: boolean;
  result?: Record<string, unknown>;
  message?: string;
}

// Camera AI events are rarer per message than a sensor glitch would be per reading, but cameras report
// only every 5 minutes; this factor gives about one event per camera every two hours at the default rate.
const CAMERA_EVENT_FACTOR = 12;
const NO_HELMET_MESSAGES = ["大门口检测到人员未佩戴安全帽", "作业面检测到人员未佩戴安全帽", "材料堆场检测到人员未佩戴安全帽"];

/**
 * One simulated device without the network: what it publishes next (telemetry from the site models,
 * with anomalies injected at random) and how it answers commands. `random` is injectable for tests.
 */
export class SimDevice {
  readonly intervalMs: number;
  private readonly read: DeviceReading;
  private seq = 0;
  private lastTs = 0;
  /** Spray state set by a command; it overrides the controller's own schedule until the next command. */
  private commanded: 0 | 1 | null = null;
  private spikeUntil = 0;
  private spikePm10 = 0;
  private readonly done = new Map<string, CommandAck>();

  constructor(
    readonly cred: DeviceCredential,
    private readonly anomaly: number,
    private readonly random: () => number = Math.random,
  ) {
    this.intervalMs = (cred.reportIntervalS ?? REPORT_INTERVAL_S[cred.type]) * 1000;
    this.read = deviceModel(cred);
  }

  get topics() {
    const base = `sitecloud/v1/${this.cred.code}`;
    return { telemetry: `${base}/telemetry`, status: `${base}/status`, events: `${base}/events`, commands: `${base}/commands`, ack: `${base}/commands/ack` };
  }

  /** The next telemetry message; `anomalous` tells whether a fault was injected into it. */
  telemetry(now: number): { message: Telemetry; anomalous: boolean; event: DeviceEvent | null } {
    // Readings are identified by (device, metric, ts): two messages in one millisecond would be one reading.
    const ts = Math.max(now, this.lastTs + 1);
    this.lastTs = ts;
    const values = { ...this.read(ts, Math.floor(ts / 1000)) };
    let anomalous = false;
    let event: DeviceEvent | null = null;
    if (this.cred.type === "camera") {
      if (this.random() < this.anomaly * CAMERA_EVENT_FACTOR) {
        event = { ts, type: "no_helmet", message: NO_HELMET_MESSAGES[Math.floor(this.random() * NO_HELMET_MESSAGES.length)] };
        anomalous = true;
      }
    } else if (this.random() < this.anomaly) {
      anomalous = this.inject(values, ts);
    }
    if (this.cred.type === "env_monitor" && ts < this.spikeUntil) {
      values.pm10 = Math.max(values.pm10, this.spikePm10);
      values.pm25 = round(values.pm10 * 0.35, 1);
      values.tsp = round(values.pm10 * 1.8, 1);
    }
    if (this.cred.type === "spray" && this.commanded !== null) values.state = this.commanded;
    return { message: { ts, seq: this.seq++, values: clampToSpec(this.cred.type, values) }, anomalous, event };
  }

  /** A fault the rules should catch: overload, storm wind, a dust spike, a noisy minute, a gas leak. */
  private inject(v: Record<string, number>, ts: number): boolean {
    const either = this.random() < 0.5;
    const between = (lo: number, hi: number) => lo + this.random() * (hi - lo);
    switch (this.cred.type) {
      case "tower_crane":
        if (either) {
          const pct = between(105, 115);
          v.moment_pct = round(pct, 1);
          v.load_t = round((v.rated_load_t * pct) / 100, 2);
        } else {
          v.wind_ms = round(between(11, 13), 1);
        }
        return true;
      case "hoist":
        if (either) {
          v.load_kg = Math.round(v.rated_load_kg * between(1.05, 1.2));
        } else {
          v.speed_ms = 0.9;
          v.door_open = 1;
        }
        return true;
      case "env_monitor":
        if (either) {
          this.spikeUntil = ts + between(2, 5) * MINUTE_MS;
          this.spikePm10 = round(between(200, 400), 1);
        } else {
          v.noise_db = round(between(80, 90), 1);
        }
        return true;
      case "gas_detector":
        v.ch4_ppm = Math.round(between(5_000, 12_000));
        return true;
      default:
        return false;
    }
  }

  /**
   * Applies a command from the platform and returns the ack to publish. The platform re-sends until it
   * sees an ack, so a repeated id is answered again without being applied twice.
   */
  command(payload: Buffer, now: number): { ack: CommandAck | null; changed: boolean } {
    let cmd: { id?: unknown; name?: unknown; expiresAt?: unknown };
    try {
      cmd = JSON.parse(payload.toString("utf8"));
    } catch {
      return { ack: null, changed: false };
    }
    if (typeof cmd?.id !== "string") return { ack: null, changed: false };
    const seen = this.done.get(cmd.id);
    if (seen) return { ack: seen, changed: false };
    const expiresAt = typeof cmd.expiresAt === "string" || typeof cmd.expiresAt === "number" ? new Date(cmd.expiresAt).getTime() : NaN;
    let ack: CommandAck;
    let changed = false;
    if (expiresAt < now) {
      ack = { id: cmd.id, ok: false, message: "command expired before it arrived" };
    } else if (typeof cmd.name !== "string" || !COMMANDS[this.cred.type]?.includes(cmd.name)) {
      ack = { id: cmd.id, ok: false, message: `unknown command ${String(cmd.name)} for ${this.cred.type}` };
    } else if (cmd.name === "spray.on" || cmd.name === "spray.off") {
      this.commanded = cmd.name === "spray.on" ? 1 : 0;
      changed = true;
      ack = { id: cmd.id, ok: true, result: { state: this.commanded } };
    } else {
      ack = { id: cmd.id, ok: true };
    }
    this.done.set(cmd.id, ack);
    // Remember recent ids only: a retry comes within the command's time to live, not days later.
    if (this.done.size > 200) this.done.delete(this.done.keys().next().value!);
    return { ack, changed };
  }
}

/** Keeps model values inside the protocol's ranges (METRICS) so only injected faults look abnormal. */
function clampToSpec(type: DeviceCredential["type"], values: Record<string, number>): Record<string, number> {
  const spec = METRICS[type];
  const out: Record<string, number> = {};
  for (const [metric, value] of Object.entries(values)) {
    const s = spec[metric];
    if (s) out[metric] = Math.min(s.max, Math.max(s.min, value));
  }
  return out;
}
