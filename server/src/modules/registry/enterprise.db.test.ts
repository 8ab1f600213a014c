import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "@contracts/registry/identifiers";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema";
import { todayInShanghai } from "./expiry.checks";
import { registryEnterprises, registryProjectParticipants, registryProjects } from "./schema";

let t: TestApp;
let inspector: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  inspector = await t.user("inspector");
});
afterAll(() => t.close());

let seq = 0;
/** A valid 统一社会信用代码 (GB 32100 check character), unique per call. */
const creditCode = (n = ++seq) => {
  const first17 = `91330784${String(n).padStart(9, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
/** The same code with a wrong check character. */
const badCheckChar = (code: string) => code.slice(0, 17) + (code[17] === "0" ? "1" : "0");

const addDays = (days: number) => new Date(Date.parse(todayInShanghai()) + days * 86_400_000).toISOString().slice(0, 10);

const enterpriseBody = (over: Record<string, unknown> = {}) => ({
  name: `永康建工${++seq}有限公司`,
  creditCode: creditCode(),
  type: "contractor",
  legalRep: "张三",
  district: "东城街道",
  contactPhone: "13800138000",
  ...over,
});

async function createEnterprise(user: TestUser, over: Record<string, unknown> = {}) {
  const res = await t.as(user, { method: "POST", url: "/api/v1/enterprises", payload: enterpriseBody(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function insertProject(code: string, participants: { enterpriseId: string; role: string }[]) {
  const [p] = await t.db.insert(registryProjects).values({ code, name: `项目${code}`, type: "building", district: "东城街道" }).returning();
  if (participants.length) await t.db.insert(registryProjectParticipants).values(participants.map((x) => ({ projectId: p.id, ...x })));
  return p;
}

async function sheet(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业库");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function waitForJob(user: TestUser, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await t.as(user, { method: "GET", url: `/api/v1/jobs/${jobId}` });
    expect(res.statusCode).toBe(200);
    if (res.json().status !== "running") return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("job did not finish");
}

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

const HEADERS = ["企业名称", "统一社会信用代码", "企业类型", "法定代表人", "地址", "所属街道", "联系人", "联系电话", "状态"];

describe("enterprises: create, read, update", () => {
  it("creates an enterprise with qualifications, audits it and reads it back", async () => {
    const body = enterpriseBody({
      qualifications: [
        { category: "建筑工程施工总承包", grade: "一级", certNo: `D${seq}01`, expiresOn: addDays(400) },
        { category: "市政公用工程施工总承包", grade: "二级", certNo: `D${seq}02`, expiresOn: addDays(10) },
      ],
    });
    const res = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises", payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ name: body.name, creditCode: body.creditCode, type: "contractor", status: "normal", qualificationCount: 2, qualificationExpiry: "expiring", projectCount: 0, personCount: 0 });
    expect(e.qualifications.map((q: { expiry: string }) => q.expiry)).toEqual(["expiring", "valid"]);

    const got = await t.as(inspector, { method: "GET", url: `/api/v1/enterprises/${e.id}` });
    expect(got.json()).toEqual(e);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, "registry.enterprise.created")));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ creditCode: body.creditCode, qualifications: [{ grade: "一级" }, { grade: "二级" }] });
  });

  it("names the bad field: credit code check character, mobile, enum", async () => {
    const bad = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises", payload: enterpriseBody({ creditCode: badCheckChar(creditCode()) }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION");
    expect(bad.json().error.details.issues).toEqual([expect.objectContaining({ path: "creditCode", message: expect.stringContaining("校验位") })]);

    const phone = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises", payload: enterpriseBody({ contactPhone: "1234" }) });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.details.issues[0].path).toBe("contactPhone");
  });

  it("answers 409 naming the field for a duplicate credit code or certificate number, writing nothing", async () => {
    const first = await createEnterprise(inspector, { qualifications: [{ category: "劳务", grade: "不分等级", certNo: "DUP-Q-1", expiresOn: addDays(100) }] });
    const dup = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises", payload: enterpriseBody({ creditCode: first.creditCode }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0].path).toBe("creditCode");

    const body = enterpriseBody({ qualifications: [{ category: "劳务", grade: "不分等级", certNo: "DUP-Q-1", expiresOn: addDays(100) }] });
    const dupCert = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises", payload: body });
    expect(dupCert.statusCode).toBe(409);
    expect(dupCert.json().error.details.issues[0].path).toBe("qualifications.0.certNo");
    expect(await t.db.select().from(registryEnterprises).where(eq(registryEnterprises.creditCode, body.creditCode))).toHaveLength(0);
  });

  it("refuses creation without the permission", async () => {
    const leader = await t.user("leader");
    const res = await t.as(leader, { method: "POST", url: "/api/v1/enterprises", payload: enterpriseBody() });
    expect(res.statusCode).toBe(403);
  });

  it("updates fields, replaces qualifications only when given, and audits before/after", async () => {
    const e = await createEnterprise(inspector, { qualifications: [{ category: "专业承包", grade: "三级", certNo: `U${seq}`, expiresOn: addDays(300) }] });
    const rename = await t.as(inspector, { method: "PATCH", url: `/api/v1/enterprises/${e.id}`, payload: { name: "改名后的公司" } });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(rename.json()).toMatchObject({ name: "改名后的公司", qualificationCount: 1, district: "东城街道" });

    const replaced = await t.as(inspector, {
      method: "PATCH",
      url: `/api/v1/enterprises/${e.id}`,
      payload: { qualifications: [{ category: "专业承包", grade: "二级", certNo: `U${seq}-2`, expiresOn: addDays(-1) }] },
    });
    expect(replaced.json()).toMatchObject({ qualificationCount: 1, qualificationExpiry: "expired", qualifications: [{ grade: "二级", expiry: "expired" }] });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, "registry.enterprise.updated")));
    expect(audit).toHaveLength(2);
    expect(audit[0].before).toMatchObject({ name: e.name });
    expect(audit[0].after).toMatchObject({ name: "改名后的公司" });
  });

  it("PATCH to another enterprise's credit code is a 409 naming creditCode", async () => {
    const a = await createEnterprise(inspector);
    const b = await createEnterprise(inspector);
    const res = await t.as(inspector, { method: "PATCH", url: `/api/v1/enterprises/${b.id}`, payload: { creditCode: a.creditCode } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues[0].path).toBe("creditCode");
  });
});

describe("enterprises: data scope", () => {
  let own: { id: string };
  let partner: { id: string };
  let stranger: { id: string };
  let user: TestUser;
  let shared: { id: string; code: string };
  let partnerOnly: { id: string };

  beforeAll(async () => {
    own = await createEnterprise(inspector, { name: "本企业建设" });
    partner = await createEnterprise(inspector, { name: "合作监理", type: "supervisor" });
    stranger = await createEnterprise(inspector, { name: "无关施工" });
    shared = await insertProject(`SCOPE-${seq}`, [
      { enterpriseId: own.id, role: "general_contractor" },
      { enterpriseId: partner.id, role: "supervisor" },
    ]);
    partnerOnly = await insertProject(`SCOPE-${seq}-B`, [
      { enterpriseId: partner.id, role: "supervisor" },
      { enterpriseId: stranger.id, role: "general_contractor" },
    ]);
    user = await t.user("enterprise", { enterpriseId: own.id });
  });

  it("lists its own enterprise and co-participants only", async () => {
    const res = await t.as(user, { method: "GET", url: "/api/v1/enterprises?pageSize=200" });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((e: { id: string }) => e.id).sort();
    expect(ids).toEqual([own.id, partner.id].sort());
    expect(res.json().total).toBe(2);
  });

  it("answers 404 for an enterprise outside the scope, and counts only visible projects", async () => {
    expect((await t.as(user, { method: "GET", url: `/api/v1/enterprises/${stranger.id}` })).statusCode).toBe(404);
    const p = await t.as(user, { method: "GET", url: `/api/v1/enterprises/${partner.id}` });
    expect(p.json().projectCount).toBe(1);
    const projects = await t.as(user, { method: "GET", url: `/api/v1/enterprises/${partner.id}/projects` });
    expect(projects.json()).toEqual([{ projectId: shared.id, code: shared.code, name: `项目${shared.code}`, status: "approved", role: "supervisor" }]);
    const all = await t.as(inspector, { method: "GET", url: `/api/v1/enterprises/${partner.id}/projects` });
    expect(all.json().map((x: { projectId: string }) => x.projectId).sort()).toEqual([shared.id, partnerOnly.id].sort());
    expect((await t.as(user, { method: "GET", url: `/api/v1/enterprises/${stranger.id}/projects` })).statusCode).toBe(404);
  });

  it("lets a bound user change only its own enterprise, and not its status", async () => {
    expect((await t.as(user, { method: "PATCH", url: `/api/v1/enterprises/${partner.id}`, payload: { contactName: "李四" } })).statusCode).toBe(403);
    expect((await t.as(user, { method: "PATCH", url: `/api/v1/enterprises/${stranger.id}`, payload: { contactName: "李四" } })).statusCode).toBe(404);
    const ok = await t.as(user, { method: "PATCH", url: `/api/v1/enterprises/${own.id}`, payload: { contactName: "李四" } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().contactName).toBe("李四");
    const status = await t.as(user, { method: "PATCH", url: `/api/v1/enterprises/${own.id}`, payload: { status: "normal" } });
    expect(status.statusCode).toBe(403);
    expect(status.json().error.details.issues[0].path).toBe("status");
  });
});

describe("enterprises: list filters and export", () => {
  let tag: string;
  beforeAll(async () => {
    tag = `滤${Date.now().toString(36)}`;
    const q = (certNo: string, days: number) => [{ category: "总承包", grade: "一级", certNo, expiresOn: addDays(days) }];
    await createEnterprise(inspector, { name: `${tag}甲有效`, qualifications: q(`${tag}-1`, 365), district: "西城街道" });
    await createEnterprise(inspector, { name: `${tag}乙将到期`, qualifications: [...q(`${tag}-2`, 365), ...q(`${tag}-3`, 30)], type: "designer" });
    await createEnterprise(inspector, { name: `${tag}丙已过期`, qualifications: q(`${tag}-4`, -5), status: "suspended" });
    await createEnterprise(inspector, { name: `${tag}丁无资质` });
  });

  const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((e) => e.name.replace(tag, ""));

  it("filters by worst qualification state, type, status, district and searches name or credit-code prefix", async () => {
    const get = (qs: string) => t.as(inspector, { method: "GET", url: `/api/v1/enterprises?q=${encodeURIComponent(tag)}&sort=name&${qs}` });
    expect(names(await get(""))).toEqual(["丁无资质", "丙已过期", "乙将到期", "甲有效"].sort());
    expect(names(await get("qualificationExpiry=expired"))).toEqual(["丙已过期"]);
    expect(names(await get("qualificationExpiry=expiring"))).toEqual(["乙将到期"]);
    expect(names(await get("qualificationExpiry=valid"))).toEqual(["甲有效"]);
    expect(names(await get("type=designer,supervisor"))).toEqual(["乙将到期"]);
    expect(names(await get("status=suspended"))).toEqual(["丙已过期"]);
    expect(names(await get("district=西城街道"))).toEqual(["甲有效"]);
    const list = (await get("")).json().items;
    expect(list.find((e: { name: string }) => e.name.endsWith("丁无资质"))).toMatchObject({ qualificationExpiry: null, qualificationCount: 0 });

    const one = list[0];
    const byCode = await t.as(inspector, { method: "GET", url: `/api/v1/enterprises?q=${one.creditCode.slice(0, 16).toLowerCase()}` });
    expect(byCode.json().items.map((e: { id: string }) => e.id)).toContain(one.id);
    const bad = await t.as(inspector, { method: "GET", url: "/api/v1/enterprises?sort=legalRep" });
    expect(bad.statusCode).toBe(400);
  });

  it("pages with a real total and sorts by project count", async () => {
    const page = await t.as(inspector, { method: "GET", url: `/api/v1/enterprises?q=${encodeURIComponent(tag)}&pageSize=3&page=2&sort=name` });
    expect(page.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.json().items).toHaveLength(1);
    const busiest = await t.as(inspector, { method: "GET", url: "/api/v1/enterprises?sort=-projectCount&pageSize=1" });
    expect(busiest.json().items[0].projectCount).toBeGreaterThanOrEqual(2);
  });

  it("exports the filtered list as a readable xlsx with Chinese headers", async () => {
    const res = await t.as(inspector, { method: "GET", url: `/api/v1/enterprises/export?q=${encodeURIComponent(tag)}&sort=name&type=contractor` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const ws = (await readXlsx(res.rawPayload)).worksheets[0];
    expect((ws.getRow(1).values as string[]).slice(1, 10)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(2).values as string[];
    expect(row[1]).toBe(`${tag}丁无资质`);
    expect(row[3]).toBe("施工企业");
    expect(row[9]).toBe("正常");
  });

  it("serves an import template with the headers and a notes sheet of allowed values", async () => {
    const res = await t.as(inspector, { method: "GET", url: "/api/v1/enterprises/import-template" });
    const wb = await readXlsx(res.rawPayload);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    expect(wb.worksheets[0].rowCount).toBe(1);
    const notes = wb.worksheets[1];
    expect(notes.name).toBe("填写说明");
    const typeNote = notes.getColumn(2).values.find((v) => String(v).includes("施工企业"));
    expect(String(typeNote)).toContain("检测机构");
  });
});

describe("enterprises: import", () => {
  const row = (code: string, over: Partial<Record<number, string | number | null>> = {}) => {
    const r: (string | number | null)[] = [`导入企业${code.slice(-6)}`, code, "施工企业", "王五", "永康市某路1号", "江南街道", "赵六", 13900139000, null];
    for (const [i, v] of Object.entries(over)) r[Number(i)] = v ?? null;
    return r;
  };
  const post = (user: TestUser, file: Buffer, name = "企业.xlsx") => t.as(user, { method: "POST", url: "/api/v1/enterprises/import", ...multipart(name, file) });

  it("imports thousands of good rows in one job with one audit entry", async () => {
    const codes = Array.from({ length: 2000 }, () => creditCode());
    const file = await sheet(HEADERS, codes.map((c, i) => row(c, i === 0 ? { 8: "暂停", 2: "supervisor" } : {})));
    const started = Date.now();
    const res = await post(inspector, file);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(inspector, res.json().jobId);
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: "succeeded", result: { imported: 2000 }, total: 2000, done: 2000 });
    expect(Date.now() - started).toBeLessThan(20_000);

    const first = await t.db.select().from(registryEnterprises).where(eq(registryEnterprises.creditCode, codes[0]));
    expect(first[0]).toMatchObject({ status: "suspended", type: "supervisor", contactPhone: "13900139000", address: "永康市某路1号" });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "registry.enterprise.imported"));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toEqual({ imported: 2000 });
  });

  it("imports nothing when two rows are bad, listing both rows with their column", async () => {
    const codes = [creditCode(), creditCode(), creditCode(), creditCode()];
    const existing = await createEnterprise(inspector);
    const file = await sheet(HEADERS, [
      row(codes[0]),
      row(badCheckChar(codes[1])),
      row(codes[2], { 2: "不存在的类型" }),
      row(codes[3]),
    ]);
    const res = await post(inspector, file);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(inspector, res.json().jobId);
    expect(job.status).toBe("failed");
    expect(job.error.code).toBe("VALIDATION");
    expect(job.error.details.issues).toEqual([
      expect.objectContaining({ row: 3, column: "统一社会信用代码" }),
      expect.objectContaining({ row: 4, column: "企业类型", message: expect.stringContaining("企业类型须为：建设单位、施工企业") }),
    ]);
    const inserted = await t.db.select().from(registryEnterprises).where(eq(registryEnterprises.creditCode, codes[0]));
    expect(inserted).toHaveLength(0);

    const dups = await post(inspector, await sheet(HEADERS, [row(codes[0]), row(codes[0]), row(existing.creditCode)]));
    const dupJob = await waitForJob(inspector, dups.json().jobId);
    expect(dupJob.error.details.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [3, "统一社会信用代码"],
      [4, "统一社会信用代码"],
    ]);
  });

  it("rejects a missing or non-xlsx file naming `file`, and users without the import permission", async () => {
    const notXlsx = await post(inspector, Buffer.from("name,code\n"), "企业.csv");
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details.issues[0].path).toBe("file");
    const renamed = await post(inspector, Buffer.from("not a zip"), "企业.xlsx");
    expect(renamed.json().error.details.issues[0].path).toBe("file");
    const noFile = await t.as(inspector, { method: "POST", url: "/api/v1/enterprises/import", payload: {} });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details.issues[0].path).toBe("file");

    const bound = await t.user("enterprise");
    expect((await post(bound, await sheet(HEADERS, [row(creditCode())]))).statusCode).toBe(403);
  });

  it("fails the job naming a missing column", async () => {
    const res = await post(inspector, await sheet(HEADERS.slice(0, 3), [["x", creditCode(), "施工企业"]]));
    const job = await waitForJob(inspector, res.json().jobId);
    expect(job.status).toBe("failed");
    expect(job.error.details.issues[0].path).toBe("header.legalRep");
  });
});
