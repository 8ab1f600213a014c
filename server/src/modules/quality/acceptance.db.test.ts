import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AcceptanceDto } from "@contracts/quality/acceptance";
import type { ParticipantRole } from "@contracts/registry/enums";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { pdfText } from "../../platform/pdf/pdf-text.test-fixtures.js";
import { casesCases } from "../cases/schema.js";
import { insertSite } from "../cases/inspection.test-fixtures.js";

let t: TestApp;
let inspector: TestUser;
let site: Awaited<ReturnType<typeof insertSite>>;
let signer: Record<ParticipantRole, TestUser>;
let outsider: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  inspector = await t.user("inspector", { domain: "quality" });
  site = await insertSite(t.db);
  signer = {} as Record<ParticipantRole, TestUser>;
  for (const [role, enterpriseId] of Object.entries(site.parties)) signer[role as ParticipantRole] = await t.user("enterprise", { enterpriseId });
  const other = await insertSite(t.db);
  outsider = await t.user("enterprise", { enterpriseId: other.parties.general_contractor });
});
afterAll(() => t.close());

const open = (user: TestUser, milestone: string, projectId = site.project.id) =>
  t.as(user, { method: "POST", url: `/api/v1/projects/${projectId}/acceptances`, payload: { milestone, plannedOn: "2026-05-20" } });
const sign = (user: TestUser, id: string, payload: Record<string, unknown> = { opinion: "同意验收" }) => t.as(user, { method: "POST", url: `/api/v1/acceptances/${id}/sign`, payload });
const issuesOf = (body: string) => ((JSON.parse(body) as { error: { details?: { issues?: { path: string }[] } } }).error.details?.issues ?? []).map((i) => i.path);

describe("milestone acceptance", () => {
  it("accepts 主体结构 when builder, general contractor and supervisor have each signed once", async () => {
    const res = await open(signer.builder, "main_structure");
    expect(res.statusCode).toBe(201);
    const a = res.json() as AcceptanceDto;
    expect(a).toMatchObject({ state: "open", plannedOn: "2026-05-20", requiredParties: ["builder", "general_contractor", "supervisor"], missingParties: ["builder", "general_contractor", "supervisor"] });
    expect((await open(signer.general_contractor, "main_structure")).statusCode).toBe(409);

    // The designer is not a party to 主体结构.
    const designer = await sign(signer.designer, a.id);
    expect(designer.statusCode).toBe(400);
    expect(issuesOf(designer.body)).toEqual(["role"]);

    expect((await sign(signer.builder, a.id)).json()).toMatchObject({ state: "open", missingParties: ["general_contractor", "supervisor"] });
    expect((await sign(signer.builder, a.id)).statusCode).toBe(409);
    await sign(signer.general_contractor, a.id, { opinion: "施工质量符合设计要求" });
    const done = (await sign(signer.supervisor, a.id)).json() as AcceptanceDto;
    expect(done.state).toBe("accepted");
    expect(done.acceptedAt).not.toBeNull();
    expect(done.signoffs.map((s) => [s.role, s.enterpriseId])).toEqual([
      ["builder", site.parties.builder],
      ["general_contractor", site.parties.general_contractor],
      ["supervisor", site.parties.supervisor],
    ]);
    expect(done.signoffs[1]).toMatchObject({ opinion: "施工质量符合设计要求", enterpriseName: expect.stringContaining("检查测试") });
    expect((await sign(signer.surveyor, a.id)).statusCode).toBe(409);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, "acceptance"), eq(auditLog.entityId, a.id)));
    expect(audits.map((x) => x.action)).toEqual(["quality.acceptance.opened", "quality.acceptance.signed", "quality.acceptance.signed", "quality.acceptance.signed", "quality.acceptance.accepted"]);

    // The printed record names the milestone, each party's opinion and the state, and is scoped like the acceptance.
    const pdf = await t.as(signer.builder, { method: "GET", url: `/api/v1/acceptances/${a.id}/record.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdf.rawPayload);
    for (const s of ["主体结构验收记录", "验收意见：施工质量符合设计要求", "状态：已验收", "扫码查看验收记录"]) expect(text).toContain(s);
    expect((await t.as(outsider, { method: "GET", url: `/api/v1/acceptances/${a.id}/record.pdf` })).statusCode).toBe(404);
  });

  it("opens 竣工验收 only after 地基与基础 and 主体结构 are accepted, and needs all five parties", async () => {
    const early = await open(signer.builder, "completion");
    expect(early.statusCode).toBe(400);
    expect(issuesOf(early.body)).toEqual(["milestone"]);
    expect(early.json().error.message).toContain("地基与基础");

    const fdn = (await open(signer.builder, "foundation")).json() as AcceptanceDto;
    expect(fdn.requiredParties).toEqual(["builder", "general_contractor", "supervisor", "surveyor", "designer"]);
    for (const role of ["builder", "general_contractor", "supervisor", "surveyor"] as const) await sign(signer[role], fdn.id);
    expect((await t.as(signer.builder, { method: "GET", url: `/api/v1/projects/${site.project.id}/acceptances` })).json().map((x: AcceptanceDto) => [x.milestone, x.state])).toEqual([
      ["foundation", "open"],
      ["main_structure", "accepted"],
    ]);
    expect((await open(signer.builder, "completion")).statusCode).toBe(400);
    expect((await sign(signer.designer, fdn.id)).json()).toMatchObject({ state: "accepted" });
    const completion = await open(signer.builder, "completion");
    expect(completion.statusCode).toBe(201);
  });

  it("refuses every signature while major cases are open, naming how many", async () => {
    const s = await insertSite(t.db, { roles: ["builder", "general_contractor", "supervisor"] });
    const builder = await t.user("enterprise", { enterpriseId: s.parties.builder });
    const a = (await open(builder, "main_structure", s.project.id)).json() as AcceptanceDto;
    const row = { projectId: s.project.id, source: "inspection", category: "quality", title: "混凝土强度不合格", deadline: new Date(Date.now() + 86_400_000), issuerName: "检查员" };
    await t.db.insert(casesCases).values([
      { ...row, no: `ZG-TEST-${Date.now()}-1`, grade: "major" },
      { ...row, no: `ZG-TEST-${Date.now()}-2`, grade: "major" },
      { ...row, no: `ZG-TEST-${Date.now()}-3`, grade: "general" },
      { ...row, no: `ZG-TEST-${Date.now()}-4`, grade: "major", state: "closed", closedAt: new Date() },
    ]);
    const refused = await sign(builder, a.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: "PRECONDITION_FAILED", details: { openMajorCases: 2 } });
    expect(refused.json().error.message).toContain("2");
    const still = (await t.as(builder, { method: "GET", url: `/api/v1/projects/${s.project.id}/acceptances` })).json() as AcceptanceDto[];
    expect(still[0].signoffs).toEqual([]);
  });

  it("keeps to scope and roles: outsiders 404, inspectors read but do not sign, unbound users cannot sign", async () => {
    const [a] = (await t.as(inspector, { method: "GET", url: `/api/v1/projects/${site.project.id}/acceptances` })).json() as AcceptanceDto[];
    expect((await sign(outsider, a.id)).statusCode).toBe(404);
    expect((await open(outsider, "foundation")).statusCode).toBe(404);
    expect((await t.as(outsider, { method: "GET", url: `/api/v1/projects/${site.project.id}/acceptances` })).statusCode).toBe(404);
    expect((await sign(inspector, a.id)).statusCode).toBe(403);
    const projectUser = await t.user("project", { projectIds: [site.project.id] });
    expect((await sign(projectUser, a.id)).statusCode).toBe(403);

    const list = async (u: TestUser, qs = "") => ((await t.as(u, { method: "GET", url: `/api/v1/acceptances?pageSize=200${qs}` })).json() as { items: AcceptanceDto[] }).items;
    expect((await list(inspector, `&projectId=${site.project.id}&state=accepted`)).map((x) => x.milestone).sort()).toEqual(["foundation", "main_structure"]);
    expect((await list(inspector, "&milestone=completion")).map((x) => x.projectId)).toEqual([site.project.id]);
    expect(await list(outsider)).toEqual([]);
  });
});
