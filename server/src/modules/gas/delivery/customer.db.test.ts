import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerDto, SafetyCheckDto } from "@contracts/gas/customer";
import { shanghaiDay } from "@contracts/platform/time";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";
import { multipartFile } from "../../registry/project.test-fixtures.js";
import { gasCustomers } from "./schema.js";
import { CUSTOMER_IMPORT_COLUMNS } from "./customer.sheet.js";
import { addMonths } from "./safety-check.calc.js";
import { gasWorld, insertCustomer, validCreditCode, validIdNumber, type GasWorld } from "./delivery.test-fixtures.js";

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

let n = 0;
const body = (over: Record<string, unknown> = {}) => ({ code: `C-${process.pid}-${++n}`, kind: "resident", name: "王大妈", idNumber: validIdNumber(), phone: "13912345678", address: "永康市西城街道2号", lat: 28.89, lng: 120.04, contractNo: "HT-001", ...over });
const create = (payload: Record<string, unknown>, user: TestUser = w.users.gasA) => t.as(user, { method: "POST", url: "/api/v1/gas/customers", payload });
const paths = (res: { json(): unknown }) => ((res.json() as { error: { details?: { issues?: { path: string }[] } } }).error.details?.issues ?? []).map((i) => i.path);

describe("real-name customers", () => {
  it("files a resident with a checked ID number, masks it, and has the first check due today", async () => {
    const input = body();
    const res = await create(input);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CustomerDto;
    expect(c).toMatchObject({ code: input.code, kind: "resident", enterpriseId: w.gasA.id, nextCheckDue: shanghaiDay(), lastCheckOn: null, checkState: "never", active: true, cylindersHeld: 0 });
    expect(c.idNumber).not.toBe(input.idNumber);
    expect(c.idNumber).toMatch(/^3307\*+\w{4}$/);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "gas.customer.created"), eq(auditLog.entityId, c.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0].after)).not.toContain(input.idNumber);

    const full = await t.as(w.users.gasA, { method: "GET", url: `/api/v1/gas/customers/${c.id}/full` });
    expect(full.json()).toMatchObject({ idNumber: input.idNumber });
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, "gas.customer.viewedFull"), eq(auditLog.entityId, c.id)))).toHaveLength(1);
    expect((await t.as(w.users.inspector, { method: "GET", url: `/api/v1/gas/customers/${c.id}/full` })).statusCode).toBe(403);
  });

  it("checks the ID by kind: a resident's ID number, a business's credit code", async () => {
    const badDigit = validIdNumber().slice(0, 17) + "Y";
    expect(paths(await create(body({ idNumber: badDigit })))).toEqual(["idNumber"]);
    expect(paths(await create(body({ kind: "catering", idNumber: validIdNumber() })))).toEqual(["idNumber"]);
    expect((await create(body({ kind: "catering", name: "老街面馆", idNumber: validCreditCode() }))).statusCode).toBe(201);
    expect(paths(await create(body({ phone: "12345" })))).toEqual(["phone"]);
    expect(paths(await create(body({ lat: 28.9, lng: null })))).toEqual(["lng"]);
    expect(paths(await create(body(), w.users.admin))).toEqual(["enterpriseId"]);
    expect((await create(body({ enterpriseId: w.gasB.id }), w.users.admin)).statusCode).toBe(201);
  });

  it("refuses a taken code or ID within the company, not across companies", async () => {
    const first = body();
    expect((await create(first)).statusCode).toBe(201);
    expect((await create({ ...body(), code: first.code })).statusCode).toBe(409);
    expect((await create({ ...body(), idNumber: first.idNumber })).statusCode).toBe(409);
    expect((await create(first, w.users.gasB)).statusCode).toBe(201);
  });

  it("updates particulars, deactivates, and hides other companies' customers (404)", async () => {
    const c = (await create(body())).json() as CustomerDto;
    const url = `/api/v1/gas/customers/${c.id}`;
    const updated = await t.as(w.users.gasA, { method: "PUT", url, payload: body({ code: c.code, name: "王阿姨" }) });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: "王阿姨", nextCheckDue: c.nextCheckDue });
    expect((await t.as(w.users.gasB, { method: "GET", url })).statusCode).toBe(404);
    expect((await t.as(w.users.gasB, { method: "PUT", url, payload: body() })).statusCode).toBe(404);
    expect((await t.as(w.users.gasA, { method: "POST", url: `${url}/active`, payload: { active: false } })).json()).toMatchObject({ active: false });
    const list = (await t.as(w.users.gasB, { method: "GET", url: `/api/v1/gas/customers?q=${c.code}` })).json() as { total: number };
    expect(list.total).toBe(0);
    expect(((await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/customers?q=${c.code}` })).json() as { total: number }).total).toBe(1);
  });

  it("filters by kind and check state, sorts, and exports masked", async () => {
    const overdue = await insertCustomer(t.db, w.gasA.id, { kind: "catering", lastCheckOn: "2020-01-01", nextCheckDue: "2021-01-01" });
    const ok = await insertCustomer(t.db, w.gasA.id, { kind: "catering", lastCheckOn: shanghaiDay(), nextCheckDue: "2099-01-01" });
    const get = async (qs: string) => ((await t.as(w.users.gasA, { method: "GET", url: `/api/v1/gas/customers?pageSize=200&${qs}` })).json() as { items: CustomerDto[] }).items.map((c) => c.id);
    const overdueIds = await get("kind=catering&checkState=overdue");
    expect(overdueIds).toContain(overdue.id);
    expect(overdueIds).not.toContain(ok.id);
    expect(await get("checkState=ok&kind=catering")).toContain(ok.id);
    expect(await get("kind=resident")).not.toContain(ok.id);
    const sorted = await get("kind=catering&sort=-nextCheckDue");
    expect(sorted.indexOf(ok.id)).toBeLessThan(sorted.indexOf(overdue.id));
    expect((await t.as(w.users.gasA, { method: "GET", url: "/api/v1/gas/customers?sort=phone" })).statusCode).toBe(400);

    const exported = await t.as(w.users.gasA, { method: "GET", url: `/api/v1/gas/customers/export?q=${overdue.code}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(2);
    expect(row.getCell(1).value).toBe(overdue.code);
    expect(String(row.getCell(4).value)).toContain("*");
    expect(row.getCell(11).value).toBe("安检逾期");
  });
});

describe("safety checks", () => {
  const check = (customerId: string, over: Record<string, unknown> = {}, user: TestUser = w.users.gasA) =>
    t.as(user, { method: "POST", url: "/api/v1/gas/safety-checks", payload: { customerId, checkedOn: "2026-03-15", alarmFitted: true, hoseOk: true, valveOk: true, ...over } });

  it("dates the next check by kind from the rule, and a failed check's re-check in 30 days", async () => {
    const resident = await insertCustomer(t.db, w.gasA.id);
    const res = await check(resident.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ passed: true, nextDueOn: "2028-03-15" } satisfies Partial<SafetyCheckDto>);
    const catering = await insertCustomer(t.db, w.gasA.id, { kind: "catering" });
    expect((await check(catering.id)).json()).toMatchObject({ nextDueOn: "2027-03-15" });
    expect((await check(catering.id, { checkedOn: "2026-04-01", alarmFitted: false })).json()).toMatchObject({ passed: false, nextDueOn: "2026-05-01" });
    const [row] = await t.db.select().from(gasCustomers).where(eq(gasCustomers.id, catering.id));
    expect(row).toMatchObject({ lastCheckOn: "2026-04-01", nextCheckDue: "2026-05-01" });
  });

  it("keeps the newest check's dates when an older check is entered late", async () => {
    const c = await insertCustomer(t.db, w.gasA.id);
    await check(c.id, { checkedOn: "2026-03-15" });
    await check(c.id, { checkedOn: "2025-01-01" });
    const [row] = await t.db.select().from(gasCustomers).where(eq(gasCustomers.id, c.id));
    expect(row).toMatchObject({ lastCheckOn: "2026-03-15", nextCheckDue: addMonths("2026-03-15", 24) });
    const history = (await t.as(w.users.inspector, { method: "GET", url: `/api/v1/gas/safety-checks?customerId=${c.id}` })).json() as { items: SafetyCheckDto[] };
    expect(history.items.map((h) => h.checkedOn)).toEqual(["2026-03-15", "2025-01-01"]);
  });

  it("refuses a future date, another company's checker, another company's customer", async () => {
    const c = await insertCustomer(t.db, w.gasA.id);
    expect(paths(await check(c.id, { checkedOn: "2999-01-01" }))).toEqual(["checkedOn"]);
    expect((await check(c.id, {}, w.users.gasB)).statusCode).toBe(404);
    expect((await check(c.id, {}, w.users.inspector)).statusCode).toBe(403);
    expect(paths(await check(c.id, { checkerId: c.id }))).toEqual(["checkerId"]);
    expect((await check(c.id, { checkerId: w.courierA.id })).statusCode).toBe(201);
    // A photo id of the right shape that was never uploaded is refused (never stored as a dangling reference).
    expect(paths(await check(c.id, { photoIds: ["2026-12-0f8fad5b-d9cb-469f-a165-70867728950e.jpg"] }))[0]).toMatch(/^photoIds/);
  });
});

describe("customers import", () => {
  async function sheet(rows: Record<string, string | number>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("燃气用户");
    ws.addRow(CUSTOMER_IMPORT_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(CUSTOMER_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (file: Buffer, user: TestUser = w.users.gasA) =>
    t.as(user, { method: "POST", url: "/api/v1/gas/customers/import", ...multipartFile("file", "用户.xlsx", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
  async function waitForJob(jobId: string, user: TestUser = w.users.gasA) {
    for (let i = 0; i < 200; i++) {
      const res = await t.as(user, { method: "GET", url: `/api/v1/jobs/${jobId}` });
      const job = res.json() as { status: string; result: { imported: number } | null; error: { details?: { issues?: { row: number; column: string }[] } } | null };
      if (job.status !== "running") return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("job did not finish");
  }

  it("refuses the whole sheet listing every bad row, then imports a good one", async () => {
    const taken = await insertCustomer(t.db, w.gasA.id);
    const id = validIdNumber();
    const good = { code: `IMP-${process.pid}-1`, kind: "居民", name: "李", idNumber: id, phone: 13800001111, address: "永康市1号", lastCheckOn: "2025-06-01" };
    const rows = [
      good,
      { ...good, code: `IMP-${process.pid}-2` },
      { ...good, code: taken.code, idNumber: validIdNumber() },
      { ...good, code: `IMP-${process.pid}-4`, kind: "餐饮", idNumber: validIdNumber() },
      { ...good, code: `IMP-${process.pid}-5`, idNumber: validIdNumber(), phone: "abc" },
    ];
    const res = await upload(await sheet(rows));
    expect(res.statusCode).toBe(202);
    const job = await waitForJob((res.json() as { jobId: string }).jobId);
    expect(job.status).toBe("failed");
    expect(job.error?.details?.issues?.map((i) => [i.row, i.column])).toEqual([
      [3, "证件号码"],
      [4, "用户编号"],
      [5, "证件号码"],
      [6, "电话"],
    ]);
    expect(await t.db.select().from(gasCustomers).where(eq(gasCustomers.code, good.code))).toEqual([]);

    const ok = await upload(await sheet([good, { ...good, code: `IMP-${process.pid}-6`, kind: "餐饮", name: "面馆", idNumber: validCreditCode() }]));
    const done = await waitForJob((ok.json() as { jobId: string }).jobId);
    expect(done).toMatchObject({ status: "succeeded", result: { imported: 2 } });
    const [row] = await t.db.select().from(gasCustomers).where(and(eq(gasCustomers.code, good.code), eq(gasCustomers.enterpriseId, w.gasA.id)));
    expect(row).toMatchObject({ lastCheckOn: "2025-06-01", nextCheckDue: "2027-06-01", idNumber: id });
  });

  it("refuses the import to roles without gas.manage before reading the upload", async () => {
    const res = await upload(await sheet([]), w.users.inspector);
    expect(res.statusCode).toBe(403);
  });
});
