import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationDto } from "@contracts/cases/notifications";
import type { TestUser } from "../../../../test/app";
import { authUsers } from "../identity/schema.js";
import { EventBus } from "../../platform/events/bus.js";
import { casesWorld, serviceContext, type CasesWorld } from "./case.test-fixtures.js";
import { CASES_NOTIFIED, NotificationChannelRegistry, notify, openCase, startNotificationDispatch, sweepOverdue, type NotificationChannel } from "./index.js";
import { casesCases, casesEvents, casesNotifications } from "./schema.js";

let w: CasesWorld;
beforeAll(async () => {
  w = await casesWorld();
});
afterAll(() => w.t.close());

const get = (user: TestUser, url: string) => w.t.as(user, { method: "GET", url: `/api/v1${url}` });
const post = (user: TestUser, url: string) => w.t.as(user, { method: "POST", url: `/api/v1${url}` });
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe("notify", () => {
  it("reaches explicit users, roles (optionally one inspector domain) and a project's users — active ones only", async () => {
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    const quality = await w.t.user("inspector", { domain: "quality" });
    const retired = await w.t.user("leader");
    await w.t.db.update(authUsers).set({ isActive: false }).where(eq(authUsers.id, retired.id));
    const kind = `test.${Date.now()}`;
    const recipients = async (k: string) => (await w.t.db.select({ u: casesNotifications.userId }).from(casesNotifications).where(eq(casesNotifications.kind, k))).map((r) => r.u).sort();

    expect(await w.t.db.transaction((tx) => notify(tx, ctx, { roles: ["inspector"], domain: "quality" }, { kind: `${kind}.domain`, title: "质量" }))).toBeGreaterThanOrEqual(1);
    const domainUsers = await recipients(`${kind}.domain`);
    expect(domainUsers).toContain(quality.id);
    expect(domainUsers).not.toContain(w.inspector.id);

    await w.t.db.transaction((tx) => notify(tx, ctx, { roles: ["leader"] }, { kind: `${kind}.role`, title: "领导" }));
    expect(await recipients(`${kind}.role`)).toContain(w.leader.id);
    expect(await recipients(`${kind}.role`)).not.toContain(retired.id);

    await w.t.db.transaction((tx) => notify(tx, ctx, { projectId: w.PA.id }, { kind: `${kind}.project`, title: "项目" }));
    expect(await recipients(`${kind}.project`)).toEqual([w.contractorA.id, w.supervisorA.id, w.projectUserA.id].sort());

    expect(await w.t.db.transaction((tx) => notify(tx, ctx, { userIds: [w.contractorB.id] }, { kind: `${kind}.user`, title: "点名", link: "/x" }))).toBe(1);
    expect(await w.t.db.transaction((tx) => notify(tx, ctx, {}, { kind: `${kind}.none`, title: "无人" }))).toBe(0);
  });
});

describe("the inbox API", () => {
  it("lists only the caller's own, counts unread, marks one and all read; another's is 404", async () => {
    const user = await w.t.user("enterprise", { enterpriseId: w.A });
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    for (const title of ["一", "二", "三"]) await w.t.db.transaction((tx) => notify(tx, ctx, { userIds: [user.id] }, { kind: "test.inbox", title }));
    await w.t.db.transaction((tx) => notify(tx, ctx, { userIds: [w.contractorB.id] }, { kind: "test.inbox", title: "别人的" }));

    const list = (await get(user, "/notifications")).json() as { items: NotificationDto[]; total: number };
    expect(list.total).toBe(3);
    expect(list.items.map((n) => n.title)).toEqual(["三", "二", "一"]);
    expect((await get(user, "/notifications/unread-count")).json()).toEqual({ unread: 3 });

    const read = await post(user, `/notifications/${list.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as NotificationDto).readAt).not.toBeNull();
    expect((await get(user, "/notifications/unread-count")).json()).toEqual({ unread: 2 });
    expect(((await get(user, "/notifications?unread=true")).json() as { total: number }).total).toBe(2);

    const [others] = await w.t.db.select({ id: casesNotifications.id }).from(casesNotifications).where(eq(casesNotifications.userId, w.contractorB.id)).limit(1);
    expect((await post(user, `/notifications/${others.id}/read`)).statusCode).toBe(404);

    expect((await post(user, "/notifications/read-all")).json()).toEqual({ marked: 2 });
    expect((await get(user, "/notifications/unread-count")).json()).toEqual({ unread: 0 });
    expect(((await get(w.contractorB, "/notifications/unread-count")).json() as { unread: number }).unread).toBeGreaterThan(0);
  });
});

describe("outbound channels", () => {
  it("send each committed notification once after commit, and nothing for a rolled-back transaction", async () => {
    const events = new EventBus();
    const sent: { title: string; user: string }[] = [];
    const channel: NotificationChannel = { name: "capture", send: async (n, user) => void sent.push({ title: n.title, user: user.username }) };
    const failing: NotificationChannel = {
      name: "broken",
      send: async () => {
        throw new Error("smtp down");
      },
    };
    const dispatch = startNotificationDispatch({ db: w.t.db, events, channels: new NotificationChannelRegistry().register(failing).register(channel), log: w.t.app.log });
    const ctx = { ...serviceContext(w.t, { id: null, username: "system" }), events };
    try {
      await w.t.db.transaction(async (tx) => {
        await notify(tx, ctx, { userIds: [w.leader.id] }, { kind: "test.channel", title: "提交后发送" });
        // Still inside the transaction: the channel must not have sent yet.
        await new Promise((r) => setTimeout(r, 100));
        expect(sent).toEqual([]);
      });
      expect(await until(() => sent.length === 1)).toBe(true);
      expect(sent).toEqual([{ title: "提交后发送", user: w.leader.username }]);

      await expect(
        w.t.db.transaction(async (tx) => {
          await notify(tx, ctx, { userIds: [w.leader.id] }, { kind: "test.channel", title: "回滚不发送" });
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      await new Promise((r) => setTimeout(r, 1500));
      expect(sent.map((s) => s.title)).toEqual(["提交后发送"]);

      // Verbs publish after their own commit: delivered at once.
      const [row] = await w.t.db.insert(casesNotifications).values({ userId: w.inspector.id, kind: "test.channel", title: "已提交" }).returning();
      events.publish(CASES_NOTIFIED, { notificationIds: [row.id] });
      expect(await until(() => sent.length === 2)).toBe(true);
      expect(sent[1]).toEqual({ title: "已提交", user: w.inspector.username });
    } finally {
      dispatch.close();
    }
  });
});

describe("the overdue sweeper", () => {
  it("flags pending and rectifying cases past their deadline once, with a timeline entry, and escalates to leaders, the issuer and the responsible side", async () => {
    const inspectorCtx = serviceContext(w.t, { id: w.inspector.id, username: w.inspector.username }, "inspector");
    const openOne = (title: string) =>
      w.t.db.transaction((tx) => openCase(tx, inspectorCtx, { projectId: w.PA.id, source: "patrol", category: "safety", grade: "general", title }));
    const late = await openOne("逾期待整改");
    const lateRectifying = await openOne("逾期整改中");
    const replied = await openOne("已回复");
    const onTime = await openOne("未到期");
    const past = new Date(Date.now() - 3600_000);
    await w.t.db.update(casesCases).set({ deadline: past }).where(inArray(casesCases.id, [late.id, lateRectifying.id, replied.id]));
    await w.t.db.update(casesCases).set({ state: "rectifying" }).where(eq(casesCases.id, lateRectifying.id));
    await w.t.db.update(casesCases).set({ state: "review" }).where(eq(casesCases.id, replied.id));

    const events = new EventBus();
    const published: string[] = [];
    events.on("cases.case.overdue", (e) => void published.push(String(e.payload.caseId)));
    const flagged = await sweepOverdue(w.t.db, events);
    expect(flagged.sort()).toEqual([late.id, lateRectifying.id].sort());
    expect(await sweepOverdue(w.t.db, events)).toEqual([]);

    const rows = await w.t.db.select().from(casesCases).where(inArray(casesCases.id, [late.id, lateRectifying.id, replied.id, onTime.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(late.id)!.overdueAt).not.toBeNull();
    expect(byId.get(lateRectifying.id)!.overdueAt).not.toBeNull();
    expect(byId.get(replied.id)!.overdueAt).toBeNull();
    expect(byId.get(onTime.id)!.overdueAt).toBeNull();
    const timeline = await w.t.db.select().from(casesEvents).where(eq(casesEvents.caseId, late.id));
    expect(timeline.filter((e) => e.action === "overdue")).toHaveLength(1);

    const told = async (userId: string, caseId: string) =>
      (await w.t.db.select().from(casesNotifications).where(eq(casesNotifications.userId, userId))).some((n) => n.kind === "case.overdue" && (n.caseId === caseId || n.body.includes("、")));
    expect(await told(w.leader.id, late.id)).toBe(true);
    expect(await told(w.inspector.id, late.id)).toBe(true);
    expect(await told(w.contractorA.id, late.id)).toBe(true);
    expect(await told(w.contractorB.id, late.id)).toBe(false);
    expect(await until(() => published.length === 2)).toBe(true);

    const detail = (await get(w.contractorA, `/cases/${late.id}`)).json() as { overdue: boolean };
    expect(detail.overdue).toBe(true);
  });

  it("two sweeps at once flag each case exactly once", async () => {
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await w.t.db.transaction((tx) => openCase(tx, ctx, { projectId: w.PB.id, source: "patrol", category: "quality", grade: "general", title: `并发逾期${i}` }))).id);
    await w.t.db.update(casesCases).set({ deadline: new Date(Date.now() - 60_000) }).where(inArray(casesCases.id, ids));
    const [a, b] = await Promise.all([sweepOverdue(w.t.db, new EventBus()), sweepOverdue(w.t.db, new EventBus())]);
    expect([...a, ...b].filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    const overdueEvents = await w.t.db.select().from(casesEvents).where(inArray(casesEvents.caseId, ids));
    expect(overdueEvents.filter((e) => e.action === "overdue")).toHaveLength(6);
  });
});
