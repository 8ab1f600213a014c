import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InspectionDetailDto, InspectionDto, TemplateDetailDto, TemplateDto } from "@contracts/cases/inspections";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { insertSite, prepareSupervision } from "./inspection.test-fixtures.js";
import { casesCases, casesEvents } from "./schema.js";
import { MAJOR_HAZARD_TEMPLATE_CODE, QUALITY_TEMPLATE_CODE } from "./template.defaults.js";

const issuesOf = (body: string) => ((JSON.parse(body) as { error: { details?: { issues?: { path: string }[] } } }).error.details?.issues ?? []).map((i) => i.path);

let t: TestApp;
let admin: TestUser;
let inspector: TestUser;
let inspector2: TestUser;
let site: Awaited<ReturnType<typeof insertSite>>;
let other: Awaited<ReturnType<typeof insertSite>>;
let contractor: TestUser;
let outsider: TestUser;
let qualityTemplate: TemplateDetailDto;

beforeAll(async () => {
  t = await createTestApp();
  await prepareSupervision(t.db);
  admin = await t.user("admin");
  inspector = await t.user("inspector", { domain: "quality" });
  inspector2 = await t.user("inspector", { domain: "quality" });
  site = await insertSite(t.db);
  other = await insertSite(t.db);
  contractor = await t.user("enterprise", { enterpriseId: site.parties.general_contractor });
  outsider = await t.user("enterprise", { enterpriseId: other.parties.general_contractor });
  const list = (await t.as(inspector, { method: "GET", url: "/api/v1/inspection-templates" })).json() as { items: TemplateDto[] };
  const id = list.items.find((x) => x.code === QUALITY_TEMPLATE_CODE)!.id;
  qualityTemplate = (await t.as(inspector, { method: "GET", url: `/api/v1/inspection-templates/${id}` })).json() as TemplateDetailDto;
});
afterAll(() => t.close());

describe("inspection templates", () => {
  it("files the two default checklists once, with their items", async () => {
    await prepareSupervision(t.db);
    const res = await t.as(contractor, { method: "GET", url: "/api/v1/inspection-templates" });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: TemplateDto[] }).items;
    expect(items.map((x) => x.code).sort()).toEqual([QUALITY_TEMPLATE_CODE, MAJOR_HAZARD_TEMPLATE_CODE].sort());
    const mh = items.find((x) => x.code === MAJOR_HAZARD_TEMPLATE_CODE)!;
    expect(mh).toMatchObject({ version: 1, active: true, domain: "safety" });
    expect(mh.majorItemCount).toBe(mh.itemCount);
    expect(qualityTemplate.items.find((i) => i.code === "q.conc.strength")).toMatchObject({ grade: "major", category: "quality" });
  });

  it("issues a new version and retires the old one, which stays readable", async () => {
    const body = { code: "quality.site-trial", name: "试行检查表", domain: "quality", items: [{ code: "a", text: "甲", category: "quality", grade: "general", score: 5, clause: "条例" }] };
    const v1 = await t.as(inspector, { method: "POST", url: "/api/v1/inspection-templates", payload: body });
    expect(v1.statusCode).toBe(201);
    const v2 = await t.as(inspector, { method: "POST", url: "/api/v1/inspection-templates", payload: { ...body, name: "试行检查表（修订）" } });
    expect(v2.json()).toMatchObject({ code: "quality.site-trial", version: 2, active: true });
    const active = (await t.as(inspector, { method: "GET", url: "/api/v1/inspection-templates?code=quality.site-trial" })).json() as { items: TemplateDto[] };
    expect(active.items.map((x) => x.version)).toEqual([2]);
    const all = (await t.as(inspector, { method: "GET", url: "/api/v1/inspection-templates?code=quality.site-trial&activeOnly=false" })).json() as { items: TemplateDto[] };
    expect(all.items.map((x) => [x.version, x.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await t.as(inspector, { method: "GET", url: `/api/v1/inspection-templates/${v1.json().id}` })).json()).toMatchObject({ version: 1, items: [{ code: "a" }] });
  });

  it("refuses duplicate item codes, naming the item, and anyone without cases.template.manage", async () => {
    const items = [
      { code: "a", text: "甲", category: "quality", grade: "general", score: 5, clause: "" },
      { code: "a", text: "乙", category: "quality", grade: "major", score: 5, clause: "" },
    ];
    const bad = await t.as(inspector, { method: "POST", url: "/api/v1/inspection-templates", payload: { code: "dup", name: "x", domain: "quality", items } });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.body)).toEqual(["items.1.code"]);
    const denied = await t.as(contractor, { method: "POST", url: "/api/v1/inspection-templates", payload: { code: "dup", name: "x", domain: "quality", items: items.slice(0, 1) } });
    expect(denied.statusCode).toBe(403);
  });
});

const inspect = (user: TestUser, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: "/api/v1/inspections", payload });

describe("POST /inspections", () => {
  it("scores the checklist and opens one case per failed item, at the item's grade, in one go", async () => {
    const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const up = await t.as(inspector, { method: "POST", url: "/api/v1/cases/photos", ...multipart("p.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])) });
    const photo = (up.json() as { id: string }).id;
    const res = await inspect(inspector, {
      projectId: site.project.id,
      kind: "daily",
      domain: "quality",
      inspectedOn: "2026-03-02",
      templateId: qualityTemplate.id,
      inspectorIds: [inspector2.id],
      results: [
        { itemCode: "q.conc.strength", passed: false, note: "C30 试块评定不合格", photoIds: [photo] },
        { itemCode: "q.doc.sync", passed: false },
        { itemCode: "q.rebar.spec", passed: true },
      ],
      findings: [{ itemCode: "q.doc.sync", description: "资料滞后两周", enterpriseId: site.parties.supervisor, deadline }],
      summary: "主体结构检查",
    });
    expect(res.statusCode).toBe(201);
    const dto = res.json() as InspectionDetailDto;
    // 10 + 5 + 8 points checked, the 8 of rebar passed.
    expect(dto.score).toBe(Math.round((8 * 100) / 23));
    expect(dto).toMatchObject({ checkedCount: 3, failedCount: 2, caseCount: 2, majorCaseCount: 1, templateCode: QUALITY_TEMPLATE_CODE, templateVersion: 1 });
    expect(dto.inspectorIds).toEqual([inspector.id, inspector2.id]);
    expect(dto.results.find((r) => r.itemCode === "q.rebar.spec")).toMatchObject({ passed: true, caseId: null, grade: "major" });

    const cases = await t.db.select().from(casesCases).where(eq(casesCases.inspectionId, dto.id));
    const strength = cases.find((c) => c.sourceRef === `${dto.id}:q.conc.strength`)!;
    expect(strength).toMatchObject({ grade: "major", source: "inspection", category: "quality", enterpriseId: site.parties.general_contractor, description: "C30 试块评定不合格", state: "pending" });
    expect(strength.legalBasis).toContain("GB/T 50107");
    expect(strength.photoIds).toEqual([photo]);
    const docs = cases.find((c) => c.sourceRef === `${dto.id}:q.doc.sync`)!;
    expect(docs).toMatchObject({ grade: "general", enterpriseId: site.parties.supervisor, description: "资料滞后两周" });
    expect(docs.deadline.toISOString()).toBe(deadline);
    expect(dto.results.find((r) => r.itemCode === "q.doc.sync")!.caseId).toBe(docs.id);
    expect(dto.cases.map((c) => c.itemCode).sort()).toEqual(["q.conc.strength", "q.doc.sync"]);
    const events = await t.db.select().from(casesEvents).where(eq(casesEvents.caseId, strength.id));
    expect(events.map((e) => e.action)).toEqual(["opened"]);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "inspection"), eq(auditLog.entityId, dto.id)));
    expect(audits.map((a) => a.action)).toEqual(["cases.inspection.created"]);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const base = { projectId: site.project.id, kind: "daily", domain: "quality", inspectedOn: "2026-03-03", templateId: qualityTemplate.id, inspectorIds: [] };
    const before = (await t.db.select().from(casesCases)).length;
    const unknownItem = await inspect(inspector, { ...base, results: [{ itemCode: "q.doc.sync", passed: false }, { itemCode: "nope", passed: false }] });
    expect(unknownItem.statusCode).toBe(400);
    expect(issuesOf(unknownItem.body)).toEqual(["results.1.itemCode"]);
    const stranger = await inspect(inspector, {
      ...base,
      results: [{ itemCode: "q.doc.sync", passed: false }],
      findings: [{ itemCode: "q.doc.sync", enterpriseId: other.parties.general_contractor }],
    });
    expect(issuesOf(stranger.body)).toEqual(["findings.0.enterpriseId"]);
    const past = await inspect(inspector, { ...base, results: [{ itemCode: "q.doc.sync", passed: false }], findings: [{ itemCode: "q.doc.sync", deadline: "2020-01-01T00:00:00Z" }] });
    expect(issuesOf(past.body)).toEqual(["findings.0.deadline"]);
    const notInspector = await inspect(admin, { ...base, inspectorIds: [contractor.id], results: [{ itemCode: "q.doc.sync", passed: true }] });
    expect(issuesOf(notInspector.body)).toEqual(["inspectorIds"]);
    const noTemplate = await inspect(inspector, { ...base, templateId: crypto.randomUUID(), results: [{ itemCode: "q.doc.sync", passed: true }] });
    expect(issuesOf(noTemplate.body)).toEqual(["templateId"]);
    const otherDomain = await inspect(inspector, { ...base, domain: "safety", results: [{ itemCode: "q.doc.sync", passed: true }] });
    expect(issuesOf(otherDomain.body)).toEqual(["templateId"]);
    expect((await t.db.select().from(casesCases)).length).toBe(before);
  });

  it("is for inspectors: a contractor may not record one, and an unknown project is 404", async () => {
    const body = { projectId: site.project.id, kind: "daily", domain: "quality", inspectedOn: "2026-03-03", templateId: qualityTemplate.id, results: [{ itemCode: "q.doc.sync", passed: true }] };
    expect((await inspect(contractor, body)).statusCode).toBe(403);
    expect((await inspect(inspector, { ...body, projectId: crypto.randomUUID() })).statusCode).toBe(404);
  });
});

describe("reading inspections", () => {
  it("lists with filters, in scope: a contractor sees its projects' inspections only", async () => {
    const mk = (projectId: string, inspectedOn: string, kind = "special") =>
      inspect(inspector, { projectId, kind, domain: "quality", inspectedOn, templateId: qualityTemplate.id, results: [{ itemCode: "q.doc.sync", passed: true }] }).then((r) => r.json() as InspectionDetailDto);
    const a = await mk(site.project.id, "2026-01-10");
    const b = await mk(other.project.id, "2026-01-11");
    const list = async (user: TestUser, qs: string) =>
      ((await t.as(user, { method: "GET", url: `/api/v1/inspections?pageSize=200&${qs}` })).json() as { items: InspectionDto[] }).items.map((i) => i.id);
    expect(await list(admin, "kind=special&from=2026-01-01&to=2026-01-31")).toEqual([b.id, a.id]);
    expect(await list(admin, "kind=special&from=2026-01-01&to=2026-01-31&sort=inspectedOn")).toEqual([a.id, b.id]);
    expect(await list(admin, `projectId=${other.project.id}`)).toEqual([b.id]);
    expect(await list(admin, `inspectorId=${inspector2.id}`)).toHaveLength(1);
    expect(await list(contractor, "kind=special")).toEqual([a.id]);
    expect(await list(outsider, "kind=special")).toEqual([b.id]);
    expect((await t.as(outsider, { method: "GET", url: `/api/v1/inspections/${a.id}` })).statusCode).toBe(404);
    expect((await t.as(contractor, { method: "GET", url: `/api/v1/inspections/${a.id}` })).json()).toMatchObject({ id: a.id, projectName: site.project.name });
  });

  it("exports the list as an xlsx with Chinese headers", async () => {
    const res = await t.as(admin, { method: "GET", url: `/api/v1/inspections/export?projectId=${site.project.id}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("检查日期");
    expect(ws.rowCount).toBeGreaterThanOrEqual(3);
    expect(String(ws.getRow(2).getCell(2).value)).toBe(site.project.name);
  });
});
