import ExcelJS from "exceljs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../../../../../test/app";
import type { AlarmDetailDto, AlarmDto, AlarmStatsDto } from "@contracts/iot/alarms";
import { auditLog } from "../../../platform/audit/schema.js";
import { authUsers } from "../../identity/schema.js";
import { insertAlarm, insertDevice, insertSite, issuesOf, twoSites, type TwoSites } from "../device.test-fixtures.js";
import { iotAlarmEvents, iotAlarms } from "../schema.js";

let { t, admin, leader, contractor, siteA, siteB } = {} as TwoSites;
beforeAll(async () => ({ t, admin, leader, contractor, siteA, siteB } = await twoSites()));
afterAll(() => t.close());

const post = (user: TestUser, id: string, action: string, payload?: Record<string, unknown>) =>
  t.as(user, { method: "POST", url: `/api/v1/alarms/${id}/${action}`, ...(payload ? { payload } : {}) });

describe("GET /alarms", () => {
  it("filters by status (cleared/acked null-ness), severity, device, rule and scope; sorts by severity rank", async () => {
    const site = await insertSite(t.db, { enterpriseId: siteA.enterpriseId });
    const d = await insertDevice(t.db, site.project.id, { code: `ALM-${Date.now()}` });
    const now = Date.now();
    const at = (minAgo: number) => new Date(now - minAgo * 60_000);
    const activeUnack = await insertAlarm(t.db, d, { ruleCode: "a.1", severity: "critical", lastAt: at(1) });
    const activeAck = await insertAlarm(t.db, d, { ruleCode: "a.2", severity: "minor", ackedAt: at(2), ackedBy: "张三", lastAt: at(2) });
    const clearedUnack = await insertAlarm(t.db, d, { ruleCode: "a.3", severity: "info", clearedAt: at(3), lastAt: at(3) });
    const clearedAck = await insertAlarm(t.db, d, { ruleCode: "a.4", severity: "major", clearedAt: at(4), ackedAt: at(4), lastAt: at(4) });
    const other = await insertDevice(t.db, siteB.project.id);
    const outside = await insertAlarm(t.db, other, { ruleCode: "a.5" });

    const ids = async (user: TestUser, qs: string) =>
      ((await t.as(user, { method: "GET", url: `/api/v1/alarms?pageSize=200&${qs}` })).json() as { items: AlarmDto[] }).items.map((a) => a.id);
    const q = `deviceId=${d.id}`;
    expect(await ids(admin, q)).toEqual([activeUnack.id, activeAck.id, clearedUnack.id, clearedAck.id]);
    expect(await ids(admin, `${q}&status=active_unack`)).toEqual([activeUnack.id]);
    expect(await ids(admin, `${q}&status=active_ack`)).toEqual([activeAck.id]);
    expect(await ids(admin, `${q}&status=cleared_unack`)).toEqual([clearedUnack.id]);
    expect(await ids(admin, `${q}&status=cleared_ack`)).toEqual([clearedAck.id]);
    expect(await ids(admin, `${q}&status=active_unack,active_ack`)).toEqual([activeUnack.id, activeAck.id]);
    expect(await ids(admin, `${q}&severity=major,info`)).toEqual([clearedUnack.id, clearedAck.id]);
    expect(await ids(admin, `${q}&ruleCode=a.2`)).toEqual([activeAck.id]);
    expect(await ids(admin, `${q}&sort=-severity`)).toEqual([activeUnack.id, clearedAck.id, activeAck.id, clearedUnack.id]);
    expect(await ids(admin, `${q}&sort=severity`)).toEqual([clearedUnack.id, activeAck.id, clearedAck.id, activeUnack.id]);
    expect(await ids(admin, `projectId=${site.project.id}&q=${d.code}`)).toHaveLength(4);

    const res = await t.as(admin, { method: "GET", url: `/api/v1/alarms?${q}&status=active_ack` });
    expect(res.json().items[0]).toMatchObject({ deviceCode: d.code, deviceType: "env_monitor", projectName: site.project.name, severity: "minor", status: "active_ack", ackedBy: "张三" });

    expect(await ids(contractor, `ruleCode=a.5`)).toEqual([]);
    expect(await ids(admin, `ruleCode=a.5`)).toEqual([outside.id]);
    expect((await t.as(contractor, { method: "GET", url: `/api/v1/alarms/${outside.id}` })).statusCode).toBe(404);
  });

  it("counts active alarms by severity and the unacknowledged ones, within scope", async () => {
    const site = await insertSite(t.db);
    const user = await t.user("enterprise", { enterpriseId: site.enterpriseId });
    const d = await insertDevice(t.db, site.project.id);
    await insertAlarm(t.db, d, { ruleCode: "s.1", severity: "critical" });
    await insertAlarm(t.db, d, { ruleCode: "s.2", severity: "critical", ackedAt: new Date() });
    await insertAlarm(t.db, d, { ruleCode: "s.3", severity: "info", clearedAt: new Date() });
    await insertAlarm(t.db, d, { ruleCode: "s.4", severity: "major", clearedAt: new Date(), ackedAt: new Date() });
    const res = await t.as(user, { method: "GET", url: "/api/v1/alarms/stats" });
    expect(res.statusCode).toBe(200);
    expect(res.json() as AlarmStatsDto).toEqual({ active: { info: 0, minor: 0, major: 0, critical: 2 }, unacknowledged: 2 });
  });

  it("exports alarms as xlsx with Chinese headers", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    await insertAlarm(t.db, d, { ruleCode: "x.1", severity: "critical" });
    const res = await t.as(contractor, { method: "GET", url: `/api/v1/alarms/export?deviceId=${d.id}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("发生时间");
    expect(ws.getRow(2).getCell(3).value).toBe("紧急");
    expect(ws.getRow(2).getCell(4).value).toBe("未确认");
  });
});

describe("alarm handling", () => {
  it("ack, assign, comment and clear: history rows in order, status, audit; repeats are 409", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    const a = await insertAlarm(t.db, d, { ruleCode: "h.1" });
    const [assignee] = await t.db.insert(authUsers).values({ username: `duty_${Date.now()}`, displayName: "值班员李四", passwordHash: "x", role: "project" }).returning();

    const ack = await post(contractor, a.id, "ack", { note: "已通知现场" });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: "active_ack", ackedBy: expect.any(String) });
    const again = await post(contractor, a.id, "ack");
    expect(again.statusCode, again.body).toBe(409);

    const assigned = await post(contractor, a.id, "assign", { assigneeId: assignee.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assigneeId: assignee.id, assigneeName: "值班员李四" });

    const commented = await post(admin, a.id, "comments", { text: "已开启雾炮" });
    expect(commented.statusCode).toBe(200);

    const cleared = await post(contractor, a.id, "clear", {});
    expect(cleared.statusCode).toBe(200);
    const detail = cleared.json() as AlarmDetailDto;
    expect(detail.status).toBe("cleared_ack");
    expect(detail.clearedBy).not.toBeNull();
    expect(detail.history.map((h) => [h.kind, h.note])).toEqual([
      ["acknowledged", "已通知现场"],
      ["assigned", "值班员李四"],
      ["commented", "已开启雾炮"],
      ["cleared", null],
    ]);
    expect(detail.history.every((h) => h.severity === "major" && h.value === 180 && h.actorName)).toBe(true);
    expect((await post(contractor, a.id, "clear")).statusCode).toBe(409);

    const rows = await t.db.select().from(iotAlarmEvents).where(eq(iotAlarmEvents.alarmId, a.id)).orderBy(asc(iotAlarmEvents.id));
    expect(rows).toHaveLength(4);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, "alarm"), eq(auditLog.entityId, a.id))).orderBy(asc(auditLog.id));
    expect(audit.map((r) => r.action)).toEqual(["iot.alarm.acknowledged", "iot.alarm.assigned", "iot.alarm.commented", "iot.alarm.cleared"]);

    const fetched = (await t.as(leader, { method: "GET", url: `/api/v1/alarms/${a.id}` })).json() as AlarmDetailDto;
    expect(fetched.history).toHaveLength(4);
  });

  it("clearing first leaves the alarm cleared_unack; unassign with null", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    const a = await insertAlarm(t.db, d, { ruleCode: "h.2", assigneeName: "某人" });
    expect((await post(contractor, a.id, "clear")).json().status).toBe("cleared_unack");
    const un = await post(contractor, a.id, "assign", { assigneeId: null });
    expect(un.json()).toMatchObject({ assigneeId: null, assigneeName: null });
    expect((await post(contractor, a.id, "ack")).json().status).toBe("cleared_ack");
  });

  it("names assigneeId for an unknown or inactive user and changes nothing", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    const a = await insertAlarm(t.db, d, { ruleCode: "h.3" });
    const [inactive] = await t.db.insert(authUsers).values({ username: `gone_${Date.now()}`, displayName: "离职", passwordHash: "x", role: "project", isActive: false }).returning();
    for (const assigneeId of [inactive.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await post(admin, a.id, "assign", { assigneeId });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.body).map((i) => i.path)).toEqual(["assigneeId"]);
    }
    expect(await t.db.select().from(iotAlarmEvents).where(eq(iotAlarmEvents.alarmId, a.id))).toEqual([]);
    const [row] = await t.db.select().from(iotAlarms).where(eq(iotAlarms.id, a.id));
    expect(row.assigneeId).toBeNull();
  });

  it("needs iot.alarm.handle (403) and scope (404)", async () => {
    const other = await insertDevice(t.db, siteB.project.id);
    const a = await insertAlarm(t.db, other, { ruleCode: "h.4" });
    expect((await post(leader, a.id, "ack")).statusCode).toBe(403);
    expect((await post(contractor, a.id, "ack")).statusCode).toBe(404);
    expect((await post(contractor, a.id, "comments", { text: "x" })).statusCode).toBe(404);
    const [row] = await t.db.select().from(iotAlarms).where(eq(iotAlarms.id, a.id));
    expect(row.ackedAt).toBeNull();
  });
});
