import path from "node:path";

/** Command-line options of `npm run simulate`. */
export interface SimulateArgs {
  sites?: number;
  rate?: number;
  anomaly?: number;
  url: string;
  credentials: string;
  /** Seconds to run; until Ctrl-C when absent. */
  duration?: number;
}

export const SIMULATE_USAGE =
  "usage: npm run simulate -- [--sites N] [--rate msgs/s] [--anomaly P (0–1, default 0.002)] [--url mqtt://127.0.0.1:1883] " +
  "[--credentials ./data/demo-device-credentials.json] [--duration seconds]";

const NUMERIC: Record<string, { min: number; max: number; integer: boolean }> = {
  sites: { min: 1, max: 1_000_000, integer: true },
  rate: { min: 0.001, max: 1_000_000, integer: false },
  anomaly: { min: 0, max: 1, integer: false },
  duration: { min: 0.001, max: 31_536_000, integer: false },
};

/**
 * Parses `--sites 5 --rate=200 …`; defaults come from the environment the server uses (MQTT_URL or the
 * embedded broker's MQTT_PORT, DATA_DIR). Returns an error message (for exit code 2) instead of throwing.
 */
export function parseSimulateArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SimulateArgs | { error: string } {
  const out: SimulateArgs = {
    url: env.MQTT_URL || `mqtt://127.0.0.1:${env.MQTT_PORT || 1883}`,
    credentials: path.join(env.DATA_DIR || "./data", "demo-device-credentials.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return { error: `unexpected argument "${argv[i]}"\n${SIMULATE_USAGE}` };
    const [, name, inline] = m;
    const raw = inline ?? argv[++i];
    if (raw === undefined) return { error: `--${name} needs a value\n${SIMULATE_USAGE}` };
    if (name === "url") {
      if (!/^mqtts?:\/\/.+/.test(raw)) return { error: `--url must be an mqtt:// or mqtts:// URL, got "${raw}"` };
      out.url = raw;
    } else if (name === "credentials") {
      out.credentials = raw;
    } else if (NUMERIC[name]) {
      const spec = NUMERIC[name];
      const value = /^\d*\.?\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(value >= spec.min && value <= spec.max) || (spec.integer && !Number.isInteger(value))) {
        return { error: `--${name} must be ${spec.integer ? "a whole number" : "a number"} from ${spec.min} to ${spec.max}, got "${raw}"` };
      }
      out[name as "sites" | "rate" | "anomaly" | "duration"] = value;
    } else {
      return { error: `unknown option --${name}\n${SIMULATE_USAGE}` };
    }
  }
  return out;
}
