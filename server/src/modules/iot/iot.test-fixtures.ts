import { randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import type { DeviceType } from "@contracts/iot/devices";
import { sha256 } from "../../platform/auth/secrets.js";
import type { Db } from "../../platform/db/client.js";
import { iotDevices } from "./schema.js";

/** IoT rows and clients for DB and MQTT tests. Only test files import this. */

let seq = 0;

export async function insertDevice(db: Db, projectId: string, type: DeviceType, opts: { code?: string; reportIntervalS?: number; enabled?: boolean } = {}) {
  const secret = randomBytes(24).toString("base64url");
  const code = opts.code ?? `T-${type.toUpperCase().replace("_", "")}-${process.pid}-${++seq}`;
  const [device] = await db
    .insert(iotDevices)
    .values({ projectId, type, code, name: `${type} ${seq}`, reportIntervalS: opts.reportIntervalS ?? 60, secretHash: sha256(secret), enabled: opts.enabled ?? true })
    .returning();
  return { device, secret };
}

/** An MQTT client logged in as a device (or with any credentials), connected or rejected. */
export async function connectDevice(port: number, code: string, secret: string, opts: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { username: code, password: secret, clientId: code, reconnectPeriod: 0, connectTimeout: 5000, ...opts });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", (err) => {
      client.end(true);
      reject(err);
    });
  });
  return client;
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
