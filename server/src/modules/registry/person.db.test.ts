import ExcelJS from "exceljs";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar, idNumberCheckChar } from "@contracts/registry/identifiers";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema";
import { todayInShanghai } from "./expiry.checks";
import { registryEnterprises, registryPersons, registryProjectParticipants, registryProjectPosts, registryProjects } from "./schema";

let t: TestApp;
let inspector: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  inspector = await t.user("inspector");
});
afterAll(() => t.close());

let seq = 0;
const creditCode = () => {
  const first17 = `91330784${String(++seq).padStart(9, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
/** A valid 18-character ID number: born `birth` (YYYYMMDD), odd sequence digit for men. */
const idNumber = (birth = "19850612", gender: "M" | "F" = "M") => {
  const n = ++seq % 500;
  const first17 = `330784${birth}${String(n * 2 + (gender === "M" ? 1 : 0)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};
/** A distinct valid ID number per index, spreading birth dates so thousands never repeat. */
const idNumberAt = (i: number) => {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `330784${birth}${String(100 + (i % 900)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};
const addDays = (days: number) => new Date(Date.parse(todayInShanghai()) + days * 86_400_000).toISOString().slice(0, 10);
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

async function insertEnterprise(name: string) {
  const [e] = await t.db.insert(registryEnterprises).values({ name, creditCode: creditCode(), type: "contractor", legalRep: "法人" }).returning();
  return e;
}

async function createPerson(user: TestUser, over: Record<string, unknown> = {}) {
  const res = await t.as(user, { method: "POST", url: "/api/v1/persons", payload: { name: `人员${++seq}`, idNumber: idNumber(), ...over } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function sheet(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("人员库");
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

const HEADERS = ["姓名", "身份证号码", "手机号码", "所属企业统一社会信用代码"];

describe("persons: create, read, update", () => {
  it("derives gender and birth date from the ID number, stores certificates with expiry, audits unmasked", async () => {
    const employer = await insertEnterprise("雇主甲");
    const id = idNumber("19900228", "F");
    const res = await t.as(inspector, {
      method: "POST",
      url: "/api/v1/persons",
      payload: {
        name: "李梅",
        idNumber: id.toLowerCase(),
        mobile: "13912345678",
        employerId: employer.id,
        certificates: [
          { kind: "constructor", specialty: "建筑工程", level: "一级", certNo: `C-${seq}`, expiresOn: addDays(500) },
          { kind: "safety_b", certNo: `B-${seq}`, expiresOn: addDays(-3) },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ name: "李梅", idNumber: id, gender: "F", birthDate: "1990-02-28", employerName: "雇主甲", certificateExpiry: "expired" });
    expect(p.certificateKinds).toEqual(["constructor", "safety_b"]);
    expect(p.certificates.map((c: { kind: string; expiry: string }) => [c.kind, c.expiry])).toEqual([
      ["safety_b", "expired"],
      ["constructor", "valid"],
    ]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "registry.person.created")));
    expect(audit.after).toMatchObject({ idNumber: id, certificates: [{ kind: "constructor" }, { kind: "safety_b" }] });
  });

  it("names the bad field: ID birth date, ID check digit, mobile", async () => {
    const badBirth = "33078419901332" + "0011";
    const res = await t.as(inspector, { method: "POST", url: "/api/v1/persons", payload: { name: "甲", idNumber: badBirth } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: "idNumber", message: expect.stringContaining("出生日期") })]);
    const good = idNumber();
    const badCheck = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    expect((await t.as(inspector, { method: "POST", url: "/api/v1/persons", payload: { name: "甲", idNumber: badCheck } })).json().error.details.issues[0].path).toBe("idNumber");
    const mobile = await t.as(inspector, { method: "POST", url: "/api/v1/persons", payload: { name: "甲", idNumber: idNumber(), mobile: "23912345678" } });
    expect(mobile.statusCode).toBe(400);
    expect(mobile.json().error.details.issues[0].path).toBe("mobile");
    const employer = await t.as(inspector, { method: "POST", url: "/api/v1/persons", payload: { name: "甲", idNumber: idNumber(), employerId: "00000000-0000-4000-8000-000000000000" } });
    expect(employer.statusCode).toBe(400);
    expect(employer.json().error.details.issues[0].path).toBe("employerId");
  });

  it("answers 409 naming idNumber for a registered ID number, and certificates for a taken number", async () => {
    const p = await createPerson(inspector, { certificates: [{ kind: "safety_c", certNo: "SC-DUP", expiresOn: addDays(90) }] });
    const dup = await t.as(inspector, { method: "POST", url: "/api/v1/persons", payload: { name: "重复", idNumber: p.idNumber } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0].path).toBe("idNumber");
    const cert = await t.as(inspector, { method: "POST", url: "/api/v1/persons", payload: { name: "重复证", idNumber: idNumber(), certificates: [{ kind: "safety_c", certNo: "SC-DUP", expiresOn: addDays(90) }] } });
    expect(cert.statusCode).toBe(409);
    expect(cert.json().error.details.issues[0].path).toBe("certificates.0.certNo");
  });

  it("updates fields, replaces certificates only when given, and audits before/after", async () => {
    const p = await createPerson(inspector, { certificates: [{ kind: "special_operation", certNo: `SO-${seq}`, expiresOn: addDays(20) }] });
    const renamed = await t.as(inspector, { method: "PATCH", url: `/api/v1/persons/${p.id}`, payload: { name: "新名字" } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "新名字", certificateKinds: ["special_operation"], certificateExpiry: "expiring" });
    const replaced = await t.as(inspector, { method: "PATCH", url: `/api/v1/persons/${p.id}`, payload: { certificates: [] } });
    expect(replaced.json()).toMatchObject({ certificateKinds: [], certificateExpiry: null, certificates: [] });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "registry.person.updated")));
    expect(audits).toHaveLength(2);
    expect(audits[0].before).toMatchObject({ name: p.name });
    expect(audits[1].before).toMatchObject({ certificates: [{ kind: "special_operation" }] });
    expect(audits[1].after).toMatchObject({ certificates: [] });
  });
});

describe("persons: scope, masking, enterprise users", () => {
  let own: { id: string };
  let partner: { id: string };
  let stranger: { id: string };
  let user: TestUser;
  let ownPerson: { id: string; idNumber: string };
  let partnerManager: { id: string };
  let strangerPerson: { id: string };
  let shared: { id: string };
  let hidden: { id: string };

  beforeAll(async () => {
    own = await insertEnterprise("本企业施工");
    partner = await insertEnterprise("合作监理");
    stranger = await insertEnterprise("无关施工");
    ownPerson = await createPerson(inspector, { employerId: own.id, name: "本企业员工" });
    partnerManager = await createPerson(inspector, { employerId: partner.id, name: "合作总监" });
    strangerPerson = await createPerson(inspector, { employerId: stranger.id, name: "无关员工" });
    const [p1, p2] = await t.db
      .insert(registryProjects)
      .values([
        { code: `PS-${seq}-1`, name: "共同项目", type: "building", district: "东城街道" },
        { code: `PS-${seq}-2`, name: "他人项目", type: "building", district: "西城街道" },
      ])
      .returning();
    shared = p1;
    hidden = p2;
    await t.db.insert(registryProjectParticipants).values([
      { projectId: p1.id, enterpriseId: own.id, role: "general_contractor" },
      { projectId: p1.id, enterpriseId: partner.id, role: "supervisor" },
      { projectId: p2.id, enterpriseId: partner.id, role: "supervisor" },
      { projectId: p2.id, enterpriseId: stranger.id, role: "general_contractor" },
    ]);
    await t.db.insert(registryProjectPosts).values([
      { projectId: p1.id, personId: partnerManager.id, enterpriseId: partner.id, post: "chief_supervisor", startedOn: "2024-01-01" },
      { projectId: p2.id, personId: partnerManager.id, enterpriseId: partner.id, post: "chief_supervisor", startedOn: "2023-01-01" },
    ]);
    user = await t.user("enterprise", { enterpriseId: own.id });
  });

  it("lists own employees and post holders on shared projects, with ID numbers masked", async () => {
    const res = await t.as(user, { method: "GET", url: "/api/v1/persons?pageSize=200&sort=name" });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; idNumber: string }[];
    expect(items.map((p) => p.id).sort()).toEqual([ownPerson.id, partnerManager.id].sort());
    const mine = items.find((p) => p.id === ownPerson.id);
    expect(mine?.idNumber).toBe(masked(ownPerson.idNumber));
    expect(mine?.idNumber).not.toBe(ownPerson.idNumber);
  });

  it("shows full ID numbers to roles allowed to read them and masks them for the rest", async () => {
    const leader = await t.user("leader");
    expect((await t.as(leader, { method: "GET", url: `/api/v1/persons/${ownPerson.id}` })).json().idNumber).toBe(ownPerson.idNumber);
    const project = await t.user("project", { projectIds: [shared.id] });
    const seen = await t.as(project, { method: "GET", url: `/api/v1/persons/${partnerManager.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect((await t.as(project, { method: "GET", url: `/api/v1/persons/${ownPerson.id}` })).statusCode).toBe(404);
  });

  it("answers 404 outside the scope and shows only posts on visible projects", async () => {
    expect((await t.as(user, { method: "GET", url: `/api/v1/persons/${strangerPerson.id}` })).statusCode).toBe(404);
    const seen = await t.as(user, { method: "GET", url: `/api/v1/persons/${partnerManager.id}` });
    expect(seen.json().posts).toEqual([expect.objectContaining({ projectId: shared.id, post: "chief_supervisor", projectName: "共同项目", endedOn: null })]);
    const all = await t.as(inspector, { method: "GET", url: `/api/v1/persons/${partnerManager.id}` });
    expect(all.json().posts.map((p: { projectId: string }) => p.projectId)).toEqual([shared.id, hidden.id]);
  });

  it("lets an enterprise user create and update only its own employees", async () => {
    const created = await t.as(user, { method: "POST", url: "/api/v1/persons", payload: { name: "新员工", idNumber: idNumber() } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ employerId: own.id, employerName: "本企业施工" });
    expect(created.json().idNumber).toContain("*");
    const forOther = await t.as(user, { method: "POST", url: "/api/v1/persons", payload: { name: "外企员工", idNumber: idNumber(), employerId: partner.id } });
    expect(forOther.statusCode).toBe(403);

    expect((await t.as(user, { method: "PATCH", url: `/api/v1/persons/${ownPerson.id}`, payload: { mobile: "13700000000" } })).statusCode).toBe(200);
    expect((await t.as(user, { method: "PATCH", url: `/api/v1/persons/${partnerManager.id}`, payload: { mobile: "13700000000" } })).statusCode).toBe(403);
    expect((await t.as(user, { method: "PATCH", url: `/api/v1/persons/${strangerPerson.id}`, payload: { mobile: "13700000000" } })).statusCode).toBe(404);
    const moveAway = await t.as(user, { method: "PATCH", url: `/api/v1/persons/${ownPerson.id}`, payload: { employerId: partner.id } });
    expect(moveAway.statusCode).toBe(403);
    expect((await t.as(user, { method: "PATCH", url: `/api/v1/persons/${ownPerson.id}`, payload: { employerId: null } })).statusCode).toBe(200);
  });
});

describe("persons: list filters and export", () => {
  let employer: { id: string; creditCode: string };
  beforeAll(async () => {
    employer = await insertEnterprise("筛选用企业");
    const cert = (kind: string, days: number) => ({ kind, certNo: `F-${++seq}`, expiresOn: addDays(days) });
    await createPerson(inspector, { name: "甲有效", employerId: employer.id, idNumber: idNumber("19800101", "M"), certificates: [cert("constructor", 400)] });
    await createPerson(inspector, { name: "乙将到期", employerId: employer.id, idNumber: idNumber("19900101", "F"), certificates: [cert("safety_c", 400), cert("safety_b", 15)], mobile: "13655556666" });
    await createPerson(inspector, { name: "丙已过期", employerId: employer.id, idNumber: idNumber("19750101", "M"), certificates: [cert("special_operation", -1)] });
    await createPerson(inspector, { name: "丁无证", employerId: employer.id, idNumber: idNumber("20000101", "F") });
  });

  const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((p) => p.name);
  const get = (qs: string) => t.as(inspector, { method: "GET", url: `/api/v1/persons?employerId=${employer.id}&sort=name&${qs}` });

  it("filters by certificate kind, worst certificate state and gender; searches name, ID number, mobile", async () => {
    expect(names(await get(""))).toEqual(["丁无证", "丙已过期", "乙将到期", "甲有效"].sort());
    expect(names(await get("certificateKind=safety_b,constructor"))).toEqual(["乙将到期", "甲有效"].sort());
    expect(names(await get("certificateExpiry=expired"))).toEqual(["丙已过期"]);
    expect(names(await get("certificateExpiry=expiring"))).toEqual(["乙将到期"]);
    expect(names(await get("gender=F"))).toEqual(["丁无证", "乙将到期"].sort());
    expect(names(await get(`q=${encodeURIComponent("过期")}`))).toEqual(["丙已过期"]);
    expect(names(await get("q=13655556666"))).toEqual(["乙将到期"]);
    const all = (await get("")).json().items as { name: string; idNumber: string; certificateExpiry: string | null }[];
    const ding = all.find((p) => p.name === "丁无证");
    expect(ding?.certificateExpiry).toBeNull();
    const byId = await get(`q=${ding?.idNumber}`);
    expect(byId.statusCode, byId.body).toBe(200);
    expect(names(byId)).toEqual(["丁无证"]);
    const byBirth = await t.as(inspector, { method: "GET", url: `/api/v1/persons?employerId=${employer.id}&sort=-birthDate` });
    expect(names(byBirth)).toEqual(["丁无证", "乙将到期", "甲有效", "丙已过期"]);
  });

  it("exports a readable xlsx, ID numbers masked for users who may not read them", async () => {
    const res = await t.as(inspector, { method: "GET", url: `/api/v1/persons/export?employerId=${employer.id}&sort=name` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as string[]).slice(1, 5)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(5);
    const yi = (ws.getRow(4).values as string[]).slice(1);
    expect(yi[0]).toBe("乙将到期");
    expect(yi[1]).toMatch(/^330784\d{12}$|^330784\d{11}X$/);
    expect(yi[3]).toBe(employer.creditCode);
    expect(yi[4]).toBe("筛选用企业");
    expect(yi[8]).toBe("即将到期");

    const own = await t.user("enterprise", { enterpriseId: employer.id });
    const maskedExport = await t.as(own, { method: "GET", url: "/api/v1/persons/export" });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(maskedExport.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].rowCount).toBe(5);
    expect(String(wb2.worksheets[0].getRow(2).getCell(2).value)).toContain("**********");
  });

  it("serves an import template with the headers and notes", async () => {
    const res = await t.as(inspector, { method: "GET", url: "/api/v1/persons/import-template" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    expect(wb.worksheets[1].getRow(3).getCell(2).value).toContain("18 位");
  });
});

describe("persons: import", () => {
  const post = (user: TestUser, file: Buffer, name = "人员.xlsx") => t.as(user, { method: "POST", url: "/api/v1/persons/import", ...multipart(name, file) });

  it("imports 5,000 people in one job, resolving employers by credit code", async () => {
    const employer = await insertEnterprise("导入雇主");
    const ids = Array.from({ length: 5000 }, (_, i) => idNumberAt(i));
    const rows = ids.map((id, i) => [`导入${i}`, id, i % 2 ? 13800000000 + i : null, i % 3 ? employer.creditCode : null]);
    const started = Date.now();
    const res = await post(inspector, await sheet(HEADERS, rows));
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(inspector, res.json().jobId);
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: "succeeded", result: { imported: 5000 }, total: 5000, done: 5000 });
    expect(Date.now() - started).toBeLessThan(20_000);

    const sample = await t.db.select().from(registryPersons).where(inArray(registryPersons.idNumber, [ids[1], ids[3]]));
    const byId = new Map(sample.map((p) => [p.idNumber, p]));
    expect(byId.get(ids[1])).toMatchObject({ employerId: employer.id, mobile: "13800000001", gender: "M", birthDate: "1970-01-01" });
    expect(byId.get(ids[3])).toMatchObject({ employerId: null });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "registry.person.imported"));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toEqual({ imported: 5000 });
  });

  it("imports nothing when two rows are bad, naming each row and column", async () => {
    const a = idNumber();
    const file = await sheet(HEADERS, [
      ["好人甲", a, null, null],
      ["坏手机", idNumber(), "12345", null],
      ["好人乙", idNumber(), null, null],
      ["坏企业", idNumber(), null, creditCode()],
    ]);
    const res = await post(inspector, file);
    const job = await waitForJob(inspector, res.json().jobId);
    expect(job.status).toBe("failed");
    expect(job.error.message).toContain("2 行");
    expect(job.error.details.issues).toEqual([
      expect.objectContaining({ row: 3, column: "手机号码" }),
      expect.objectContaining({ row: 5, column: "所属企业统一社会信用代码" }),
    ]);
    expect(await t.db.select().from(registryPersons).where(eq(registryPersons.idNumber, a))).toHaveLength(0);

    const existing = await createPerson(inspector);
    const dupFile = await sheet(HEADERS, [["重复甲", a, null, null], ["重复乙", a, null, null], ["已登记", existing.idNumber, null, null]]);
    const dupJob = await waitForJob(inspector, (await post(inspector, dupFile)).json().jobId);
    expect(dupJob.error.details.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [3, "身份证号码"],
      [4, "身份证号码"],
    ]);
  });

  it("rejects non-xlsx uploads naming `file` and users without the import permission", async () => {
    const res = await post(inspector, Buffer.from("%PDF-1.4"), "人员.pdf");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe("file");
    const bound = await t.user("enterprise");
    expect((await post(bound, await sheet(HEADERS, [["某人", idNumber(), null, null]]))).statusCode).toBe(403);
  });
});
