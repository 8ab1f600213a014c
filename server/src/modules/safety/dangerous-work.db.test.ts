import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DangerousWorkDetailDto, DangerousWorkDto, WeeklyListDto } from "@contracts/safety/dangerous-works";
import type { ExpertDto } from "@contracts/safety/experts";
import type { Page } from "../../platform/db/pagination.js";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { registryPersons } from "../registry/schema.js";
import { safetyWorld, TINY_PDF, type SafetyWorld } from "./safety.test-fixtures.js";

let t: TestApp;
let w: SafetyWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await safetyWorld(t);
});
afterAll(() => t.close());

const api = (user: TestUser, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown) => t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
const issues = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { path: string; message: string }[];
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function register(body: Record<string, unknown>, user = w.users.gc): Promise<DangerousWorkDto> {
  const res = await api(user, "POST", `/projects/${w.P}/dangerous-works`, { name: "测试危大工程", location: "1#楼", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const move = (user: TestUser, id: string, to: string, extra: Record<string, unknown> = {}) => api(user, "POST", `/dangerous-works/${id}/transition`, { to, ...extra });
async function moveOk(user: TestUser, id: string, to: string, extra: Record<string, unknown> = {}): Promise<DangerousWorkDto> {
  const res = await move(user, id, to, extra);
  expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
  return res.json();
}
const upload = (user: TestUser, id: string, kind: string, bytes = TINY_PDF, name = "专项施工方案.pdf") =>
  t.as(user, { method: "POST", url: `/api/v1/dangerous-works/${id}/files?kind=${kind}`, ...multipart(name, bytes) });
/** Files the scheme document of the work's current revision (needed before the contractor's review is signed). */
async function fileScheme(id: string, user = w.users.gc): Promise<void> {
  const res = await upload(user, id, "scheme");
  expect(res.statusCode, res.body).toBe(201);
}
const POSTING = { disclosedOn: today, postedOn: today, responsiblePersons: "项目经理张三、专职安全员李四" };
const review = (user: TestUser, id: string, expertIds: string[], verdict: string) => api(user, "POST", `/dangerous-works/${id}/expert-reviews`, { expertIds, heldOn: today, verdict, opinion: "论证意见" });

describe("registering 危大 works", () => {
  it("classifies at save and cites the matching clauses", async () => {
    const deep = await register({ category: "foundation_pit", params: { depth_m: 6.5 } });
    expect(deep).toMatchObject({ level: "chaoweida", state: "identified", revision: 1 });
    expect(deep.levelClauses).toEqual(["建办质〔2018〕31号 附件2 一 开挖深度≥5m的深基坑"]);
    const scaffold = await register({ category: "scaffold", params: { attached_lifting: true } });
    expect(scaffold.level).toBe("weida");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, deep.id));
    expect(audit.map((a) => a.action)).toContain("safety.dangerous_work.created");
  });

  it("refuses a work below every threshold, naming the field and the thresholds", async () => {
    const res = await api(w.users.gc, "POST", `/projects/${w.P}/dangerous-works`, { category: "foundation_pit", name: "浅基坑", params: { depth_m: 2.5 } });
    expect(res.statusCode).toBe(400);
    expect(issues(res.body)[0].path).toBe("params.depth_m");
    expect(res.json().error.message).toContain("开挖深度≥3m");
  });

  it("refuses parameters the category does not have or of the wrong type", async () => {
    const res = await api(w.users.gc, "POST", `/projects/${w.P}/dangerous-works`, { category: "foundation_pit", name: "x", params: { depth_m: 6, height_m: 3, complex_conditions: 1 } });
    expect(res.statusCode).toBe(400);
    expect(issues(res.body).map((i) => i.path).sort()).toEqual(["params.complex_conditions", "params.height_m"]);
  });

  it("keeps other contractors and the bureau's read-only roles out", async () => {
    expect((await api(w.users.other, "POST", `/projects/${w.P}/dangerous-works`, { category: "underwater", name: "水下" })).statusCode).toBe(404);
    expect((await api(w.users.inspector, "POST", `/projects/${w.P}/dangerous-works`, { category: "underwater", name: "水下" })).statusCode).toBe(403);
    const mine = await register({ category: "underwater", name: "水下作业" });
    expect((await api(w.users.other, "GET", `/dangerous-works/${mine.id}`)).statusCode).toBe(404);
    expect((await api(w.users.leader, "GET", `/dangerous-works/${mine.id}`)).statusCode).toBe(200);
    const otherList = (await api(w.users.other, "GET", "/dangerous-works?pageSize=200")).json() as Page<DangerousWorkDto>;
    expect(otherList.items.some((i) => i.id === mine.id)).toBe(false);
    const cityList = (await api(w.users.inspector, "GET", "/dangerous-works?pageSize=200&level=chaoweida")).json() as Page<DangerousWorkDto>;
    expect(cityList.items.some((i) => i.id === mine.id)).toBe(true);
    expect(cityList.items.every((i) => i.level === "chaoweida")).toBe(true);
  });
});

describe("the 超危大 workflow", () => {
  it("walks through expert reviews: 不通过 → new revision and a new review, 修改后通过 → re-signed without one", async () => {
    const work = await register({ category: "formwork_support", name: "高大模板", params: { height_m: 9 } });
    expect(work.level).toBe("chaoweida");
    await moveOk(w.users.project, work.id, "scheme_drafting");
    const noScheme = await move(w.users.gc, work.id, "enterprise_review");
    expect(noScheme.statusCode).toBe(422);
    expect(issues(noScheme.body)[0]).toMatchObject({ path: "files" });
    expect(noScheme.json().error.message).toContain("第 1 版专项施工方案");
    await fileScheme(work.id);
    await moveOk(w.users.gc, work.id, "enterprise_review");
    const wrongSigner = await move(w.users.sup, work.id, "supervisor_review");
    expect(wrongSigner.statusCode).toBe(403);
    expect(wrongSigner.json().error.message).toContain("施工总承包");
    await moveOk(w.users.gc, work.id, "supervisor_review");
    const skip = await move(w.users.sup, work.id, "disclosed");
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.message).toContain("专家论证");
    await moveOk(w.users.sup, work.id, "expert_review");
    expect((await move(w.users.gc, work.id, "disclosed")).statusCode).toBe(422);

    // Expert checks: at least 5, distinct, active, no conflict of interest.
    expect((await review(w.users.gc, work.id, w.experts.slice(0, 4), "pass")).statusCode).toBe(400);
    const dup = await review(w.users.gc, work.id, [...w.experts.slice(0, 4), w.experts[0]], "pass");
    expect(issues(dup.body)[0].path).toBe("expertIds.4");
    const conflicted = await review(w.users.gc, work.id, [...w.experts.slice(0, 4), w.conflicted], "pass");
    expect(conflicted.statusCode).toBe(400);
    expect(issues(conflicted.body)[0]).toMatchObject({ path: "expertIds.4" });
    expect(issues(conflicted.body)[0].message).toContain("冲突专家");
    const inactive = await review(w.users.gc, work.id, [...w.experts.slice(0, 4), w.inactive], "pass");
    expect(issues(inactive.body)[0].message).toContain("停用");
    expect((await review(w.users.sup, work.id, w.experts.slice(0, 5), "pass")).statusCode).toBe(403);

    const failed = await review(w.users.gc, work.id, w.experts.slice(0, 5), "fail");
    expect(failed.statusCode).toBe(201);
    expect(failed.json()).toMatchObject({ state: "scheme_drafting", revision: 2 });
    // Revision 1's document does not stand for revision 2.
    expect((await move(w.users.gc, work.id, "enterprise_review")).statusCode).toBe(422);
    await fileScheme(work.id);
    await moveOk(w.users.gc, work.id, "enterprise_review");
    await moveOk(w.users.gc, work.id, "supervisor_review");
    expect((await move(w.users.sup, work.id, "disclosed")).statusCode).toBe(422);
    await moveOk(w.users.sup, work.id, "expert_review");
    const changes = await review(w.users.gc, work.id, w.experts.slice(1, 6), "pass_with_changes");
    expect(changes.json()).toMatchObject({ state: "enterprise_review", revision: 3 });
    await fileScheme(work.id);
    await moveOk(w.users.gc, work.id, "supervisor_review");
    await moveOk(w.users.sup, work.id, "disclosed");

    expect((await move(w.users.gc, work.id, "in_progress")).statusCode).toBe(422);
    const noDate = await move(w.users.gc, work.id, "posted", { data: { postedOn: today } });
    expect(noDate.statusCode).toBe(422);
    expect(issues(noDate.body)[0].path).toBe("data.disclosedOn");
    const noPersons = await move(w.users.gc, work.id, "posted", { data: { disclosedOn: today, postedOn: today, responsiblePersons: "  " } });
    expect(issues(noPersons.body)[0].path).toBe("data.responsiblePersons");
    await moveOk(w.users.gc, work.id, "posted", { data: POSTING });
    await moveOk(w.users.gc, work.id, "in_progress");
    await moveOk(w.users.gc, work.id, "acceptance");
    expect((await move(w.users.gc, work.id, "accepted")).statusCode).toBe(403);
    await moveOk(w.users.sup, work.id, "accepted");
    await moveOk(w.users.project, work.id, "closed");

    const detail = (await api(w.users.inspector, "GET", `/dangerous-works/${work.id}`)).json() as DangerousWorkDetailDto;
    expect(detail.expertReviews.map((r) => [r.revision, r.verdict])).toEqual([
      [1, "fail"],
      [2, "pass_with_changes"],
    ]);
    expect(detail.expertReviews[0].experts).toHaveLength(5);
    expect(detail.events.filter((e) => e.action !== "file_uploaded").map((e) => e.toState)).toEqual([
      "identified", "scheme_drafting", "enterprise_review", "supervisor_review", "expert_review", "scheme_drafting",
      "enterprise_review", "supervisor_review", "expert_review", "enterprise_review", "supervisor_review", "disclosed",
      "posted", "in_progress", "acceptance", "accepted", "closed",
    ]);
    expect(detail.events.find((e) => e.toState === "posted")?.data).toMatchObject(POSTING);
    expect(detail.files.map((f) => [f.kind, f.revision])).toEqual([
      ["scheme", 1],
      ["scheme", 2],
      ["scheme", 3],
    ]);
    expect(detail.nextSteps).toEqual([]);
  });

  it("a 危大 may not go to expert review and goes from the supervisor's review to disclosure", async () => {
    const work = await register({ category: "scaffold", params: { ground_height_m: 30 } });
    await moveOk(w.users.gc, work.id, "scheme_drafting");
    await fileScheme(work.id);
    for (const [user, to] of [[w.users.gc, "enterprise_review"], [w.users.gc, "supervisor_review"]] as const) await moveOk(user, work.id, to);
    const expert = await move(w.users.sup, work.id, "expert_review");
    expect(expert.statusCode).toBe(422);
    expect(expert.json().error.message).toContain("无需专家论证");
    const detail = (await api(w.users.sup, "GET", `/dangerous-works/${work.id}`)).json() as DangerousWorkDetailDto;
    expect(detail.nextSteps.find((s) => s.to === "disclosed")).toMatchObject({ allowed: true });
    expect(detail.nextSteps.find((s) => s.to === "expert_review")).toMatchObject({ allowed: false });
    await moveOk(w.users.sup, work.id, "disclosed");
  });

  it("refuses steps the workflow does not have, and returns without a reason", async () => {
    const work = await register({ category: "precast_install", name: "预制构件吊装" });
    const jump = await move(w.users.gc, work.id, "in_progress");
    expect(jump.statusCode).toBe(422);
    expect(issues(jump.body)[0].path).toBe("to");
    await moveOk(w.users.gc, work.id, "scheme_drafting");
    await fileScheme(work.id);
    await moveOk(w.users.gc, work.id, "enterprise_review");
    expect(issues((await move(w.users.gc, work.id, "scheme_drafting")).body)[0].path).toBe("note");
    await moveOk(w.users.gc, work.id, "scheme_drafting", { note: "计算书不全" });
  });

  it("a scheme change after approval re-classifies and goes back to the contractor's review as a new revision", async () => {
    const work = await register({ category: "foundation_pit", params: { depth_m: 4 } });
    await fileScheme(work.id);
    for (const [user, to] of [[w.users.gc, "scheme_drafting"], [w.users.gc, "enterprise_review"], [w.users.gc, "supervisor_review"], [w.users.sup, "disclosed"]] as const) await moveOk(user, work.id, to);
    // Past the contractor's signature the signed document cannot be swapped: a change is a new revision.
    const swap = await upload(w.users.gc, work.id, "scheme");
    expect(swap.statusCode).toBe(422);
    expect(issues(swap.body)[0].path).toBe("kind");
    const changed = await api(w.users.gc, "PUT", `/dangerous-works/${work.id}`, { params: { depth_m: 5.5 }, note: "设计变更加深" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ state: "enterprise_review", revision: 2, level: "chaoweida" });
    expect(issues((await move(w.users.gc, work.id, "supervisor_review")).body)[0].path).toBe("files");
    await fileScheme(work.id);
    await moveOk(w.users.gc, work.id, "supervisor_review");
    // Now 超危大: it needs an expert review before disclosure.
    expect((await move(w.users.sup, work.id, "disclosed")).statusCode).toBe(422);
    const below = await api(w.users.gc, "PUT", `/dangerous-works/${work.id}`, { params: { depth_m: 1 } });
    expect(issues(below.body)[0].path).toBe("params.depth_m");
    const renamed = await api(w.users.gc, "PUT", `/dangerous-works/${work.id}`, { name: "1#基坑" });
    expect(renamed.json()).toMatchObject({ state: "supervisor_review", revision: 2 });
  });

  it("records a gas company's clearance on an excavation only", async () => {
    const pit = await register({ category: "foundation_pit", params: { depth_m: 3.2 } });
    const notGas = await api(w.users.gc, "POST", `/dangerous-works/${pit.id}/gas-clearance`, { enterpriseId: w.GC, refNo: "RQ-1" });
    expect(issues(notGas.body)[0].path).toBe("enterpriseId");
    const ok = await api(w.users.gc, "POST", `/dangerous-works/${pit.id}/gas-clearance`, { enterpriseId: w.GAS, refNo: "RQ-2026-001" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().gasClearance).toMatchObject({ enterpriseId: w.GAS, refNo: "RQ-2026-001" });
    const scaffold = await register({ category: "scaffold", params: { gondola: true } });
    expect((await api(w.users.gc, "POST", `/dangerous-works/${scaffold.id}/gas-clearance`, { enterpriseId: w.GAS, refNo: "x" })).statusCode).toBe(422);
  });
});

describe("the city's lists", () => {
  it("the weekly list holds works in progress and starting this week, 超危大 first", async () => {
    const starting = await register({ category: "hand_dug_pile", name: "本周开工挖孔桩", params: { depth_m: 8 }, plannedStart: today });
    const deep = await register({ category: "hand_dug_pile", name: "实施中深挖孔桩", params: { depth_m: 20 } });
    await fileScheme(deep.id);
    for (const [user, to] of [[w.users.gc, "scheme_drafting"], [w.users.gc, "enterprise_review"], [w.users.gc, "supervisor_review"], [w.users.sup, "expert_review"]] as const) await moveOk(user, deep.id, to);
    expect((await review(w.users.gc, deep.id, w.experts.slice(0, 5), "pass")).json().state).toBe("disclosed");
    await moveOk(w.users.gc, deep.id, "posted", { data: POSTING });
    await moveOk(w.users.gc, deep.id, "in_progress");
    const weekRes = await api(w.users.inspector, "GET", `/dangerous-works/weekly?day=${today}`);
    expect(weekRes.statusCode, weekRes.body).toBe(200);
    const week = weekRes.json() as WeeklyListDto;
    const ids = week.items.map((i) => i.id);
    expect(week.items.find((i) => i.id === starting.id)?.reasons).toEqual(["starting"]);
    expect(week.items.find((i) => i.id === deep.id)?.reasons).toEqual(["in_progress"]);
    expect(ids.indexOf(deep.id)).toBeLessThan(ids.indexOf(starting.id));
    const levels = week.items.map((i) => i.level);
    expect(levels.lastIndexOf("chaoweida")).toBeLessThan(levels.indexOf("weida") === -1 ? Infinity : levels.indexOf("weida"));
    const otherWeek = (await api(w.users.other, "GET", `/dangerous-works/weekly?day=${today}`)).json() as WeeklyListDto;
    expect(otherWeek.items).toEqual([]);
  });

  it("exports the register as xlsx", async () => {
    const res = await api(w.users.leader, "GET", "/dangerous-works/export?level=chaoweida");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("the expert pool", () => {
  it("only the bureau adds experts, who need 15 years or a senior title", async () => {
    const [p] = await t.db.insert(registryPersons).values({ name: "新专家", idNumber: "330784198001010012", gender: "M", birthDate: "1980-01-01" }).returning({ id: registryPersons.id });
    const body = { personId: p.id, specialty: "lifting", title: "intermediate", years: 10 };
    expect((await api(w.users.gc, "POST", "/safety/experts", body)).statusCode).toBe(403);
    expect((await api(w.users.inspector, "POST", "/safety/experts", body)).statusCode).toBe(403);
    const young = await api(w.users.admin, "POST", "/safety/experts", body);
    expect(issues(young.body)[0].path).toBe("years");
    const ok = await api(w.users.admin, "POST", "/safety/experts", { ...body, years: 16 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await api(w.users.admin, "POST", "/safety/experts", { ...body, years: 16 })).statusCode).toBe(409);
    const off = await api(w.users.admin, "PATCH", `/safety/experts/${ok.json().id}`, { active: false });
    expect(off.json().active).toBe(false);
  });

  it("marks the experts tied to a project's enterprises when listed for it", async () => {
    const list = (await api(w.users.gc, "GET", `/safety/experts?projectId=${w.P}&pageSize=200`)).json() as Page<ExpertDto>;
    expect(list.items.find((e) => e.id === w.conflicted)?.conflict).toContain("安全测试GC");
    expect(list.items.find((e) => e.id === w.experts[0])?.conflict).toBeNull();
  });
});
