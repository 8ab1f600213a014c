import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../../../../../test/app";
import type { CommandDto } from "@contracts/iot/commands";
import { auditLog } from "../../../platform/audit/schema.js";
import { buildActor } from "../../../platform/auth/actor.js";
import { EventBus, type DomainEvent } from "../../../platform/events/bus.js";
import { COMMAND_CREATED, insertCommand, sendCommand } from "./command.service.js";
import { insertDevice, issuesOf, type TwoSites, twoSites } from "../device.test-fixtures.js";
import { COMMAND_CHANNEL } from "../iot.notify.js";
import { iotCommands } from "../schema.js";

let { t, admin, leader, contractor, siteA, siteB } = {} as TwoSites;
beforeAll(async () => ({ t, admin, leader, contractor, siteA, siteB } = await twoSites()));
afterAll(() => t.close());

const send = (user: TestUser, deviceId: string, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: `/api/v1/devices/${deviceId}/commands`, payload });

describe("POST /devices/:id/commands", () => {
  it("queues a pending manual command with its expiry, audits it, and lists it newest first", async () => {
    const spray = await insertDevice(t.db, siteA.project.id, { type: "spray" });
    const before = Date.now();
    const res = await send(contractor, spray.id, { name: "spray.on", params: { minutes: 10 }, ttlS: 120 });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CommandDto;
    expect(c).toMatchObject({ deviceId: spray.id, deviceCode: spray.code, projectId: siteA.project.id, name: "spray.on", params: { minutes: 10 }, source: "manual", status: "pending", attempts: 0, sentAt: null, alarmId: null });
    expect(c.operatorName).not.toBeNull();
    const ttl = new Date(c.expiresAt).getTime() - new Date(c.createdAt).getTime();
    expect(ttl).toBeGreaterThanOrEqual(119_000);
    expect(ttl).toBeLessThanOrEqual(121_000);
    expect(new Date(c.createdAt).getTime()).toBeGreaterThanOrEqual(before - 5_000);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "iot.command.sent"), eq(auditLog.entityId, c.id)));
    expect(audit).toHaveLength(1);

    const off = (await send(contractor, spray.id, { name: "spray.off" })).json() as CommandDto;
    const list = (await t.as(contractor, { method: "GET", url: `/api/v1/commands?deviceId=${spray.id}` })).json() as { items: CommandDto[]; total: number };
    expect(list.items.map((i) => i.id)).toEqual([off.id, c.id]);
    const pending = (await t.as(admin, { method: "GET", url: `/api/v1/commands?deviceId=${spray.id}&status=acked` })).json() as { total: number };
    expect(pending.total).toBe(0);
  });

  it("names `name` for a command the device type does not understand", async () => {
    const env = await insertDevice(t.db, siteA.project.id, { type: "env_monitor" });
    const res = await send(admin, env.id, { name: "spray.on" });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body).map((i) => i.path)).toEqual(["name"]);
    expect(await t.db.select().from(iotCommands).where(eq(iotCommands.deviceId, env.id))).toEqual([]);
  });

  it("refuses a disabled device (409), another project's device (404) and a read-only role (403)", async () => {
    const off = await insertDevice(t.db, siteA.project.id, { type: "spray", enabled: false });
    expect((await send(admin, off.id, { name: "spray.on" })).statusCode).toBe(409);
    const other = await insertDevice(t.db, siteB.project.id, { type: "spray" });
    expect((await send(contractor, other.id, { name: "spray.on" })).statusCode).toBe(404);
    const mine = await insertDevice(t.db, siteA.project.id, { type: "spray" });
    expect((await send(leader, mine.id, { name: "spray.on" })).statusCode).toBe(403);
    const commands = await t.db.select().from(iotCommands).where(eq(iotCommands.deviceId, other.id));
    expect(commands).toEqual([]);
    // Lists are scoped too.
    await send(admin, other.id, { name: "spray.on" });
    const seen = (await t.as(contractor, { method: "GET", url: `/api/v1/commands?deviceId=${other.id}` })).json() as { total: number };
    expect(seen.total).toBe(0);
  });

  it("publishes iot.command.created after commit and announces the pending state", async () => {
    const spray = await insertDevice(t.db, siteA.project.id, { type: "spray" });
    const events = new EventBus();
    const seen: DomainEvent[] = [];
    events.on(COMMAND_CREATED, (e) => void seen.push(e));
    const heard: string[] = [];
    const listener = await t.database.listen(COMMAND_CHANNEL, (p) => heard.push(p), () => undefined);
    try {
      const actor = buildActor({ id: null, username: "tester", displayName: "测试员", role: "admin" });
      const c = await sendCommand(t.context(actor, { events }), spray.id, { name: "spray.on", params: {}, ttlS: 60 });
      await new Promise((r) => setTimeout(r, 0));
      expect(seen).toEqual([{ type: COMMAND_CREATED, payload: { commandId: c.id } }]);
      for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard.map((h) => JSON.parse(h))).toContainEqual({ commandId: c.id, deviceId: spray.id, projectId: siteA.project.id, name: "spray.on", status: "pending" });
    } finally {
      await listener.close();
    }
  });

  it("insertCommand serves the automatic linkage: source auto, alarm id, ttl", async () => {
    const spray = await insertDevice(t.db, siteA.project.id, { type: "spray" });
    const row = await insertCommand(t.db, { deviceId: spray.id, projectId: siteA.project.id, name: "spray.on", params: {}, source: "auto", operatorId: null, operatorName: null, alarmId: null, ttlS: 300 });
    expect(row).toMatchObject({ source: "auto", status: "pending", attempts: 0 });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(300_000);
  });
});
