import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "@contracts/registry/identifiers";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema";
import { buildActor } from "../../platform/auth/actor";
import type { ServiceContext } from "../../platform/context";
import { casesNotifications } from "../cases/schema";
import { requestEnterpriseChange } from "./enterprise-change.service";
import { registryEnterpriseChangeRequests, registryEnterprises, registryProjectParticipants, registryProjects, registryQualifications } from "./schema";

let t: TestApp;
let inspector: TestUser;
let admin: TestUser;
let leader: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  inspector = await t.user("inspector", { domain: "quality" });
  admin = await t.user("admin");
  leader = await t.user("leader");
});
afterAll(() => t.close());

let seq = 0;
const creditCode = () => {
  const first17 = `91330784C${String(++seq).padStart(8, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};

async function newEnterprise(name = `变更测试${++seq}建工有限公司`) {
  const res = await t.as(inspector, {
    method: "POST",
    url: "/api/v1/enterprises",
    payload: { name, creditCode: creditCode(), type: "contractor", legalRep: "张三", qualifications: [{ category: "建筑工程施工总承包", grade: "二级", certNo: `CQ${++seq}`, expiresOn: "2030-01-01" }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; creditCode: string; qualifications: { certNo: string }[] };
}

/** An enterprise with its own enterprise-bound user. */
async function ownedEnterprise() {
  const e = await newEnterprise();
  return { e, user: await t.user("enterprise", { enterpriseId: e.id }) };
}

const storedOf = async (id: string) => {
  const [row] = await t.db.select().from(registryEnterprises).where(eq(registryEnterprises.id, id));
  const quals = await t.db.select({ certNo: registryQualifications.certNo, grade: registryQualifications.grade }).from(registryQualifications).where(eq(registryQualifications.enterpriseId, id));
  return { ...row, quals };
};

const request = (user: TestUser, enterpriseId: string, payload: Record<string, unknown>) =>
  t.as(user, { method: "POST", url: `/api/v1/enterprises/${enterpriseId}/change-requests`, payload: { reason: "营业执照已变更", ...payload } });
const decide = (user: TestUser, id: string, verb: "approve" | "reject", payload: Record<string, unknown> = {}) =>
  t.as(user, { method: "POST", url: `/api/v1/enterprise-change-requests/${id}/${verb}`, payload });
const auditOf = (entityId: string, action: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action))).orderBy(asc(auditLog.id));

/** The user's inbox notice whose title has `titlePart`: there as soon as the request answers, committed with it. */
async function noticeOf(userId: string, titlePart: string) {
  const rows = await t.db.select().from(casesNotifications).where(eq(casesNotifications.userId, userId));
  const hit = rows.find((n) => n.title.includes(titlePart));
  if (!hit) throw new Error(`no notice "${titlePart}"`);
  return hit;
}

/** A service context of an enterprise-bound user, for calling the verbs directly. */
const contextOf = (user: TestUser, enterpriseId: string): ServiceContext =>
  t.context(buildActor({ id: user.id, username: user.username, displayName: user.username, role: "enterprise", enterpriseId }));

describe("enterprise identity: direct edits", () => {
  it("refuses an enterprise user's change of name, credit code, type, legal rep or qualifications, naming the field and writing nothing", async () => {
    const { e, user } = await ownedEnterprise();
    const before = await storedOf(e.id);
    const attempts: [string, Record<string, unknown>][] = [
      ["name", { name: "自己改的名字有限公司" }],
      ["creditCode", { creditCode: creditCode() }],
      ["type", { type: "supervisor" }],
      ["legalRep", { legalRep: "李四" }],
      ["qualifications", { qualifications: [{ category: "建筑工程施工总承包", grade: "特级", certNo: `FAKE${seq}`, expiresOn: "2040-01-01" }] }],
      ["qualifications", { qualifications: [] }],
    ];
    for (const [field, payload] of attempts) {
      const res = await t.as(user, { method: "PATCH", url: `/api/v1/enterprises/${e.id}`, payload: { contactName: "顺带改联系人", ...payload } });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(403);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    }
    expect(await storedOf(e.id)).toEqual(before);
    expect(await auditOf(e.id, "registry.enterprise.updated")).toHaveLength(0);
  });

  it("still lets the enterprise user keep its contacts and address, also when the form sends the unchanged identity back", async () => {
    const { e, user } = await ownedEnterprise();
    const res = await t.as(user, {
      method: "PATCH",
      url: `/api/v1/enterprises/${e.id}`,
      payload: { name: e.name, creditCode: e.creditCode.toLowerCase(), contactName: "王联系", contactPhone: "13900001111", address: "永康市新地址1号", district: "西城街道" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: e.name, contactName: "王联系", contactPhone: "13900001111", address: "永康市新地址1号", district: "西城街道" });
  });

  it("lets the bureau edit identity fields directly, audited", async () => {
    const { e } = await ownedEnterprise();
    const res = await t.as(inspector, { method: "PATCH", url: `/api/v1/enterprises/${e.id}`, payload: { name: "局里改名有限公司", legalRep: "赵六" } });
    expect(res.statusCode, res.body).toBe(200);
    const [audit] = await auditOf(e.id, "registry.enterprise.updated");
    expect(audit.before).toMatchObject({ name: e.name });
    expect(audit.after).toMatchObject({ name: "局里改名有限公司", legalRep: "赵六" });
  });
});

describe("enterprise change requests", () => {
  it("applies an approved request in one audited step and tells both sides", async () => {
    const { e, user } = await ownedEnterprise();
    const newCode = creditCode();
    const filed = await request(user, e.id, {
      name: "更名后建工集团有限公司",
      creditCode: newCode,
      legalRep: "张三",
      qualifications: [{ category: "建筑工程施工总承包", grade: "一级", certNo: `NEW${seq}`, expiresOn: "2031-06-30" }],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const req = filed.json();
    // The unchanged legal representative is not part of the proposal.
    expect(req).toMatchObject({ state: "pending", stale: false, enterpriseName: e.name, proposed: { name: "更名后建工集团有限公司", creditCode: newCode }, base: { name: e.name } });
    expect(req.proposed.legalRep).toBeUndefined();
    expect((await storedOf(e.id)).name).toBe(e.name);
    await noticeOf(inspector.id, e.name);

    const approved = await decide(inspector, req.id, "approve", { note: "核对营业执照无误" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: "approved", note: "核对营业执照无误", enterpriseName: "更名后建工集团有限公司" });
    const stored = await storedOf(e.id);
    expect(stored).toMatchObject({ name: "更名后建工集团有限公司", creditCode: newCode, legalRep: "张三" });
    expect(stored.quals).toEqual([{ certNo: `NEW${seq}`, grade: "一级" }]);

    const [audit] = await auditOf(e.id, "registry.enterprise.updated");
    expect(audit.before).toMatchObject({ name: e.name, creditCode: e.creditCode });
    expect(audit.after).toMatchObject({ name: "更名后建工集团有限公司", creditCode: newCode });
    expect(await auditOf(req.id, "registry.enterpriseChange.requested")).toHaveLength(1);
    const [decision] = await auditOf(req.id, "registry.enterpriseChange.approved");
    expect(decision.after).toMatchObject({ state: "approved" });
    await noticeOf(user.id, "已通过");

    expect((await decide(admin, req.id, "approve")).statusCode).toBe(409);
    expect((await decide(admin, req.id, "reject", { note: "晚了" })).statusCode).toBe(409);
  });

  it("writes nothing when what follows a filing fails: the request and its notices commit together", async () => {
    const { e, user } = await ownedEnterprise();
    const failing = { requested: () => Promise.reject(new Error("inbox down")), decided: () => Promise.reject(new Error("inbox down")) };
    await expect(requestEnterpriseChange(contextOf(user, e.id), { enterpriseId: e.id, reason: "营业执照已变更", name: "不会留下的名字有限公司" }, failing)).rejects.toThrow("inbox down");
    expect(await t.db.select().from(registryEnterpriseChangeRequests).where(eq(registryEnterpriseChangeRequests.enterpriseId, e.id))).toEqual([]);
  });

  it("rejects with a required note, leaving the enterprise as it was", async () => {
    const { e, user } = await ownedEnterprise();
    const req = (await request(user, e.id, { name: "想改的名字有限公司" })).json();
    const noNote = await decide(inspector, req.id, "reject", {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.issues[0].path).toBe("note");
    const rejected = await decide(inspector, req.id, "reject", { note: "未附营业执照" });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: "rejected", note: "未附营业执照" });
    expect((await storedOf(e.id)).name).toBe(e.name);
    expect(await auditOf(req.id, "registry.enterpriseChange.rejected")).toHaveLength(1);
    expect(await auditOf(e.id, "registry.enterprise.updated")).toHaveLength(0);
    await noticeOf(user.id, "被驳回");
    expect((await decide(inspector, req.id, "approve")).statusCode).toBe(409);
  });

  it("refuses (409, naming the fields) a request filed on data that changed since, writing nothing", async () => {
    const { e, user } = await ownedEnterprise();
    const first = (await request(user, e.id, { name: "第一次申请的名字有限公司" })).json();
    const second = (await request(user, e.id, { legalRep: "钱七" })).json();
    expect((await t.as(inspector, { method: "PATCH", url: `/api/v1/enterprises/${e.id}`, payload: { name: "局里先改了有限公司" } })).statusCode).toBe(200);

    const listed = await t.as(inspector, { method: "GET", url: `/api/v1/enterprises/${e.id}/change-requests?state=pending` });
    expect(listed.json().items.map((r: { id: string; stale: boolean }) => [r.id, r.stale])).toEqual([
      [first.id, true],
      [second.id, true],
    ]);
    const stale = await decide(inspector, first.id, "approve");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(["name"]);
    expect((await storedOf(e.id)).name).toBe("局里先改了有限公司");
    const [row] = await t.db.select().from(registryEnterpriseChangeRequests).where(eq(registryEnterpriseChangeRequests.id, first.id));
    expect(row.state).toBe("pending");
  });

  it("makes the other pending request stale once one is approved", async () => {
    const { e, user } = await ownedEnterprise();
    const a = (await request(user, e.id, { name: "甲申请有限公司" })).json();
    const b = (await request(user, e.id, { name: "乙申请有限公司" })).json();
    expect((await decide(inspector, a.id, "approve")).statusCode).toBe(200);
    expect((await decide(inspector, b.id, "approve")).statusCode).toBe(409);
    expect((await storedOf(e.id)).name).toBe("甲申请有限公司");
  });

  it("re-checks the credit code on approval: one registered meanwhile by another enterprise is a 409 naming creditCode", async () => {
    const { e, user } = await ownedEnterprise();
    const code = creditCode();
    const req = (await request(user, e.id, { creditCode: code })).json();
    const other = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises", payload: { name: `抢注${seq}有限公司`, creditCode: code, type: "contractor", legalRep: "某某" } });
    expect(other.statusCode).toBe(201);
    const res = await decide(inspector, req.id, "approve");
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues[0].path).toBe("creditCode");
    expect((await storedOf(e.id)).creditCode).toBe(e.creditCode);
    expect(await auditOf(req.id, "registry.enterpriseChange.approved")).toHaveLength(0);
  });

  it("validates the request: a reason, a well-formed and free credit code, at least one real change", async () => {
    const { e, user } = await ownedEnterprise();
    const taken = await newEnterprise();
    const noReason = await t.as(user, { method: "POST", url: `/api/v1/enterprises/${e.id}/change-requests`, payload: { name: "某某有限公司" } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].path).toBe("reason");
    const badCode = await request(user, e.id, { creditCode: "91330784ABCDEFGH12" });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.issues[0].path).toBe("creditCode");
    const dup = await request(user, e.id, { creditCode: taken.creditCode });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0].path).toBe("creditCode");
    const dupCert = await request(user, e.id, { qualifications: [{ category: "建筑工程施工总承包", grade: "一级", certNo: taken.qualifications[0].certNo, expiresOn: "2031-01-01" }] });
    expect(dupCert.statusCode).toBe(409);
    expect(dupCert.json().error.details.issues[0].path).toBe("qualifications.0.certNo");
    const nothing = await request(user, e.id, { name: e.name });
    expect(nothing.statusCode).toBe(400);
    expect(await t.db.select().from(registryEnterpriseChangeRequests).where(eq(registryEnterpriseChangeRequests.enterpriseId, e.id))).toHaveLength(0);
  });
});

describe("enterprise change requests: who may do what", () => {
  let own: Awaited<ReturnType<typeof ownedEnterprise>>;
  let partner: Awaited<ReturnType<typeof ownedEnterprise>>;
  let stranger: Awaited<ReturnType<typeof ownedEnterprise>>;
  let projectUser: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [own, partner, stranger] = [await ownedEnterprise(), await ownedEnterprise(), await ownedEnterprise()];
    const [p] = await t.db.insert(registryProjects).values({ code: `CR-${seq}`, name: "变更申请范围项目", type: "building", district: "东城街道" }).returning();
    await t.db.insert(registryProjectParticipants).values([
      { projectId: p.id, enterpriseId: own.e.id, role: "general_contractor" },
      { projectId: p.id, enterpriseId: partner.e.id, role: "supervisor" },
    ]);
    projectUser = await t.user("project", { projectIds: [p.id] });
    for (const [key, x] of Object.entries({ own, partner, stranger })) ids[key] = (await request(x.user, x.e.id, { legalRep: `新法人${key}` })).json().id;
  });

  it("lets only the enterprise's own user file a request", async () => {
    expect((await request(own.user, partner.e.id, { legalRep: "冒名" })).statusCode).toBe(403);
    expect((await request(own.user, stranger.e.id, { legalRep: "冒名" })).statusCode).toBe(404);
    expect((await request(inspector, own.e.id, { legalRep: "局里" })).statusCode).toBe(403);
    expect((await request(projectUser, own.e.id, { legalRep: "项目" })).statusCode).toBe(403);
    const gas = await t.user("gas_company", { enterpriseId: stranger.e.id });
    expect((await request(gas, own.e.id, { legalRep: "燃气" })).statusCode).toBe(404);
  });

  it("lets only the bureau's registry roles decide", async () => {
    for (const u of [own.user, partner.user, leader, projectUser]) {
      expect((await decide(u, ids.own, "approve")).statusCode).toBe(403);
      expect((await decide(u, ids.own, "reject", { note: "不行" })).statusCode).toBe(403);
    }
    expect((await decide(inspector, "00000000-0000-4000-8000-000000000000", "approve")).statusCode).toBe(404);
  });

  it("scopes the lists: the bureau sees every request, an enterprise its own only", async () => {
    const seen = async (u: TestUser, url: string) => {
      const res = await t.as(u, { method: "GET", url: `/api/v1${url}` });
      expect(res.statusCode, res.body).toBe(200);
      return new Set(res.json().items.map((r: { id: string }) => r.id));
    };
    for (const u of [inspector, admin, leader]) {
      const all = await seen(u, "/enterprise-change-requests?state=pending&pageSize=200");
      expect([ids.own, ids.partner, ids.stranger].every((id) => all.has(id))).toBe(true);
    }
    expect([...(await seen(own.user, "/enterprise-change-requests?pageSize=200"))]).toEqual([ids.own]);
    expect((await seen(projectUser, "/enterprise-change-requests?pageSize=200")).size).toBe(0);
    expect((await seen(inspector, "/enterprise-change-requests?state=rejected&pageSize=200")).has(ids.own)).toBe(false);

    expect([...(await seen(own.user, `/enterprises/${own.e.id}/change-requests`))]).toEqual([ids.own]);
    expect([...(await seen(leader, `/enterprises/${partner.e.id}/change-requests`))]).toEqual([ids.partner]);
    expect((await t.as(own.user, { method: "GET", url: `/api/v1/enterprises/${partner.e.id}/change-requests` })).statusCode).toBe(403);
    expect((await t.as(own.user, { method: "GET", url: `/api/v1/enterprises/${stranger.e.id}/change-requests` })).statusCode).toBe(404);
    expect((await t.as(projectUser, { method: "GET", url: `/api/v1/enterprises/${own.e.id}/change-requests` })).statusCode).toBe(403);
  });
});
