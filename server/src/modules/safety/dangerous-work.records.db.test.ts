import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationDto } from "@contracts/cases/notifications";
import type { DangerousWorkDetailDto, DangerousWorkDto, WorkFileDto } from "@contracts/safety/dangerous-works";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { safetyWorld, TINY_PDF, type SafetyWorld } from "./safety.test-fixtures.js";

/** The records around the 危大 workflow: archived documents, the subcontractor's signature, 险情 handling. */
let t: TestApp;
let w: SafetyWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await safetyWorld(t);
});
afterAll(() => t.close());

const api = (user: TestUser, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
const issues = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { path: string; message: string }[];
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const upload = (user: TestUser, id: string, kind: string, bytes = TINY_PDF, name = "专项施工方案.pdf") =>
  t.as(user, { method: "POST", url: `/api/v1/dangerous-works/${id}/files?kind=${kind}`, ...multipart(name, bytes) });
const detail = async (user: TestUser, id: string) => (await api(user, "GET", `/dangerous-works/${id}`)).json() as DangerousWorkDetailDto;
const inbox = async (user: TestUser) => ((await api(user, "GET", "/notifications?pageSize=200")).json() as { items: NotificationDto[] }).items;

async function register(body: Record<string, unknown>): Promise<DangerousWorkDto> {
  const res = await api(w.users.gc, "POST", `/projects/${w.P}/dangerous-works`, { name: "记录测试工程", location: "2#楼", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function moveOk(user: TestUser, id: string, to: string, extra: Record<string, unknown> = {}): Promise<DangerousWorkDto> {
  const res = await api(user, "POST", `/dangerous-works/${id}/transition`, { to, ...extra });
  expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
  return res.json();
}
/** A 危大 scaffold walked to 实施 by the general contractor and the supervisor. */
async function inProgress(): Promise<DangerousWorkDto> {
  const work = await register({ category: "scaffold", params: { ground_height_m: 30 } });
  expect((await upload(w.users.gc, work.id, "scheme")).statusCode).toBe(201);
  for (const [user, to] of [[w.users.gc, "scheme_drafting"], [w.users.gc, "enterprise_review"], [w.users.gc, "supervisor_review"], [w.users.sup, "disclosed"]] as const) await moveOk(user, work.id, to);
  await moveOk(w.users.gc, work.id, "posted", { data: { disclosedOn: today, postedOn: today, responsiblePersons: "项目经理张三" } });
  return moveOk(w.users.gc, work.id, "in_progress");
}

describe("archived documents", () => {
  it("files a PDF or image by its bytes, keeps its hash, and serves it only within scope", async () => {
    const work = await register({ category: "underwater", name: "水下作业" });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7]);
    const res = await upload(w.users.gc, work.id, "other", png, "..\\..\\现场照片.png");
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json() as WorkFileDto;
    expect(file).toMatchObject({ kind: "other", revision: 1, fileName: "现场照片.png", contentType: "image/png", size: png.length, sha256: createHash("sha256").update(png).digest("hex") });

    const got = await api(w.users.inspector, "GET", `/dangerous-works/${work.id}/files/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(got.headers["content-disposition"]).toContain(encodeURIComponent("现场照片.png"));
    expect(got.rawPayload.equals(png)).toBe(true);
    expect((await api(w.users.other, "GET", `/dangerous-works/${work.id}/files/${file.id}`)).statusCode).toBe(404);
    // The file id alone opens nothing: it must be this work's.
    const another = await register({ category: "underwater", name: "另一水下作业" });
    expect((await api(w.users.gc, "GET", `/dangerous-works/${another.id}/files/${file.id}`)).statusCode).toBe(404);

    const d = await detail(w.users.leader, work.id);
    expect(d.files.map((f) => f.id)).toEqual([file.id]);
    expect(d.events.at(-1)).toMatchObject({ action: "file_uploaded", note: "其他：现场照片.png" });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, work.id));
    expect(audit.map((a) => a.action)).toContain("safety.dangerous_work.file_uploaded");
  });

  it("refuses what is not a PDF or image, an empty file, an unknown kind, a caller out of scope or read-only — storing nothing", async () => {
    const work = await register({ category: "underwater", name: "拒收测试" });
    const exe = await upload(w.users.gc, work.id, "scheme", Buffer.from("MZ\x90\x00 not a document"), "方案.pdf");
    expect(exe.statusCode).toBe(400);
    expect(issues(exe.body)[0]).toMatchObject({ path: "file" });
    expect(exe.json().error.message).toContain("PDF");
    expect(issues((await upload(w.users.gc, work.id, "scheme", Buffer.alloc(0))).body)[0].path).toBe("file");
    expect((await upload(w.users.gc, work.id, "contract")).statusCode).toBe(400);
    expect((await upload(w.users.other, work.id, "scheme")).statusCode).toBe(404);
    expect((await upload(w.users.inspector, work.id, "scheme")).statusCode).toBe(403);
    const noFile = await api(w.users.gc, "POST", `/dangerous-works/${work.id}/files?kind=scheme`, {});
    expect(issues(noFile.body)[0].path).toBe("file");
    expect((await detail(w.users.gc, work.id)).files).toEqual([]);
  });
});

describe("a scheme drafted by a specialty subcontractor", () => {
  it("needs the subcontractor's signature on each revision before the general contractor's", async () => {
    const notSub = await api(w.users.gc, "POST", `/projects/${w.P}/dangerous-works`, { category: "curtain_wall", name: "幕墙", params: { height_m: 60 }, drafterEnterpriseId: w.SUP });
    expect(issues(notSub.body)[0].path).toBe("drafterEnterpriseId");
    const work = await register({ category: "curtain_wall", name: "幕墙安装", params: { height_m: 60 }, drafterEnterpriseId: w.SUB });
    expect(work).toMatchObject({ drafterEnterpriseId: w.SUB, drafterSigned: false });
    expect(work.drafterEnterpriseName).toContain("安全测试SUB");
    await moveOk(w.users.sub, work.id, "scheme_drafting");
    expect((await upload(w.users.sub, work.id, "scheme")).statusCode).toBe(201);
    await moveOk(w.users.sub, work.id, "enterprise_review");

    const early = await api(w.users.gc, "POST", `/dangerous-works/${work.id}/transition`, { to: "supervisor_review" });
    expect(early.statusCode).toBe(422);
    expect(issues(early.body)[0].path).toBe("drafterSignoff");
    expect((await detail(w.users.gc, work.id)).drafterSignoff).toMatchObject({ allowed: false });
    expect((await api(w.users.gc, "POST", `/dangerous-works/${work.id}/drafter-signoff`, {})).statusCode).toBe(403);
    expect((await detail(w.users.sub, work.id)).drafterSignoff).toEqual({ allowed: true, reason: null });
    const signed = await api(w.users.sub, "POST", `/dangerous-works/${work.id}/drafter-signoff`, { note: "分包技术负责人已审核" });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().drafterSigned).toBe(true);
    expect((await api(w.users.sub, "POST", `/dangerous-works/${work.id}/drafter-signoff`, {})).statusCode).toBe(422);

    // A new document of the same revision voids the signature: the subcontractor signed the old one.
    expect((await upload(w.users.sub, work.id, "scheme")).statusCode).toBe(201);
    expect((await detail(w.users.gc, work.id)).drafterSigned).toBe(false);
    expect((await api(w.users.sub, "POST", `/dangerous-works/${work.id}/drafter-signoff`, {})).statusCode).toBe(200);
    await moveOk(w.users.gc, work.id, "supervisor_review");
    const events = (await detail(w.users.gc, work.id)).events.map((e) => e.action);
    expect(events.filter((a) => a === "drafter_signed")).toHaveLength(2);
  });

  it("a work the general contractor drafted has no subcontractor signature to give", async () => {
    const work = await register({ category: "underwater", name: "总包编制" });
    expect((await detail(w.users.gc, work.id)).drafterSignoff).toBeNull();
    const res = await api(w.users.sub, "POST", `/dangerous-works/${work.id}/drafter-signoff`, {});
    expect(res.statusCode).toBe(422);
    expect(issues(res.body)[0].path).toBe("drafterEnterpriseId");
  });
});

describe("险情 handling", () => {
  it("reports to the bureau at once, freezes the scheme, and resumes only with the client's recovery plan and post-assessment", async () => {
    const work = await inProgress();
    const noNote = await api(w.users.gc, "POST", `/dangerous-works/${work.id}/transition`, { to: "emergency", data: { occurredAt: new Date().toISOString() } });
    expect(issues(noNote.body)[0].path).toBe("note");
    await moveOk(w.users.gc, work.id, "emergency", { note: "架体局部变形，已停止作业并撤离人员", data: { occurredAt: new Date(Date.now() - 3_600_000).toISOString() } });

    const seen = (await inbox(w.users.inspector)).find((n) => n.kind === "safety.dangerous_work.emergency" && n.link === `/safety/works/${work.id}`);
    expect(seen?.title).toContain("危大工程险情");
    expect(seen?.body).toContain("架体局部变形");
    expect((await inbox(w.users.leader)).some((n) => n.link === `/safety/works/${work.id}`)).toBe(true);
    expect((await inbox(w.users.builder)).some((n) => n.link === `/safety/works/${work.id}`)).toBe(true);
    expect((await inbox(w.users.other)).some((n) => n.link === `/safety/works/${work.id}`)).toBe(false);

    const edit = await api(w.users.gc, "PUT", `/dangerous-works/${work.id}`, { params: { ground_height_m: 40 } });
    expect(edit.statusCode).toBe(422);
    expect((await api(w.users.gc, "POST", `/dangerous-works/${work.id}/transition`, { to: "acceptance" })).statusCode).toBe(422);
    const resume = { recoveryPlan: "拆除变形架体，按原方案重新搭设并验收", postAssessment: "应急处置及时，无人员伤亡" };
    expect((await api(w.users.gc, "POST", `/dangerous-works/${work.id}/transition`, { to: "in_progress", data: resume })).statusCode).toBe(403);
    const half = await api(w.users.builder, "POST", `/dangerous-works/${work.id}/transition`, { to: "in_progress", data: { recoveryPlan: resume.recoveryPlan } });
    expect(issues(half.body)[0].path).toBe("data.postAssessment");
    expect((await upload(w.users.builder, work.id, "emergency")).statusCode).toBe(201);
    await moveOk(w.users.builder, work.id, "in_progress", { data: resume });
    const d = await detail(w.users.inspector, work.id);
    expect(d.events.filter((e) => e.action === "transition").slice(-2).map((e) => [e.fromState, e.toState])).toEqual([
      ["in_progress", "emergency"],
      ["emergency", "in_progress"],
    ]);
    expect(d.files.some((f) => f.kind === "emergency")).toBe(true);
  });
});
