import ExcelJS from "exceljs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArrearsPageDto, PayrollDto, WageAccountDto, WageChecksDto } from "@contracts/workforce/wages";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { insertEnterprise, insertParticipant, insertPerson, insertProject, multipartFile } from "../registry/project.test-fixtures.js";
import { workforceAttendanceDays, workforcePayrolls, workforceWageAccounts, workforceWorkers } from "./schema.js";

let t: TestApp;
let leader: TestUser;
let inspector: TestUser;
let gcUser: TestUser;
let gcId: string;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.user("leader");
  inspector = await t.user("inspector", { domain: "workforce" });
  gcId = (await insertEnterprise(t.db)).id;
  gcUser = await t.user("enterprise", { enterpriseId: gcId });
});
afterAll(() => t.close());

const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { issues?: { path: string }[] } } }).error;
const paths = (res: { json(): unknown }) => errorOf(res).details?.issues?.map((i) => i.path);

async function project(opts: { visible?: boolean; actualStart?: string } = {}) {
  const p = await insertProject(t.db, { status: "in_progress", actualStart: opts.actualStart ?? "2025-01-10" });
  if (opts.visible ?? true) await insertParticipant(t.db, p.id, gcId, "general_contractor");
  return p;
}

let workerSeq = 0;
async function worker(projectId: string) {
  const person = await insertPerson(t.db, gcId);
  const [w] = await t.db
    .insert(workforceWorkers)
    .values({ workerNo: `WG${process.pid}-${++workerSeq}`, personId: person.id, projectId, employerId: gcId, trade: "rebar_worker", status: "on_site" })
    .returning();
  return { ...w, name: person.name };
}

async function attend(projectId: string, w: { id: string; personId: string }, days: string[]) {
  await t.db.insert(workforceAttendanceDays).values(
    days.map((day) => ({ projectId, personId: w.personId, workerId: w.id, day, firstIn: new Date(`${day}T07:30:00+08:00`), lastTs: new Date(`${day}T07:30:00+08:00`), lastDirection: "in", passages: 1 })),
  );
}

const days = (month: string, n: number) => Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
const enter = (user: TestUser, projectId: string, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: `/api/v1/projects/${projectId}/payrolls`, payload });

describe("wage special account", () => {
  it("stores a badly named account with warnings, masks the number, and audits the full view", async () => {
    const p = await project();
    const put = await t.as(gcUser, {
      method: "PUT",
      url: `/api/v1/projects/${p.id}/wage-account`,
      payload: { bankName: "中国农业银行永康支行", accountName: "某建设公司基本账户", accountNo: "19601234567890123", openedOn: "2025-01-20" },
    });
    expect(put.statusCode).toBe(200);
    const saved = put.json() as WageAccountDto;
    expect(saved).toMatchObject({ accountNo: "*************0123", accountNoMasked: true, openedOn: "2025-01-20" });
    expect(saved.warnings.map((w) => w.code)).toEqual(["name_without_project", "name_without_suffix"]);

    const fixed = await t.as(gcUser, {
      method: "PUT",
      url: `/api/v1/projects/${p.id}/wage-account`,
      payload: { bankName: "中国农业银行永康支行", accountName: `某建设公司${p.name}农民工工资专用账户`, accountNo: "19601234567890123", openedOn: "2025-01-20" },
    });
    expect((fixed.json() as WageAccountDto).warnings).toEqual([]);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "wage_account"), eq(auditLog.entityId, p.id))).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(["workforce.wageAccount.created", "workforce.wageAccount.updated"]);

    const masked = await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/wage-account` });
    expect(masked.json()).toMatchObject({ accountNo: "*************0123", accountNoMasked: true });
    // The leader may read, but not the full view.
    expect((await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/wage-account?full=true` })).statusCode).toBe(403);
    const full = await t.as(gcUser, { method: "GET", url: `/api/v1/projects/${p.id}/wage-account?full=true` });
    expect(full.json()).toMatchObject({ accountNo: "19601234567890123", accountNoMasked: false });
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "workforce.wageAccount.viewedFull"), eq(auditLog.entityId, p.id)));
    expect(views).toHaveLength(1);
  });

  it("answers null without an account; refuses a future opening date, other users' projects and readers", async () => {
    const p = await project();
    const none = await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/wage-account` });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    const body = { bankName: "工商银行", accountName: `${p.name}农民工工资专用账户`, accountNo: "12345678901", openedOn: "2099-01-01" };
    const future = await t.as(gcUser, { method: "PUT", url: `/api/v1/projects/${p.id}/wage-account`, payload: body });
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toEqual(["openedOn"]);
    const badNo = await t.as(gcUser, { method: "PUT", url: `/api/v1/projects/${p.id}/wage-account`, payload: { ...body, openedOn: "2025-01-01", accountNo: "12-34" } });
    expect(badNo.statusCode).toBe(400);
    const hidden = await project({ visible: false });
    expect((await t.as(gcUser, { method: "PUT", url: `/api/v1/projects/${hidden.id}/wage-account`, payload: { ...body, openedOn: "2025-01-01" } })).statusCode).toBe(404);
    expect((await t.as(gcUser, { method: "GET", url: `/api/v1/projects/${hidden.id}/wage-account` })).statusCode).toBe(404);
    expect((await t.as(leader, { method: "PUT", url: `/api/v1/projects/${p.id}/wage-account`, payload: { ...body, openedOn: "2025-01-01" } })).statusCode).toBe(403);
    expect(await t.db.select().from(workforceWageAccounts).where(eq(workforceWageAccounts.projectId, p.id))).toEqual([]);
  });
});

describe("payroll entry", () => {
  it("enters a line (amounts to 2 decimals), refuses a second for the same month (409), audits", async () => {
    const p = await project();
    const w = await worker(p.id);
    await attend(p.id, w, days("2025-03", 12));
    const res = await enter(gcUser, p.id, { workerId: w.id, month: "2025-03", days: 12, gross: 6543.2, net: 6000.05 });
    expect(res.statusCode).toBe(201);
    const line = res.json() as PayrollDto;
    expect(line).toMatchObject({ workerNo: w.workerNo, name: w.name, month: "2025-03", days: 12, attendanceDays: 12, gross: 6543.2, net: 6000.05, status: "unpaid", paidOn: null, deadline: "2025-04-15", overdue: true });
    const again = await enter(gcUser, p.id, { workerId: w.id, month: "2025-03", gross: 1, net: 1 });
    expect(again.statusCode).toBe(409);
    expect(paths(again)).toEqual(["month"]);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "workforce.payroll.created"), eq(auditLog.entityId, line.id)));
    expect(audits).toHaveLength(1);

    const paid = await enter(gcUser, p.id, { workerId: w.id, month: "2025-04", gross: 100, net: 90, paidOn: "2025-05-10", bankRef: "ABC123" });
    expect(paid.json()).toMatchObject({ status: "paid", paidOn: "2025-05-10", bankRef: "ABC123", overdue: false });
  });

  it("names the wrong field: net above gross, worker of another project, future month, paid date", async () => {
    const p = await project();
    const w = await worker(p.id);
    const elsewhere = await worker((await project()).id);
    const cases: [Record<string, unknown>, string][] = [
      [{ workerId: w.id, month: "2025-03", gross: 100, net: 100.5 }, "net"],
      [{ workerId: w.id, month: "2025-03", gross: 100.123, net: 1 }, "gross"],
      [{ workerId: elsewhere.id, month: "2025-03", gross: 100, net: 90 }, "workerId"],
      [{ workerId: w.id, month: "2099-01", gross: 100, net: 90 }, "month"],
      [{ workerId: w.id, month: "2025-03", gross: 100, net: 90, paidOn: "2025-02-01" }, "paidOn"],
    ];
    for (const [payload, field] of cases) {
      const res = await enter(gcUser, p.id, payload);
      expect(res.statusCode, field).toBe(400);
      expect(paths(res), field).toEqual([field]);
    }
    expect(await t.db.select().from(workforcePayrolls).where(eq(workforcePayrolls.projectId, p.id))).toEqual([]);
  });

  it("answers 403 without wages.manage and 404 outside the scope", async () => {
    const hidden = await project({ visible: false });
    const w = await worker(hidden.id);
    expect((await enter(leader, hidden.id, { workerId: w.id, month: "2025-03", gross: 1, net: 1 })).statusCode).toBe(403);
    expect((await enter(inspector, hidden.id, { workerId: w.id, month: "2025-03", gross: 1, net: 1 })).statusCode).toBe(403);
    expect((await enter(gcUser, hidden.id, { workerId: w.id, month: "2025-03", gross: 1, net: 1 })).statusCode).toBe(404);
    expect((await t.as(gcUser, { method: "GET", url: `/api/v1/projects/${hidden.id}/payrolls` })).statusCode).toBe(404);
  });

  it("marks a line paid (default today) or failed; a failed line may be paid again; a paid line is final", async () => {
    const p = await project();
    const w = await worker(p.id);
    const line = (await enter(gcUser, p.id, { workerId: w.id, month: "2025-06", gross: 5000, net: 4800 })).json() as PayrollDto;
    const patch = (user: TestUser, payload: Record<string, unknown>) => t.as(user, { method: "PATCH", url: `/api/v1/payrolls/${line.id}`, payload });
    const failed = await patch(gcUser, { status: "failed", bankRef: "退票-01" });
    expect(failed.json()).toMatchObject({ status: "failed", paidOn: null, bankRef: "退票-01", overdue: true });
    const tooEarly = await patch(gcUser, { status: "paid", paidOn: "2025-05-31" });
    expect(paths(tooEarly)).toEqual(["paidOn"]);
    const paid = await patch(gcUser, { status: "paid", bankRef: "BOC-7781" });
    expect(paid.statusCode).toBe(200);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(paid.json()).toMatchObject({ status: "paid", paidOn: today, bankRef: "BOC-7781", overdue: false });
    const final = await patch(gcUser, { status: "failed" });
    expect(final.statusCode).toBe(422);
    expect(errorOf(final).code).toBe("PRECONDITION_FAILED");
    const actions = (await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "payroll"), eq(auditLog.entityId, line.id)))).map((a) => a.action);
    expect(actions).toEqual(["workforce.payroll.created", "workforce.payroll.failed", "workforce.payroll.paid"]);

    const hidden = await project({ visible: false });
    const other = await worker(hidden.id);
    const [row] = await t.db.insert(workforcePayrolls).values({ workerId: other.id, projectId: hidden.id, month: "2025-06", gross: "1.00", net: "1.00" }).returning();
    expect((await t.as(gcUser, { method: "PATCH", url: `/api/v1/payrolls/${row.id}`, payload: { status: "paid" } })).statusCode).toBe(404);
  });

  it("lists a project's lines by month with attendance days, and exports them", async () => {
    const p = await project();
    const [a, b] = [await worker(p.id), await worker(p.id)];
    await attend(p.id, a, days("2025-07", 3));
    await enter(gcUser, p.id, { workerId: a.id, month: "2025-07", gross: 300, net: 300 });
    await enter(gcUser, p.id, { workerId: b.id, month: "2025-07", gross: 200, net: 200 });
    await enter(gcUser, p.id, { workerId: a.id, month: "2025-08", gross: 100, net: 100 });
    const res = await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/payrolls?month=2025-07` });
    const page = res.json() as { items: PayrollDto[]; total: number };
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.workerNo, i.attendanceDays])).toEqual([
      [a.workerNo, 3],
      [b.workerNo, 0],
    ]);
    expect(((await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/payrolls` })).json() as { total: number }).total).toBe(3);
    const xlsx = await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/payrolls/export?month=2025-07` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe(a.workerNo);
  });
});

describe("wage checks and the city arrears view", () => {
  it("finds 欠薪, pay without attendance, attendance without pay, a late account and pay before it", async () => {
    const p = await project({ actualStart: "2025-01-10" });
    const [unpaid, ghost, noPay, fine] = [await worker(p.id), await worker(p.id), await worker(p.id), await worker(p.id)];
    await attend(p.id, unpaid, days("2025-03", 5));
    await attend(p.id, noPay, days("2025-03", 4));
    await attend(p.id, fine, days("2025-03", 20));
    await t.db.insert(workforceWageAccounts).values({ projectId: p.id, bankName: "农行", accountName: `${p.name}农民工工资专用账户`, accountNo: "1234567890", openedOn: "2025-04-05" });
    await enter(gcUser, p.id, { workerId: unpaid.id, month: "2025-03", days: 5, gross: 1000, net: 900.5 });
    await enter(gcUser, p.id, { workerId: ghost.id, month: "2025-03", gross: 3000, net: 2800, paidOn: "2025-04-01" });
    await enter(gcUser, p.id, { workerId: fine.id, month: "2025-03", days: 20, gross: 6000, net: 5600, paidOn: "2025-04-10" });
    const res = await t.as(gcUser, { method: "GET", url: `/api/v1/projects/${p.id}/wage-checks?month=2025-03` });
    expect(res.statusCode).toBe(200);
    const checks = res.json() as WageChecksDto;
    expect(checks).toMatchObject({ month: "2025-03", deadline: "2025-04-15", pastDeadline: true });
    expect(checks.totals).toEqual({ payrollWorkers: 3, attendanceWorkers: 3, gross: 10000, net: 9300.5, paidNet: 8400, unpaidNet: 900.5 });
    const byCode = new Map(checks.findings.map((f) => [f.code, f]));
    expect(byCode.get("arrears")).toMatchObject({ level: "warning", amount: 900.5, workers: [{ workerId: unpaid.id }] });
    expect(byCode.get("paid_without_attendance")?.workers.map((w) => w.workerId)).toEqual([ghost.id]);
    expect(byCode.get("attendance_without_pay")).toMatchObject({ level: "warning", workers: [{ workerId: noPay.id }] });
    expect(byCode.get("account_late")?.level).toBe("warning");
    expect(byCode.get("paid_before_account")?.workers.map((w) => w.workerId)).toEqual([ghost.id]);
    expect(byCode.get("account_balance_unknown")?.level).toBe("missing_data");
    expect(byCode.has("account_missing")).toBe(false);

    const hidden = await project({ visible: false });
    expect((await t.as(gcUser, { method: "GET", url: `/api/v1/projects/${hidden.id}/wage-checks?month=2025-03` })).statusCode).toBe(404);
    const bare = (await t.as(leader, { method: "GET", url: `/api/v1/projects/${hidden.id}/wage-checks?month=2025-03` })).json() as WageChecksDto;
    expect(bare.findings.map((f) => f.code)).toEqual(["account_missing"]);
  });

  it("lists projects owing wages, largest amount first, counting workers without payroll, within the scope", async () => {
    // A separate month so the other tests' lines do not mix in.
    const month = "2024-09";
    const small = await project();
    const big = await project({ visible: false });
    const paidUp = await project();
    const s1 = await worker(small.id);
    const s2 = await worker(small.id);
    await attend(small.id, s2, days(month, 2));
    await enter(gcUser, small.id, { workerId: s1.id, month, gross: 1200, net: 1000 });
    await enter(gcUser, small.id, { workerId: s1.id, month: "2024-08", gross: 600, net: 500.25 });
    const b1 = await worker(big.id);
    await t.db.insert(workforcePayrolls).values({ workerId: b1.id, projectId: big.id, month, gross: "9000.00", net: "8000.00", status: "failed" });
    const ok = await worker(paidUp.id);
    await enter(gcUser, paidUp.id, { workerId: ok.id, month, gross: 100, net: 100, paidOn: "2024-10-10" });

    const arrears = async (user: TestUser, m: string) => {
      const res = await t.as(user, { method: "GET", url: `/api/v1/wages/arrears?month=${m}&pageSize=200` });
      expect(res.statusCode).toBe(200);
      return res.json() as ArrearsPageDto;
    };
    const city = await arrears(leader, month);
    expect(city.monthPastDeadline).toBe(true);
    const ours = city.items.filter((i) => [small.id, big.id, paidUp.id].includes(i.projectId));
    expect(ours.map((i) => i.projectId)).toEqual([big.id, small.id]);
    expect(ours[0]).toMatchObject({ unpaidNet: 8000, unpaidGross: 9000, unpaidWorkers: 1, unrecordedWorkers: 0, oldestMonth: month });
    expect(ours[1]).toMatchObject({ unpaidNet: 1500.25, unpaidGross: 1800, unpaidWorkers: 1, unpaidPayrolls: 2, oldestMonth: "2024-08", unrecordedWorkers: 1 });
    // Amounts are sorted city-wide: no row after a smaller one.
    expect(city.items.map((i) => i.unpaidNet)).toEqual([...city.items.map((i) => i.unpaidNet)].sort((x, y) => y - x));

    const own = await arrears(gcUser, month);
    expect(own.items.some((i) => i.projectId === big.id)).toBe(false);
    expect(own.items.some((i) => i.projectId === small.id)).toBe(true);
    // As of August only August's line is owed, and September's attendance is not looked at.
    const august = (await arrears(leader, "2024-08")).items.find((i) => i.projectId === small.id);
    expect(august).toMatchObject({ unpaidNet: 500.25, unrecordedWorkers: 0 });
    expect((await arrears(leader, "2024-07")).items.some((i) => i.projectId === small.id)).toBe(false);
  });
});

describe("payroll import", () => {
  const HEADERS = ["工号", "姓名", "工资月份", "出勤天数", "应发工资(元)", "实发工资(元)", "发放日期", "银行流水号"];
  async function sheet(rows: (string | number | Date | null)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("工资表");
    ws.addRow(HEADERS);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (user: TestUser, projectId: string, file: Buffer) =>
    t.as(user, { method: "POST", url: `/api/v1/projects/${projectId}/payrolls/import`, ...multipartFile("file", "工资表.xlsx", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
  async function job(user: TestUser, jobId: string) {
    for (let i = 0; i < 400; i++) {
      const res = await t.as(user, { method: "GET", url: `/api/v1/jobs/${jobId}` });
      if (res.json().status !== "running") return res.json() as { status: string; result: unknown; error: { details?: { issues?: { row: number; column: string }[] } } | null };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("job did not finish");
  }

  it("imports nothing when any row is bad, naming each row and column; then imports the corrected sheet", async () => {
    const p = await project();
    const [a, b] = [await worker(p.id), await worker(p.id)];
    const elsewhere = await worker((await project()).id);
    await enter(gcUser, p.id, { workerId: b.id, month: "2025-02", gross: 1, net: 1 });
    const bad = await sheet([
      [a.workerNo, a.name, "2025-03", 20, 6000, 5800, null, null],
      [a.workerNo, null, "2025-03", 20, 6000, 5800, null, null],
      [elsewhere.workerNo, null, "2025-03", 20, 6000, 5800, null, null],
      [b.workerNo, "张冠李戴", "2025-03", 20, 6000, 5800, null, null],
      [b.workerNo, null, "2025-02", 1, 1, 1, null, null],
      [b.workerNo, null, "2025-04", 20, 6000, 6100, null, null],
    ]);
    const res = await upload(gcUser, p.id, bad);
    expect(res.statusCode).toBe(202);
    const failed = await job(gcUser, res.json().jobId);
    expect(failed.status).toBe("failed");
    expect(failed.error?.details?.issues?.map((i) => `${i.row}:${i.column}`)).toEqual(["3:工资月份", "4:工号", "5:姓名", "6:工资月份", "7:实发工资(元)"]);
    expect(await t.db.select().from(workforcePayrolls).where(eq(workforcePayrolls.workerId, a.id))).toEqual([]);

    const good = await sheet([
      [a.workerNo, a.name, "2025/3", 20, "6,000.50", 5800, "2025-04-10", "BOC-1"],
      // Excel stores a typed month as a date: read back as that month.
      [b.workerNo, null, new Date(Date.UTC(2025, 2, 1)), 18, 5000, 4800, null, null],
    ]);
    const ok = await job(gcUser, (await upload(gcUser, p.id, good)).json().jobId);
    expect(ok).toMatchObject({ status: "succeeded", result: { imported: 2 } });
    const rows = await t.db.select().from(workforcePayrolls).where(and(eq(workforcePayrolls.projectId, p.id), eq(workforcePayrolls.month, "2025-03")));
    expect(rows.map((r) => [r.workerId, r.gross, r.net, r.status, r.paidOn]).sort()).toEqual(
      [
        [a.id, "6000.50", "5800.00", "paid", "2025-04-10"],
        [b.id, "5000.00", "4800.00", "unpaid", null],
      ].sort(),
    );
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "workforce.payroll.imported"));
    expect(audits.length).toBeGreaterThan(0);
  });

  it("refuses the upload without wages.manage or outside the scope, and serves the template", async () => {
    const hidden = await project({ visible: false });
    const file = await sheet([]);
    expect((await upload(leader, hidden.id, file)).statusCode).toBe(403);
    expect((await upload(gcUser, hidden.id, file)).statusCode).toBe(404);
    const template = await t.as(gcUser, { method: "GET", url: "/api/v1/payrolls/import-template" });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
  });
});
