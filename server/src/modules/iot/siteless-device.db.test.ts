import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../../../../test/app";
import type { DeviceDto, DeviceWithSecretDto } from "@contracts/iot/devices";
import type { Page } from "../../platform/db/pagination.js";
import type { StoredReadings } from "./ingest/ingest.pipeline.js";
import { IngestPipeline } from "./ingest/ingest.pipeline.js";
import { insertDeviceWithSecret, insertGasCompany, issuesOf, twoSites, type TwoSites } from "./device.test-fixtures.js";
import { iotReadings } from "./readings.schema.js";
import { iotAlarms, iotDevices, iotLatest } from "./schema.js";

/** Devices owned by an enterprise instead of a site: the gas company's detection vehicle. */

let { t, admin, contractor, siteA } = {} as TwoSites;
let gasA: { id: string; name: string };
let gasB: { id: string };
let gasUserA: TestUser;
let gasUserB: TestUser;
beforeAll(async () => {
  ({ t, admin, contractor, siteA } = await twoSites());
  gasA = await insertGasCompany(t.db);
  gasB = await insertGasCompany(t.db);
  gasUserA = await t.user("gas_company", { enterpriseId: gasA.id });
  gasUserB = await t.user("gas_company", { enterpriseId: gasB.id });
});
afterAll(() => t.close());

let seq = 0;
const vehicle = (over: Record<string, unknown> = {}) => ({ type: "gas_detector", code: `VEH-T${++seq}-${Date.now() % 100000}`, name: "1号检测车", ...over });
const post = (user: TestUser, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: "/api/v1/devices", payload });

describe("registering a device off-site", () => {
  it("lets the bureau and the owning gas company register a gas detector with enterpriseId and no project", async () => {
    const byAdmin = await post(admin, vehicle({ enterpriseId: gasA.id }));
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json()).toMatchObject({ projectId: null, projectName: null, enterpriseId: gasA.id, enterpriseName: gasA.name, type: "gas_detector" });
    const byOwner = await post(gasUserA, vehicle({ enterpriseId: gasA.id }));
    expect(byOwner.statusCode, byOwner.body).toBe(201);
  });

  it("answers 404 for another gas company's or a non-gas enterprise, and 400 for a wrong owner combination", async () => {
    expect((await post(gasUserB, vehicle({ enterpriseId: gasA.id }))).statusCode).toBe(404);
    expect((await post(admin, vehicle({ enterpriseId: siteA.enterpriseId }))).statusCode).toBe(404);
    expect((await post(contractor, vehicle({ enterpriseId: gasA.id }))).statusCode).toBe(404);
    const cases: [Record<string, unknown>, string][] = [
      [vehicle({ type: "env_monitor", enterpriseId: gasA.id }), "enterpriseId"],
      [vehicle({ type: "env_monitor" }), "projectId"],
      [vehicle(), "enterpriseId"],
      [vehicle({ enterpriseId: gasA.id, projectId: siteA.project.id }), "enterpriseId"],
    ];
    for (const [payload, path] of cases) {
      const res = await post(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(issuesOf(res.body).map((i) => i.path)).toContain(path);
    }
  });
});

describe("scope of a device off-site", () => {
  it("is visible and manageable by the bureau and the owner only", async () => {
    const d = (await post(admin, vehicle({ enterpriseId: gasA.id }))).json() as DeviceWithSecretDto;
    const get = (u: TestUser) => t.as(u, { method: "GET", url: `/api/v1/devices/${d.id}` });
    expect((await get(admin)).statusCode).toBe(200);
    expect((await get(gasUserA)).statusCode).toBe(200);
    expect((await get(gasUserB)).statusCode).toBe(404);
    expect((await get(contractor)).statusCode).toBe(404);

    const listOf = async (u: TestUser) => ((await t.as(u, { method: "GET", url: "/api/v1/devices?onSite=false&pageSize=100" })).json() as Page<DeviceDto>).items.map((x) => x.id);
    expect(await listOf(gasUserA)).toContain(d.id);
    expect(await listOf(gasUserB)).not.toContain(d.id);
    expect(await listOf(contractor)).toEqual([]);

    const patch = (u: TestUser) => t.as(u, { method: "PATCH", url: `/api/v1/devices/${d.id}`, payload: { name: "检测车（新）" } });
    expect((await patch(gasUserB)).statusCode).toBe(404);
    expect((await patch(gasUserA)).statusCode).toBe(200);
    expect((await t.as(gasUserB, { method: "POST", url: `/api/v1/devices/${d.id}/rotate-secret` })).statusCode).toBe(404);
    expect((await t.as(gasUserA, { method: "POST", url: `/api/v1/devices/${d.id}/rotate-secret` })).statusCode).toBe(200);

    // Commands are a site's operations log: a device off-site takes none.
    const cmd = await t.as(admin, { method: "POST", url: `/api/v1/devices/${d.id}/commands`, payload: { name: "device.reboot" } });
    expect(cmd.statusCode, cmd.body).toBe(409);
  });
});

describe("ingest of a device off-site", () => {
  it("stores the readings but raises no site alarm, even above the methane alarm level", async () => {
    const { device, secret } = await insertDeviceWithSecret(t.db, null, "gas_detector", { enterpriseId: gasA.id });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/ingest/${device.code}/telemetry`,
      headers: { authorization: `Bearer ${secret}` },
      payload: { ts: Date.now(), values: { ch4_ppm: 30_000, lat: 28.9, lng: 120.05 } },
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.iot.pipeline.drain();
    const stored = await t.db.select().from(iotReadings).where(eq(iotReadings.deviceId, device.id));
    expect(stored.map((r) => r.metric).sort()).toEqual(["ch4_ppm", "lat", "lng"]);
    expect(await t.db.select().from(iotLatest).where(eq(iotLatest.deviceId, device.id))).toHaveLength(3);
    expect(await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id))).toHaveLength(0);
    const [row] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, device.id));
    expect(row.online).toBe(true);
  });

  it("a detector on a site still raises its methane alarm at 50 % LEL (values above ~3,080 once overflowed the rollup)", async () => {
    const { device, secret } = await insertDeviceWithSecret(t.db, siteA.project.id, "gas_detector");
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/ingest/${device.code}/telemetry`,
      headers: { authorization: `Bearer ${secret}` },
      payload: { ts: Date.now(), values: { ch4_ppm: 30_000 } },
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.iot.pipeline.drain();
    const alarms = await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id));
    expect(alarms.map((a) => [a.ruleCode, a.severity])).toEqual([["gas.ch4", "critical"]]);
  });

  it("refuses a position out of range", async () => {
    const { device, secret } = await insertDeviceWithSecret(t.db, null, "gas_detector", { enterpriseId: gasA.id });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/ingest/${device.code}/telemetry`,
      headers: { authorization: `Bearer ${secret}` },
      payload: { ts: Date.now(), values: { ch4_ppm: 2, lat: 91, lng: 120 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ reason: "out_of_range", path: "values.lat" });
  });

  it("goes offline when silent without raising an offline alarm", async () => {
    const { device } = await insertDeviceWithSecret(t.db, null, "gas_detector", { enterpriseId: gasA.id, reportIntervalS: 10 });
    await t.db
      .update(iotDevices)
      .set({ online: true, lastSeenAt: new Date(Date.now() - 3600_000) })
      .where(eq(iotDevices.id, device.id));
    await t.app.iot.sweeper.sweep();
    const [row] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, device.id));
    expect(row.online).toBe(false);
    expect(await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id))).toHaveLength(0);
    // A second sweep neither fails nor picks it again.
    await expect(t.app.iot.sweeper.sweep()).resolves.not.toBeNull();
  });

  it("hands each stored batch to the readings handler of the device type, once per batch, and survives its failure", async () => {
    const { device: a } = await insertDeviceWithSecret(t.db, null, "gas_detector", { enterpriseId: gasA.id });
    const { device: b } = await insertDeviceWithSecret(t.db, siteA.project.id, "gas_detector");
    const { device: env } = await insertDeviceWithSecret(t.db, siteA.project.id, "env_monitor");
    const calls: StoredReadings[][] = [];
    let fail = true;
    const errors: unknown[] = [];
    const quiet = () => undefined;
    const log = { error: (o: unknown) => void errors.push(o), warn: quiet, info: quiet, debug: quiet, trace: quiet, fatal: quiet } as unknown as typeof t.app.log;
    const pipeline = new IngestPipeline({
      db: t.db,
      rules: () => t.app.iot.rules.current(),
      log,
      isActive: () => false,
      onAlarmChanges: () => undefined,
      onBackOnline: () => undefined,
      readingsHandlers: new Map([
        [
          "gas_detector",
          async (batch: StoredReadings[]) => {
            calls.push(batch);
            if (fail) throw new Error("boom");
          },
        ],
      ]),
      maxDelayMs: 50,
    });
    const info = (d: typeof a) => ({ ...d, type: d.type as "gas_detector" });
    const now = Date.now();
    await Promise.all([
      pipeline.submit(info(a), [{ metric: "ch4_ppm", ts: now, value: 2 }]),
      pipeline.submit(info(b), [{ metric: "ch4_ppm", ts: now, value: 3 }]),
      pipeline.submit({ ...env, type: "env_monitor" }, [{ metric: "pm10", ts: now, value: 50 }]),
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0].map((c) => c.device.id).sort()).toEqual([a.id, b.id].sort());
    expect(errors).toHaveLength(1);
    fail = false;
    await pipeline.submit(info(a), [{ metric: "ch4_ppm", ts: now + 1000, value: 2 }]);
    expect(calls).toHaveLength(2);
    // The failing handler did not undo the stored readings.
    expect(await t.db.select().from(iotReadings).where(eq(iotReadings.deviceId, a.id))).toHaveLength(2);
    await pipeline.close();
  });
});
