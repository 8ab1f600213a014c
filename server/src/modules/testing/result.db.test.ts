import ExcelJS from "exceljs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionDto } from "@contracts/testing/commission";
import type { PublicReportDto, ReportDto, ResultDto } from "@contracts/testing/result";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { pdfText } from "../../platform/pdf/pdf-text.test-fixtures.js";
import { casesCases, casesNotifications } from "../cases/schema.js";
import { multipartFile } from "../registry/project.test-fixtures.js";
import { RESULT_IMPORT_COLUMNS } from "./result.sheet.js";
import { testingResults } from "./schema.js";
import { concreteCommission, errorOf, freshLot, issuePaths, testingWorld, type TestingWorld } from "./testing.test-fixtures.js";

// Until app.ts passes testingPlugin its db (wiring in the TESTING report); a no-op once it does.

let t: TestApp;
let w: TestingWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await testingWorld(t);
});
afterAll(() => t.close());

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
let codeSeq = 0;

/** A commission on the world's project, sampled when witnessed (the agency refuses unsampled witnessed samples). */
async function commissioned(over: Record<string, unknown> = {}, sample = true): Promise<CommissionDto> {
  const res = await t.as(w.users.gc, { method: "POST", url: `/api/v1/projects/${w.project.id}/testing/commissions`, payload: concreteCommission(w, over) });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json() as CommissionDto;
  if (!sample) return c;
  const sampled = await t.as(w.users.gc, {
    method: "POST",
    url: `/api/v1/testing/commissions/${c.id}/sampling`,
    payload: { sampledAt: new Date(Date.now() - 86_400_000).toISOString(), place: "现场", sampleCode: `YP${process.pid}X${++codeSeq}` },
  });
  expect(sampled.statusCode, sampled.body).toBe(200);
  return sampled.json() as CommissionDto;
}

const submit = (c: { id: string }, values: unknown[], extra: Record<string, unknown> = {}, user: TestUser = w.users.agency) =>
  t.as(user, { method: "POST", url: `/api/v1/testing/commissions/${c.id}/results`, payload: { testedOn: today(), values, ...extra } });

const notificationsOf = (userId: string) => t.db.select().from(casesNotifications).where(eq(casesNotifications.userId, userId));

describe("concrete results judged by their lot", () => {
  it("passes a first group, then fails the lot, opens a major testing case and alerts quality inspectors and the project", async () => {
    const lotNo = freshLot("C30");
    const a = await commissioned({ lotNo });
    const first = await submit(a, [[35, 36, 37]]);
    expect(first.statusCode, first.body).toBe(201);
    const r1 = first.json() as ResultDto;
    expect(r1).toMatchObject({ pass: true, method: "non_statistical", caseId: null, sampleType: "concrete", lotNo });
    expect((r1.figures as { lot: { evaluation: { mean: number; n: number } } }).lot.evaluation).toMatchObject({ mean: 36, n: 1 });

    const before = {
      quality: (await notificationsOf(w.users.quality.id)).length,
      safety: (await notificationsOf(w.users.safety.id)).length,
      projectUser: (await notificationsOf(w.users.projectUser.id)).length,
    };
    const b = await commissioned({ lotNo });
    const second = await submit(b, [25]);
    expect(second.statusCode, second.body).toBe(201);
    const r2 = second.json() as ResultDto;
    const lot = (r2.figures as { lot: { resultIds: string[]; values: number[]; evaluation: { mean: number; n: number; pass: boolean } } }).lot;
    expect(lot.resultIds).toEqual([r1.id]);
    expect(lot.values).toEqual([36, 25]);
    expect(lot.evaluation).toMatchObject({ n: 2, mean: 30.5, pass: false });
    expect(r2.pass).toBe(false);
    expect(r2.caseId).not.toBeNull();

    const [opened] = await t.db.select().from(casesCases).where(eq(casesCases.id, r2.caseId!));
    expect(opened).toMatchObject({ projectId: w.project.id, source: "testing", sourceRef: r2.id, category: "testing", grade: "major" });
    expect(opened.title).toContain("C30");
    expect(opened.legalBasis).toContain("GB/T 50107");
    const alert = (await notificationsOf(w.users.quality.id)).filter((n) => n.kind === "testing.failed");
    expect(alert.map((n) => n.caseId)).toContain(r2.caseId);
    expect((await notificationsOf(w.users.quality.id)).length).toBeGreaterThan(before.quality);
    expect((await notificationsOf(w.users.safety.id)).length).toBe(before.safety);
    expect((await notificationsOf(w.users.projectUser.id)).length).toBeGreaterThan(before.projectUser);
    expect((await notificationsOf(w.users.gc.id)).some((n) => n.caseId === r2.caseId)).toBe(true);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "testing_result"), eq(auditLog.entityId, r2.id)));
    expect(audits.map((x) => x.action)).toEqual(["testing.result.submitted"]);

    // The other party sees the verdict on its commission.
    const listed = (await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/commissions/${b.id}` })).json() as CommissionDto;
    expect(listed).toMatchObject({ state: "tested", pass: false });
  });

  it("converts 100 mm cubes and drops invalid groups", async () => {
    const c = await commissioned({ specimenSizeMm: 100, specimenCount: 6 });
    const res = await submit(c, [[40, 42, 44], [30, 40, 50]]);
    const r = res.json() as ResultDto;
    const f = r.figures as { sizeFactor: number; groups: { rule: string; value: number | null }[]; lot: { values: number[] } };
    expect(f.sizeFactor).toBe(0.95);
    expect(f.groups.map((g) => [g.rule, g.value])).toEqual([["mean", 39.9], ["invalid", null]]);
    expect(f.lot.values).toEqual([39.9]);
    expect(r.pass).toBe(true);
    const allInvalid = await commissioned();
    expect(issuePaths(await submit(allInvalid, [[30, 40, 50]]))).toEqual(["values"]);
  });

  it("never overwrites a result, and refuses unsampled witnessed samples, strangers and bad values", async () => {
    const c = await commissioned();
    expect((await submit(c, [40])).statusCode).toBe(201);
    const again = await submit(c, [41]);
    expect(again.statusCode).toBe(409);
    expect(await t.db.select().from(testingResults).where(eq(testingResults.commissionId, c.id))).toHaveLength(1);

    const unsampled = await commissioned({}, false);
    expect((await submit(unsampled, [40])).statusCode).toBe(422);
    expect((await submit(c, [40], {}, w.users.lapsedAgency)).statusCode).toBe(404);
    expect((await submit(c, [40], {}, w.users.gc)).statusCode).toBe(403);
    const fresh = await commissioned();
    expect(issuePaths(await submit(fresh, [[40, 41]]))).toContain("values.0");
    expect(issuePaths(await submit(fresh, [40], { testedOn: "2999-01-01" }))).toEqual(["testedOn"]);
  });
});

describe("rebar results", () => {
  const good = { ReL: 455, Rm: 610, A: 22, Agt: 11 };

  it("asks for a double re-test on a failed item, links the re-test and never touches the original", async () => {
    const c = await commissioned({ sampleType: "rebar", strengthClass: "HRB400", specimenCount: 2, witnessed: false, witnessPersonId: null, lotNo: freshLot("GJ") }, false);
    expect(issuePaths(await submit(c, [{ ...good, Agt: undefined }, good]))).toContain("values.0.Agt");
    const first = (await submit(c, [good, { ...good, A: 15 }])).json() as ResultDto;
    expect(first).toMatchObject({ pass: false, method: "rebar" });
    expect((first.figures as { verdict: string }).verdict).toBe("retest_required");
    expect(first.caseId).not.toBeNull();
    const [opened] = await t.db.select().from(casesCases).where(eq(casesCases.id, first.caseId!));
    expect(opened.grade).toBe("major");

    expect(issuePaths(await submit(c, [good, good, good], { retestOf: first.id }))).toEqual(["values"]);
    const retest = await submit(c, [good, good, good, good], { retestOf: first.id });
    expect(retest.statusCode, retest.body).toBe(201);
    expect(retest.json()).toMatchObject({ pass: true, retestOf: first.id, caseId: null });
    expect((await submit(c, [good, good, good, good], { retestOf: first.id })).statusCode).toBe(409);
    const [original] = await t.db.select().from(testingResults).where(eq(testingResults.id, first.id));
    expect(original.pass).toBe(false);
    const passed = await commissioned({ sampleType: "rebar", strengthClass: "HRB400", specimenCount: 2, witnessed: false, witnessPersonId: null }, false);
    const ok = (await submit(passed, [good, good])).json() as ResultDto;
    expect(issuePaths(await submit(passed, [good, good, good, good], { retestOf: ok.id }))).toEqual(["retestOf"]);
  });

  it("sizes a rebar batch by its weight and judges the paired bend specimens", async () => {
    const heavy = await commissioned({ sampleType: "rebar", strengthClass: "HRB400", specimenCount: 6, batchTonnes: 100, witnessed: false, witnessPersonId: null, lotNo: freshLot("GJ") }, false);
    expect(issuePaths(await submit(heavy, [good, good]))).toEqual(["values"]);
    const bent = await submit(heavy, [{ ...good, bendOk: true }, { ...good, bendOk: true }, { ...good, bendOk: false }]);
    expect(bent.statusCode, bent.body).toBe(201);
    expect(bent.json()).toMatchObject({ pass: false, figures: { verdict: "retest_required", requiredSpecimens: 3, batchTonnes: 100, bendResults: 3 } });
    const concrete = await t.as(w.users.gc, { method: "POST", url: `/api/v1/projects/${w.project.id}/testing/commissions`, payload: concreteCommission(w, { batchTonnes: 10 }) });
    expect(issuePaths(concrete)).toEqual(["batchTonnes"]);
  });
});

describe("reports and the public verify", () => {
  it("issues once with an unguessable code, serves a QR, revises with a reason and shows the history publicly", async () => {
    const c = await commissioned();
    const result = (await submit(c, [[38, 39, 40]])).json() as ResultDto;
    const signers = { tester: "张检", reviewer: "李审", approver: "王批" };
    expect((await t.as(w.users.gc, { method: "POST", url: `/api/v1/testing/results/${result.id}/report`, payload: { signers } })).statusCode).toBe(403);
    const issued = await t.as(w.users.agency, { method: "POST", url: `/api/v1/testing/results/${result.id}/report`, payload: { signers } });
    expect(issued.statusCode, issued.body).toBe(201);
    const report = issued.json() as ReportDto;
    expect(report).toMatchObject({ conclusion: "pass", revision: 1, revisions: [], signers });
    expect(report.verifyCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(report.verifyPath).toBe(`/verify/report/${report.verifyCode}`);
    expect((await t.as(w.users.agency, { method: "POST", url: `/api/v1/testing/results/${result.id}/report`, payload: { signers } })).statusCode).toBe(409);
    expect(((await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/commissions/${c.id}` })).json() as CommissionDto).state).toBe("reported");

    const qr = await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/reports/${report.id}/qr.png` });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers["content-type"]).toBe("image/png");
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    expect((await t.as(w.users.otherGc, { method: "GET", url: `/api/v1/testing/reports/${report.id}/qr.png` })).statusCode).toBe(404);

    // The printed report carries its number, conclusion and signers in Chinese, and is scoped like the report.
    const pdf = await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/reports/${report.id}/report.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdf.rawPayload);
    for (const s of ["检测报告", report.reportNo, "检测结论：合格", `批准：${signers.approver}`, "扫码核验报告真伪"]) expect(text).toContain(s);
    expect((await t.as(w.users.otherGc, { method: "GET", url: `/api/v1/testing/reports/${report.id}/report.pdf` })).statusCode).toBe(404);

    const pub = await t.as(null, { method: "GET", url: `/api/v1/public/reports/${report.verifyCode.toLowerCase()}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ genuine: true, reportNo: report.reportNo, projectName: w.project.name, agencyName: w.agency.name, sampleType: "concrete", strengthClass: "C30", conclusion: "pass", witnessed: true, witnessName: "见***", revision: 1, revisions: [] });

    const noReason = await t.as(w.users.agency, { method: "PATCH", url: `/api/v1/testing/reports/${report.id}`, payload: { conclusion: "fail" } });
    expect(issuePaths(noReason)).toEqual(["reason"]);
    expect(issuePaths(await t.as(w.users.agency, { method: "PATCH", url: `/api/v1/testing/reports/${report.id}`, payload: { conclusion: "pass", reason: "无变化" } }))).toEqual(["conclusion"]);
    const revised = await t.as(w.users.agency, { method: "PATCH", url: `/api/v1/testing/reports/${report.id}`, payload: { conclusion: "fail", reason: "复核发现试块编号错误" } });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ revision: 2, conclusion: "fail", revisions: [{ revision: 2, reason: "复核发现试块编号错误", changes: { conclusion: { from: "pass", to: "fail" } } }] });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "testing_report"), eq(auditLog.entityId, report.id))).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(["testing.report.issued", "testing.report.revised"]);
    const after = (await t.as(null, { method: "GET", url: `/api/v1/public/reports/${report.verifyCode}` })).json() as PublicReportDto;
    expect(after).toMatchObject({ conclusion: "fail", revision: 2 });
    expect(after.revisions.map((r) => r.reason)).toEqual(["复核发现试块编号错误"]);
    expect(JSON.stringify(after)).not.toContain(w.users.agency.username);

    // A signer change is shown, but the public page names nobody: the witness and signers by their first character.
    const resigned = await t.as(w.users.agency, { method: "PATCH", url: `/api/v1/testing/reports/${report.id}`, payload: { signers: { ...signers, approver: "赵新批" }, reason: "批准人调整" } });
    expect(resigned.statusCode, resigned.body).toBe(200);
    const third = (await t.as(null, { method: "GET", url: `/api/v1/public/reports/${report.verifyCode}` })).json() as PublicReportDto;
    expect(third.revisions[1].changes).toEqual({ signers: { from: { tester: "张*", reviewer: "李*", approver: "王*" }, to: { tester: "张*", reviewer: "李*", approver: "赵**" } } });
    for (const name of ["张检", "李审", "王批", "赵新批", "见证员王"]) expect(JSON.stringify(third)).not.toContain(name);

    const unknown = await t.as(null, { method: "GET", url: "/api/v1/public/reports/ZZZZZZZZZZZZ" });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).message).toContain("未找到该报告");
  });
});

describe("results import", () => {
  async function sheet(rows: Record<string, string | number>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("检测结果");
    ws.addRow(RESULT_IMPORT_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(RESULT_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (file: Buffer, user = w.users.agency) =>
    t.as(user, { method: "POST", url: "/api/v1/testing/results/import", ...multipartFile("file", "结果.xlsx", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
  async function waitForJob(jobId: string) {
    for (let i = 0; i < 200; i++) {
      const res = await t.as(w.users.agency, { method: "GET", url: `/api/v1/jobs/${jobId}` });
      if (res.json().status !== "running") return res.json() as { status: string; result: { imported: number } | null; error: { details?: { issues?: { row: number; column: string }[] } } | null };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("job did not finish");
  }

  it("refuses the whole sheet listing every bad row, then imports and judges a good one", async () => {
    const lotNo = freshLot("IMP");
    const a = await commissioned({ lotNo, specimenCount: 6 });
    const b = await commissioned({ sampleType: "rebar", strengthClass: "HRB400", specimenCount: 2, witnessed: false, witnessPersonId: null }, false);
    const day = today();
    const bad = await upload(
      await sheet([
        { no: a.no, testedOn: day, cube1: 36, cube2: 37, cube3: 38 },
        { no: a.no, testedOn: day, cube1: 35, cube2: "x", cube3: 36 },
        { no: "WT00000000-NONE", testedOn: day, groupValue: 30 },
        { no: b.no, testedOn: day, ReL: 455, Rm: 610, A: 22, Agt: 11 },
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(202);
    const failed = await waitForJob(bad.json().jobId);
    expect(failed.status).toBe("failed");
    const rows = failed.error?.details?.issues?.map((i) => i.row);
    expect(rows).toEqual(expect.arrayContaining([3, 4, 5]));
    expect(await t.db.select().from(testingResults).where(eq(testingResults.commissionId, a.id))).toHaveLength(0);

    const good = await upload(
      await sheet([
        { no: a.no, testedOn: day, cube1: 36, cube2: 37, cube3: 38 },
        { no: a.no, testedOn: day, groupValue: 35.5 },
        { no: b.no, testedOn: day, ReL: 455, Rm: 610, A: 22, Agt: 11 },
        { no: b.no, testedOn: day, ReL: 450, Rm: 600, A: 20, Agt: 10 },
      ]),
    );
    const done = await waitForJob(good.json().jobId);
    expect(done.status, JSON.stringify(done.error)).toBe("succeeded");
    expect(done.result).toEqual({ imported: 2 });
    const [ra] = await t.db.select().from(testingResults).where(eq(testingResults.commissionId, a.id));
    expect(ra).toMatchObject({ pass: true, method: "non_statistical" });
    expect(ra.values).toEqual([[36, 37, 38], 35.5]);
    expect((await upload(await sheet([{ no: a.no, testedOn: day, groupValue: 30 }]), w.users.gc)).statusCode).toBe(403);
  });
});
