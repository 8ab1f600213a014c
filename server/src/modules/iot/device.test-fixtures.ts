import { createHash, randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import type { DeviceType } from "@contracts/iot/devices";
import { createTestApp } from "../../../../test/app";
import { sha256 } from "../../platform/auth/secrets.js";
import type { Db } from "../../platform/db/client.js";
import { registryEnterprises, registryProjectParticipants, registryProjects } from "../registry/schema.js";
import { iotAlarms, iotDevices } from "./schema.js";

/**
 * IoT rows for the DB tests, inserted directly with drizzle (the services have their own tests).
 * Only test files import this.
 */

/** The field issues of an error answer's body (`details.issues`). */
export const issuesOf = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { path: string }[];

/** The IoT API tests' world: an app, live sites A and B (A's contractor bound to it), admin, leader and contractor users. */
export async function twoSites() {
  const t = await createTestApp();
  const siteA = await insertSite(t.db);
  const siteB = await insertSite(t.db);
  return {
    t,
    siteA,
    siteB,
    admin: await t.user("admin"),
    leader: await t.user("leader"),
    contractor: await t.user("enterprise", { enterpriseId: siteA.enterpriseId }),
  };
}
export type TwoSites = Awaited<ReturnType<typeof twoSites>>;

let seq = 0;
const next = () => `${process.pid % 1000}${++seq}`.padStart(8, "0");

/** An enterprise (contractor) taking part as general contractor in a new live project with coordinates. */
export async function insertSite(db: Db, opts: { enterpriseId?: string; status?: string; lng?: number | null; lat?: number | null } = {}) {
  const n = next();
  const enterpriseId =
    opts.enterpriseId ??
    (await db
      .insert(registryEnterprises)
      .values({ name: `物联测试${n}建设有限公司`, creditCode: `91330784${n.padStart(10, "0")}`.slice(0, 18), type: "contractor", legalRep: "张三" })
      .returning())[0].id;
  const [project] = await db
    .insert(registryProjects)
    .values({
      code: `IOT-${n}`,
      name: `智慧工地测试${n}工程`,
      type: "building",
      district: "江南街道",
      status: opts.status ?? "in_progress",
      permitNo: `330784-${n}`,
      lng: opts.lng === undefined ? 120.03 : opts.lng,
      lat: opts.lat === undefined ? 28.89 : opts.lat,
    })
    .returning();
  await db.insert(registryProjectParticipants).values({ projectId: project.id, enterpriseId, role: "general_contractor" });
  return { project, enterpriseId };
}

export async function insertDevice(db: Db, projectId: string, opts: Partial<typeof iotDevices.$inferInsert> = {}) {
  const [d] = await db
    .insert(iotDevices)
    .values({ projectId, type: "env_monitor", code: `DEV-${next()}`, name: "扬尘监测", secretHash: "x".repeat(64), ...opts })
    .returning();
  // Typed as on a site: it was inserted with one.
  return { ...d, projectId };
}

export async function insertAlarm(db: Db, device: { id: string; projectId: string }, opts: Partial<typeof iotAlarms.$inferInsert> = {}) {
  const [a] = await db
    .insert(iotAlarms)
    .values({ projectId: device.projectId, deviceId: device.id, ruleCode: "env.pm10", ruleName: "PM10 超标", metric: "pm10", severity: "major", value: 180, peakValue: 200, threshold: 150, ...opts })
    .returning();
  return a;
}

/** A device with a real secret (returned in clear), for tests that connect as the device. */
export async function insertDeviceWithSecret(
  db: Db,
  projectId: string | null,
  type: DeviceType,
  opts: { code?: string; reportIntervalS?: number; enabled?: boolean; enterpriseId?: string } = {},
) {
  const secret = randomBytes(24).toString("base64url");
  const code = opts.code ?? `T-${type.toUpperCase().replace("_", "")}-${next()}`;
  const [device] = await db
    .insert(iotDevices)
    .values({
      projectId,
      enterpriseId: opts.enterpriseId ?? null,
      type,
      code,
      name: `${type} ${code}`,
      reportIntervalS: opts.reportIntervalS ?? 60,
      secretHash: sha256(secret),
      digestHa1: createHash("md5").update(`${code}:sitecloud:${secret}`).digest("hex"),
      enabled: opts.enabled ?? true,
    })
    .returning();
  return { device, secret };
}

/** A gas company (企业类型 gas) that owns devices off-site, e.g. a detection vehicle. */
export async function insertGasCompany(db: Db) {
  const n = next();
  const [e] = await db
    .insert(registryEnterprises)
    .values({ name: `燃气测试${n}有限公司`, creditCode: `91330785${n.padStart(10, "0")}`.slice(0, 18), type: "gas", legalRep: "李四" })
    .returning();
  return e;
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
