/**
 * The authorization matrix: every /api/v1 route × every role, in scope and out of scope.
 *
 * Expected statuses encode the intended rules (ROLE_PERMISSIONS in contracts/platform/auth.ts and the
 * registry briefs): a missing permission answers 403 before anything else; a record outside the actor's
 * data scope answers 404 as if absent; enterprise-bound roles may change only their OWN enterprise and
 * employees (another in-scope one is 403). Each case runs as all 7 roles (plus anonymous → 401) and
 * reports every mismatch at once. A completeness check fails when the app registers a route with no case.
 */
import ExcelJS from "exceljs";
import { eq, inArray, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@contracts/platform/auth";
import { creditCodeCheckChar, idNumberCheckChar } from "@contracts/registry/identifiers";
import { authApiTokens } from "../server/src/platform/auth/schema";
import { platformJobs } from "../server/src/platform/jobs/schema";
import { registryEnterprises as ents, registryPersons as persons, registryProjectParticipants as participants, registryProjectPosts as posts, registryProjects as projects } from "../server/src/modules/registry/schema";
import { iotAlarms, iotCommands, iotDevices } from "../server/src/modules/iot/schema";
import { workforceBlacklist, workforcePayrolls, workforceTrainings, workforceWorkers } from "../server/src/modules/workforce/schema";
import { FileStore } from "../server/src/platform/files/store";
import { createTestApp, multipart, TEST_PASSWORD, testConfig, type TestApp, type TestUser } from "./app";

type Expect = Record<Role, number>;
type PerRole<T> = T | ((role: Role) => T);
interface Case {
  /** `METHOD /path/:param` exactly as registered under /api/v1. */
  route: string;
  url?: PerRole<string>;
  /** Which fixture the url targets, for the test title (ids are only known once fixtures exist). */
  on?: string;
  body?: PerRole<Record<string, unknown>>;
  /** An .xlsx uploaded as multipart field `file`. */
  upload?: (role: Role) => Promise<Buffer>;
  expect: Expect;
  /** For lists: fixture key → the roles that must find it in `items` (every other role must not). */
  sees?: Record<string, readonly Role[]>;
}

/**
 * Routes outside this matrix: reachable without a session by design (`config.public`: login, tested in
 * auth.db.test.ts; device ingest, authenticated by the device secret, tested in ingest.db.test.ts), and the
 * realtime stream, which never ends under inject (its scope is tested in realtime.db.test.ts).
 */
const PUBLIC_ROUTES = new Set([
  "POST /auth/login",
  "POST /auth/logout",
  "POST /ingest/:deviceCode/telemetry",
  "POST /ingest/:deviceCode/events",
  "GET /realtime",
  // The Hikvision push, authenticated by the gate's secret (Basic, Digest or token), tested in hikvision.db.test.ts.
  "POST /integrations/hikvision/:gateCode/events",
  // The gates' roster pull, authenticated by the gate's secret, tested in roster.sweeps.db.test.ts.
  "GET /integrations/gates/:gateCode/roster",
  "GET /integrations/gates/:gateCode/roster/:workerNo/photo",
]);

const every = (status: number, except: Partial<Expect> = {}): Expect => ({ ...(Object.fromEntries(ROLES.map((r) => [r, status])) as Expect), ...except });
const adminOnly = (ok: number) => every(403, { admin: ok });
/** Bureau writes: admin and inspector only. */
const bureau = (ok: number) => every(403, { admin: ok, inspector: ok });
/** Visible to the city-wide roles only (the target is outside every bound role's scope). */
const CITY_WIDE: readonly Role[] = ["admin", "leader", "inspector"];
const ALL_BUT_GAS = ROLES.filter((r) => r !== "gas_company");
/** Roles with `iot.read` but none of the IoT write permissions. */
const IOT_READ_ONLY = { leader: 403, testing_agency: 403, gas_company: 403 } as const;
/** gas_company manages devices (its detection vehicles) but no site's: a site device answers it 404. */
const IOT_DEVICE_READ_ONLY = { leader: 403, testing_agency: 403, gas_company: 404 } as const;
const outOfScope = (ok: number) => every(ok, { enterprise: 404, project: 404, testing_agency: 404, gas_company: 404 });

// Identifiers with valid check characters, unique per call.
let seq = 0;
const creditCode = () => {
  const first17 = `91330784MA${String(++seq).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
const idNumber = () => {
  const first17 = `330784198501${String(1 + (++seq % 28)).padStart(2, "0")}${String(seq % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};

async function xlsx(headers: string[], row: (string | number)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("导入");
  ws.addRow(headers);
  ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let t: TestApp;
const users = {} as Record<Role, TestUser>;
/** Fixture ids: enterprises A, B (contractors), BLD, SUP, T (testing), G (gas); projects PA, PB; people and posts. */
const f: Record<string, string> = {};
/** Per-role fixture ids for stateful writes, e.g. `f.endPA_admin`. */
const per = (name: string) => (role: Role) => f[`${name}_${role}`] ?? f[`${name}_other`];

async function insertPersons(employerId: string, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({ name: `矩阵人员${++seq}`, idNumber: idNumber(), gender: i % 2 ? "F" : "M", birthDate: "1985-01-01", employerId }));
  return (await t.db.insert(persons).values(rows).returning({ id: persons.id })).map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestApp();
  const e = await t.db
    .insert(ents)
    .values(
      [["A", "contractor"], ["B", "contractor"], ["BLD", "builder"], ["SUP", "supervisor"], ["T", "testing"], ["G", "gas"], ["X1", "builder"], ["X2", "builder"], ["D1", "designer"], ["D2", "designer"], ["D3", "designer"]].map(
        ([key, type]) => ({ name: `矩阵企业${key}`, creditCode: creditCode(), type, legalRep: "法人" }),
      ),
    )
    .returning({ id: ents.id, name: ents.name, creditCode: ents.creditCode });
  for (const row of e) f[row.name.replace("矩阵企业", "")] = row.id;
  f.codeA = e.find((r) => r.id === f.A)!.creditCode;

  const [pa, pb] = await t.db
    .insert(projects)
    .values([
      { code: "MX-PA", name: "矩阵项目甲", type: "building", district: "东城街道", status: "in_progress", permitNo: "330784-PA" },
      { code: "MX-PB", name: "矩阵项目乙", type: "building", district: "西城街道", status: "in_progress", permitNo: "330784-PB" },
    ])
    .returning({ id: projects.id });
  f.PA = pa.id;
  f.PB = pb.id;
  const parts = await t.db
    .insert(participants)
    .values([
      { projectId: f.PA, enterpriseId: f.BLD, role: "builder" },
      { projectId: f.PA, enterpriseId: f.A, role: "general_contractor" },
      { projectId: f.PA, enterpriseId: f.SUP, role: "supervisor" },
      { projectId: f.PA, enterpriseId: f.T, role: "testing" },
      { projectId: f.PB, enterpriseId: f.B, role: "general_contractor" },
      { projectId: f.PA, enterpriseId: f.D1, role: "designer" },
      { projectId: f.PA, enterpriseId: f.D2, role: "designer" },
      { projectId: f.PA, enterpriseId: f.D3, role: "designer" },
    ])
    .returning({ id: participants.id, enterpriseId: participants.enterpriseId });
  const partOf = (ent: string) => parts.find((p) => p.enterpriseId === f[ent])!.id;
  [f.delPart_admin, f.delPart_inspector, f.delPart_other] = [partOf("D1"), partOf("D2"), partOf("D3")];

  // A's and B's people: [0] the in-scope/out-of-scope target, then fresh people for post assignments and post ends.
  const a = await insertPersons(f.A, 11);
  const b = await insertPersons(f.B, 7);
  [f.personA, f.personB] = [a[0], b[0]];
  const roleOrder = ["admin", "inspector", "enterprise", "project", "other"] as const;
  roleOrder.forEach((r, i) => (f[`assignPA_${r}`] = a[1 + i]));
  ["admin", "inspector", "other"].forEach((r, i) => (f[`assignPB_${r}`] = b[1 + i]));
  const tech = (projectId: string, personId: string, enterpriseId: string) => ({ projectId, personId, enterpriseId, post: "technical_lead", startedOn: "2024-03-01" });
  const held = await t.db
    .insert(posts)
    .values([tech(f.PA, a[0], f.A), tech(f.PB, b[0], f.B), ...a.slice(6, 11).map((p) => tech(f.PA, p, f.A)), ...b.slice(4, 7).map((p) => tech(f.PB, p, f.B))])
    .returning({ id: posts.id });
  roleOrder.forEach((r, i) => (f[`endPA_${r}`] = held[2 + i].id));
  ["admin", "inspector", "other"].forEach((r, i) => (f[`endPB_${r}`] = held[7 + i].id));

  users.admin = await t.user("admin");
  users.leader = await t.user("leader");
  users.inspector = await t.user("inspector", { domain: "safety" });
  users.enterprise = await t.user("enterprise", { enterpriseId: f.A });
  users.project = await t.user("project", { projectIds: [f.PA] });
  users.testing_agency = await t.user("testing_agency", { enterpriseId: f.T });
  users.gas_company = await t.user("gas_company", { enterpriseId: f.G });
  f.target = (await t.user("leader")).id;
  const [job] = await t.db.insert(platformJobs).values({ kind: "matrix", ownerId: users.enterprise.id, status: "succeeded" }).returning({ id: platformJobs.id });
  f.job = job.id;
  const [token] = await t.db.insert(authApiTokens).values({ name: "matrix", userId: f.target, tokenHash: "matrix-hash", prefix: "sc_matrix" }).returning({ id: authApiTokens.id });
  f.token = token.id;

  // IoT: a monitor and a spray controller on each project; alarms (per role where the action is stateful); a command each.
  const devs = await t.db
    .insert(iotDevices)
    .values(
      [["devPA", f.PA, "env_monitor"], ["sprayPA", f.PA, "spray"], ["devPB", f.PB, "env_monitor"], ["sprayPB", f.PB, "spray"]].map(([code, projectId, type]) => ({
        projectId,
        type,
        code: `MX-${code}`,
        name: code,
        secretHash: "matrix",
      })),
    )
    .returning({ id: iotDevices.id, code: iotDevices.code });
  for (const d of devs) f[d.code.slice(3)] = d.id;
  // A device off-site: G's gas-detection vehicle (no project; its owner enterprise scopes it).
  const [vehicle] = await t.db
    .insert(iotDevices)
    .values({ projectId: null, enterpriseId: f.G, type: "gas_detector", code: "MX-vehG", name: "vehG", secretHash: "matrix" })
    .returning({ id: iotDevices.id });
  f.vehG = vehicle.id;
  const alarmKeys = ["alarmPA", "alarmPB", ...["ack", "clear"].flatMap((a) => [...roleOrder.map((r) => `${a}PA_${r}`), ...["admin", "inspector", "other"].map((r) => `${a}PB_${r}`)])];
  const alarms = await t.db
    .insert(iotAlarms)
    .values(alarmKeys.map((key) => ({ projectId: key.includes("PB") ? f.PB : f.PA, deviceId: key.includes("PB") ? f.devPB : f.devPA, ruleCode: `mx.${key}`, ruleName: key, severity: "major" })))
    .returning({ id: iotAlarms.id, ruleCode: iotAlarms.ruleCode });
  for (const a of alarms) f[a.ruleCode.slice(3)] = a.id;
  const expiresAt = new Date(Date.now() + 3600_000);
  const cmds = await t.db
    .insert(iotCommands)
    .values([
      { deviceId: f.sprayPA, projectId: f.PA, name: "spray.on", source: "manual", expiresAt },
      { deviceId: f.sprayPB, projectId: f.PB, name: "spray.on", source: "manual", expiresAt },
    ])
    .returning({ id: iotCommands.id });
  [f.cmdPA, f.cmdPB] = cmds.map((c) => c.id);

  // Wages: a worker on each project; payroll lines to mark paid, one per role where the action succeeds (paid is final).
  const [wpA] = await insertPersons(f.A, 1);
  const [wpB] = await insertPersons(f.B, 1);
  const workers = await t.db
    .insert(workforceWorkers)
    .values([
      { workerNo: "MX-W-PA", personId: wpA, projectId: f.PA, employerId: f.A, trade: "mason", status: "on_site" },
      { workerNo: "MX-W-PB", personId: wpB, projectId: f.PB, employerId: f.B, trade: "mason", status: "on_site" },
    ])
    .returning({ id: workforceWorkers.id });
  [f.workerPA, f.workerPB] = workers.map((w) => w.id);
  const payKeys = [...["admin", "enterprise", "project", "other"].map((r) => `payPA_${r}`), "payPB_admin", "payPB_other"];
  const pays = await t.db
    .insert(workforcePayrolls)
    .values(payKeys.map((key, i) => ({ workerId: key.includes("PB") ? f.workerPB : f.workerPA, projectId: key.includes("PB") ? f.PB : f.PA, month: `2024-0${1 + i}`, gross: "100.00", net: "90.00" })))
    .returning({ id: workforcePayrolls.id });
  payKeys.forEach((key, i) => (f[key] = pays[i].id));
});

// Workers: per-role targets for registration, 进场 and 退场 (each succeeds once); photos on the wage fixtures' workers; blacklist entries to revoke.
beforeAll(async () => {
  const roles5 = ["admin", "inspector", "enterprise", "project", "other"];
  const roles3 = ["admin", "inspector", "other"];
  const keysPA = roles5.flatMap((r) => [`regPA_${r}`, `admitPA_${r}`, `exitPA_${r}`]);
  const keysPB = roles3.flatMap((r) => [`regPB_${r}`, `admitPB_${r}`, `exitPB_${r}`]);
  const pa = await insertPersons(f.A, keysPA.length);
  const pb = await insertPersons(f.B, keysPB.length);
  keysPA.forEach((k, i) => (f[k] = pa[i]));
  keysPB.forEach((k, i) => (f[k] = pb[i]));
  const enrol = (key: string, personId: string) => {
    const onPA = key.includes("PA");
    return { workerNo: `MX-${key}`, personId, projectId: onPA ? f.PA : f.PB, employerId: onPA ? f.A : f.B, trade: "mason", contractSignedOn: "2024-01-01", contractStart: "2024-01-01" };
  };
  const enrolKeys = [...keysPA, ...keysPB].filter((k) => !k.startsWith("reg"));
  const enrolled = await t.db
    .insert(workforceWorkers)
    .values(enrolKeys.map((k) => enrol(k, f[k])))
    .returning({ id: workforceWorkers.id, personId: workforceWorkers.personId });
  await t.db.insert(workforceTrainings).values(enrolled.map((w) => ({ personId: w.personId, kind: "entry_three_level", hours: 24, passed: true, trainedOn: new Date().toISOString().slice(0, 10) })));
  enrolKeys.forEach((k, i) => (f[k] = enrolled[i].id));
  const photo = await new FileStore(testConfig().dataDir).saveImage("photos", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), "file");
  await t.db.update(workforceWorkers).set({ photoPath: photo }).where(inArray(workforceWorkers.id, [f.workerPA, f.workerPB]));
  [f.blPerson] = await insertPersons(f.B, 1);
  const entries = await t.db
    .insert(workforceBlacklist)
    .values(roles3.map((r) => ({ personId: f.blPerson, reason: `矩阵黑名单${r}`, validFrom: "2024-01-01" })))
    .returning({ id: workforceBlacklist.id });
  roles3.forEach((r, i) => (f[`blk_${r}`] = entries[i].id));
});

afterAll(async () => {
  // Imports run as background jobs; let them finish before the database goes away.
  for (let i = 0; i < 100; i++) {
    const [{ running }] = await t.db.select({ running: sql<number>`count(*)::int` }).from(platformJobs).where(eq(platformJobs.status, "running"));
    if (running === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await t.close();
});

const ENTERPRISE_SHEET = ["企业名称", "统一社会信用代码", "企业类型", "法定代表人", "地址", "所属街道", "联系人", "联系电话", "状态"];
const PERSON_SHEET = ["姓名", "身份证号码", "手机号码", "所属企业统一社会信用代码"];
const PAYROLL_SHEET = ["工号", "姓名", "工资月份", "出勤天数", "应发工资(元)", "实发工资(元)", "发放日期", "银行流水号"];
const WAGE_ACCOUNT = { bankName: "矩阵银行", accountName: "矩阵项目农民工工资专用账户", accountNo: "6222000011112222", openedOn: "2024-01-01" };
/** Roles with `workforce.read`; `bound` is what the enterprise and project users get on a project outside their scope. */
const WORKFORCE_READ = (ok: number, bound = ok): Expect => every(403, { admin: ok, leader: ok, inspector: ok, enterprise: bound, project: bound });
const ROSTER_SHEET = ["姓名", "身份证号", "工种", "班组", "用工单位统一社会信用代码", "合同签订日期", "合同开始", "合同结束", "工资标准", "工资单位", "开户行", "工资卡号", "是否班组长"];
/** Roles with `workforce.manage` (and `workforce.sensitive`: the same roles); `bound` as for WORKFORCE_READ. */
const WORKFORCE_MANAGE = (ok: number, bound = ok): Expect => every(403, { admin: ok, inspector: ok, enterprise: bound, project: bound });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 2]);
const PDF = Buffer.from("%PDF-1.4\n%矩阵\n");
const PROJECT_SHEET = ["项目编号", "项目名称", "项目类型", "所属街道", "项目地址", "经度", "纬度", "建筑面积(㎡)", "合同价(万元)", "施工许可证号", "计划开工", "计划竣工", "建设单位信用代码", "施工总承包信用代码", "监理单位信用代码"];

const cases: Case[] = [
  { route: "GET /auth/me", expect: every(200) },
  { route: "GET /audit", expect: adminOnly(200) },
  { route: "GET /audit/verify", expect: adminOnly(200) },
  { route: "GET /thresholds", expect: every(200) },
  {
    route: "POST /thresholds",
    body: { code: "workforce.key_post_presence", region: "330784", source: "矩阵测试", effectiveFrom: "2030-01-01", value: [{ post: "project_manager", requiredRate: 0.85, source: "矩阵测试" }] },
    expect: adminOnly(201),
  },
  { route: "GET /jobs/:id", on: "job of the enterprise user", url: () => `/jobs/${f.job}`, expect: every(404, { admin: 200, enterprise: 200 }) },

  { route: "GET /admin/users", expect: adminOnly(200) },
  { route: "POST /admin/users", body: (r) => ({ username: `mx_new_${r}`, displayName: "新用户", password: TEST_PASSWORD, role: "leader" }), expect: adminOnly(201) },
  { route: "PATCH /admin/users/:id", on: "another user", url: () => `/admin/users/${f.target}`, body: { displayName: "改名" }, expect: adminOnly(200) },
  { route: "GET /admin/tokens", expect: adminOnly(200) },
  { route: "POST /admin/tokens", body: () => ({ name: "mx", userId: f.target }), expect: adminOnly(201) },
  { route: "POST /admin/tokens/:id/revoke", on: "a token", url: () => `/admin/tokens/${f.token}/revoke`, expect: adminOnly(200) },

  { route: "GET /enterprises", url: "/enterprises?pageSize=200", expect: every(200), sees: { A: ALL_BUT_GAS, B: CITY_WIDE, G: [...CITY_WIDE, "gas_company"] } },
  { route: "GET /enterprises/export", expect: every(200) },
  { route: "GET /enterprises/import-template", expect: every(200) },
  { route: "POST /enterprises/import", upload: () => xlsx(ENTERPRISE_SHEET, [`导入企业${++seq}`, creditCode(), "施工企业", "法人", "", "", "", "", "正常"]), expect: bureau(202) },
  { route: "POST /enterprises", body: () => ({ name: `新企业${++seq}`, creditCode: creditCode(), type: "contractor", legalRep: "法人" }), expect: bureau(201) },
  { route: "GET /enterprises/:id", on: "A: own of enterprise, co-participant of project/testing", url: () => `/enterprises/${f.A}`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /enterprises/:id", on: "B: outside every bound scope", url: () => `/enterprises/${f.B}`, expect: outOfScope(200) },
  { route: "GET /enterprises/:id", on: "G: own of gas_company only", url: () => `/enterprises/${f.G}`, expect: every(200, { enterprise: 404, project: 404, testing_agency: 404 }) },
  { route: "PATCH /enterprises/:id", on: "A: own of enterprise, co-participant of project/testing", url: () => `/enterprises/${f.A}`, body: { contactName: "联系人" }, expect: every(200, { leader: 403, project: 403, testing_agency: 403, gas_company: 404 }) },
  { route: "PATCH /enterprises/:id", on: "B: outside every bound scope", url: () => `/enterprises/${f.B}`, body: { contactName: "联系人" }, expect: every(404, { admin: 200, inspector: 200, leader: 403, project: 403 }) },
  { route: "PATCH /enterprises/:id", on: "G: own of gas_company only", url: () => `/enterprises/${f.G}`, body: { contactName: "联系人" }, expect: every(404, { admin: 200, inspector: 200, gas_company: 200, leader: 403, project: 403 }) },
  { route: "GET /enterprises/:id/projects", on: "A", url: () => `/enterprises/${f.A}/projects`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /enterprises/:id/projects", on: "B", url: () => `/enterprises/${f.B}/projects`, expect: outOfScope(200) },

  { route: "GET /persons", url: "/persons?pageSize=200", expect: every(200), sees: { personA: ALL_BUT_GAS, personB: CITY_WIDE } },
  { route: "GET /persons/export", expect: every(200) },
  { route: "GET /persons/import-template", expect: every(200) },
  { route: "POST /persons/import", upload: () => xlsx(PERSON_SHEET, [`导入人员${++seq}`, idNumber(), "13800000000", f.codeA]), expect: bureau(202) },
  // Without employerId an enterprise-bound user creates its own employee.
  { route: "POST /persons", body: () => ({ name: `新人员${++seq}`, idNumber: idNumber() }), expect: every(201, { leader: 403, project: 403 }) },
  { route: "POST /persons", body: () => ({ name: `新人员${++seq}`, idNumber: idNumber(), employerId: f.A }), expect: every(403, { admin: 201, inspector: 201, enterprise: 201 }) },
  { route: "POST /persons", body: () => ({ name: `新人员${++seq}`, idNumber: idNumber(), employerId: f.B }), expect: bureau(201) },
  { route: "GET /persons/:id", on: "A's employee, post on PA", url: () => `/persons/${f.personA}`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /persons/:id", on: "B's employee, post on PB", url: () => `/persons/${f.personB}`, expect: outOfScope(200) },
  { route: "PATCH /persons/:id", on: "A's employee, post on PA", url: () => `/persons/${f.personA}`, body: { mobile: "13900000000" }, expect: every(200, { leader: 403, project: 403, testing_agency: 403, gas_company: 404 }) },
  { route: "PATCH /persons/:id", on: "B's employee, post on PB", url: () => `/persons/${f.personB}`, body: { mobile: "13900000000" }, expect: every(404, { admin: 200, inspector: 200, leader: 403, project: 403 }) },

  { route: "GET /projects", url: "/projects?pageSize=200", expect: every(200), sees: { PA: ALL_BUT_GAS, PB: CITY_WIDE } },
  { route: "GET /projects/stats", expect: every(200) },
  { route: "GET /projects/export", expect: every(200) },
  { route: "GET /projects/import-template", expect: every(200) },
  { route: "POST /projects/import", upload: () => xlsx(PROJECT_SHEET, [`MX-IMP-${++seq}`, "导入项目", "房屋建筑", "东城街道", "", "", "", "", "", "", "", "", "", "", ""]), expect: bureau(202) },
  { route: "POST /projects", body: () => ({ code: `MX-NEW-${++seq}`, name: "新项目", type: "building", district: "东城街道" }), expect: bureau(201) },
  { route: "GET /projects/:id", on: "PA: A is general contractor, T tests", url: () => `/projects/${f.PA}`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /projects/:id", on: "PB: B is general contractor", url: () => `/projects/${f.PB}`, expect: outOfScope(200) },
  { route: "PATCH /projects/:id", on: "PA: A is general contractor, T tests", url: () => `/projects/${f.PA}`, body: { address: "矩阵路1号" }, expect: every(200, { leader: 403, testing_agency: 403, gas_company: 403 }) },
  { route: "PATCH /projects/:id", on: "PB: B is general contractor", url: () => `/projects/${f.PB}`, body: { address: "矩阵路2号" }, expect: every(404, { admin: 200, inspector: 200, leader: 403, testing_agency: 403, gas_company: 403 }) },
  // Roles run in ROLES order: admin suspends the live project, inspector resumes it.
  { route: "POST /projects/:id/transitions", on: "PA", url: () => `/projects/${f.PA}/transitions`, body: (r) => (r === "inspector" ? { to: "resumed" } : { to: "suspended", reason: "矩阵测试停工" }), expect: bureau(200) },
  { route: "POST /projects/:id/participants", on: "PA", url: () => `/projects/${f.PA}/participants`, body: (r) => ({ enterpriseId: r === "inspector" ? f.X2 : f.X1, role: "builder" }), expect: bureau(201) },
  { route: "DELETE /projects/:id/participants/:participantId", on: "PA", url: (r) => `/projects/${f.PA}/participants/${per("delPart")(r)}`, expect: bureau(204) },
  { route: "POST /projects/:id/posts", on: "PA, A's people", url: () => `/projects/${f.PA}/posts`, body: (r) => ({ personId: per("assignPA")(r), post: "technical_lead" }), expect: every(201, { leader: 403, testing_agency: 403, gas_company: 403 }) },
  { route: "POST /projects/:id/posts", on: "PB, B's people", url: () => `/projects/${f.PB}/posts`, body: (r) => ({ personId: per("assignPB")(r), post: "technical_lead" }), expect: every(404, { admin: 201, inspector: 201, leader: 403, testing_agency: 403, gas_company: 403 }) },
  { route: "POST /projects/:id/posts/:postId/end", on: "PA", url: (r) => `/projects/${f.PA}/posts/${per("endPA")(r)}/end`, body: {}, expect: every(200, { leader: 403, testing_agency: 403, gas_company: 403 }) },
  { route: "POST /projects/:id/posts/:postId/end", on: "PB", url: (r) => `/projects/${f.PB}/posts/${per("endPB")(r)}/end`, body: {}, expect: every(404, { admin: 200, inspector: 200, leader: 403, testing_agency: 403, gas_company: 403 }) },

  { route: "GET /devices", url: "/devices?pageSize=200", expect: every(200), sees: { devPA: ALL_BUT_GAS, devPB: CITY_WIDE, vehG: [...CITY_WIDE, "gas_company"] } },
  { route: "GET /devices/export", expect: every(200) },
  { route: "POST /devices", on: "PA", body: (r) => ({ projectId: f.PA, type: "env_monitor", code: `MX-NEWPA-${r}`, name: "新设备" }), expect: every(201, IOT_DEVICE_READ_ONLY) },
  { route: "POST /devices", on: "PB", body: (r) => ({ projectId: f.PB, type: "env_monitor", code: `MX-NEWPB-${r}`, name: "新设备" }), expect: every(404, { admin: 201, inspector: 201, ...IOT_DEVICE_READ_ONLY }) },
  { route: "GET /devices/:id", on: "device on PA", url: () => `/devices/${f.devPA}`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /devices/:id", on: "device on PB", url: () => `/devices/${f.devPB}`, expect: outOfScope(200) },
  { route: "GET /devices/:id", on: "G's vehicle (no project)", url: () => `/devices/${f.vehG}`, expect: every(404, { admin: 200, leader: 200, inspector: 200, gas_company: 200 }) },
  { route: "PATCH /devices/:id", on: "G's vehicle (no project)", url: () => `/devices/${f.vehG}`, body: { location: "车载" }, expect: every(404, { admin: 200, inspector: 200, gas_company: 200, leader: 403, testing_agency: 403 }) },
  { route: "POST /devices", on: "vehicle of G", body: (r) => ({ enterpriseId: f.G, type: "gas_detector", code: `MX-NEWVEH-${r}`, name: "检测车" }), expect: every(404, { admin: 201, inspector: 201, gas_company: 201, leader: 403, testing_agency: 403 }) },
  { route: "PATCH /devices/:id", on: "device on PA", url: () => `/devices/${f.devPA}`, body: { location: "东门" }, expect: every(200, IOT_DEVICE_READ_ONLY) },
  { route: "PATCH /devices/:id", on: "device on PB", url: () => `/devices/${f.devPB}`, body: { location: "东门" }, expect: every(404, { admin: 200, inspector: 200, ...IOT_DEVICE_READ_ONLY }) },
  { route: "POST /devices/:id/rotate-secret", on: "device on PA", url: () => `/devices/${f.devPA}/rotate-secret`, expect: every(200, IOT_DEVICE_READ_ONLY) },
  { route: "POST /devices/:id/rotate-secret", on: "device on PB", url: () => `/devices/${f.devPB}/rotate-secret`, expect: every(404, { admin: 200, inspector: 200, ...IOT_DEVICE_READ_ONLY }) },
  { route: "POST /devices/:id/enabled", on: "device on PA", url: () => `/devices/${f.devPA}/enabled`, body: { enabled: true }, expect: every(200, IOT_DEVICE_READ_ONLY) },
  { route: "POST /devices/:id/enabled", on: "device on PB", url: () => `/devices/${f.devPB}/enabled`, body: { enabled: true }, expect: every(404, { admin: 200, inspector: 200, ...IOT_DEVICE_READ_ONLY }) },
  { route: "GET /devices/:id/latest", on: "device on PA", url: () => `/devices/${f.devPA}/latest`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /devices/:id/latest", on: "device on PB", url: () => `/devices/${f.devPB}/latest`, expect: outOfScope(200) },
  { route: "GET /devices/:id/telemetry", on: "device on PA", url: () => `/devices/${f.devPA}/telemetry?metric=pm10`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /devices/:id/telemetry", on: "device on PB", url: () => `/devices/${f.devPB}/telemetry?metric=pm10`, expect: outOfScope(200) },
  { route: "POST /devices/:id/commands", on: "spray on PA", url: () => `/devices/${f.sprayPA}/commands`, body: { name: "spray.on" }, expect: every(201, IOT_READ_ONLY) },
  { route: "POST /devices/:id/commands", on: "spray on PB", url: () => `/devices/${f.sprayPB}/commands`, body: { name: "spray.on" }, expect: every(404, { admin: 201, inspector: 201, ...IOT_READ_ONLY }) },
  { route: "GET /commands", url: "/commands?pageSize=200", expect: every(200), sees: { cmdPA: ALL_BUT_GAS, cmdPB: CITY_WIDE } },
  { route: "GET /iot/map", expect: every(200) },

  { route: "GET /alarms", url: "/alarms?pageSize=200", expect: every(200), sees: { alarmPA: ALL_BUT_GAS, alarmPB: CITY_WIDE } },
  { route: "GET /alarms/stats", expect: every(200) },
  { route: "GET /alarms/export", expect: every(200) },
  { route: "GET /alarms/:id", on: "alarm on PA", url: () => `/alarms/${f.alarmPA}`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /alarms/:id", on: "alarm on PB", url: () => `/alarms/${f.alarmPB}`, expect: outOfScope(200) },
  { route: "POST /alarms/:id/ack", on: "alarms on PA", url: (r) => `/alarms/${per("ackPA")(r)}/ack`, body: {}, expect: every(200, IOT_READ_ONLY) },
  { route: "POST /alarms/:id/ack", on: "alarms on PB", url: (r) => `/alarms/${per("ackPB")(r)}/ack`, body: {}, expect: every(404, { admin: 200, inspector: 200, ...IOT_READ_ONLY }) },
  { route: "POST /alarms/:id/clear", on: "alarms on PA", url: (r) => `/alarms/${per("clearPA")(r)}/clear`, body: {}, expect: every(200, IOT_READ_ONLY) },
  { route: "POST /alarms/:id/clear", on: "alarms on PB", url: (r) => `/alarms/${per("clearPB")(r)}/clear`, body: {}, expect: every(404, { admin: 200, inspector: 200, ...IOT_READ_ONLY }) },
  { route: "POST /alarms/:id/assign", on: "alarm on PA", url: () => `/alarms/${f.alarmPA}/assign`, body: () => ({ assigneeId: f.target }), expect: every(200, IOT_READ_ONLY) },
  { route: "POST /alarms/:id/assign", on: "alarm on PB", url: () => `/alarms/${f.alarmPB}/assign`, body: () => ({ assigneeId: f.target }), expect: every(404, { admin: 200, inspector: 200, ...IOT_READ_ONLY }) },
  { route: "POST /alarms/:id/comments", on: "alarm on PA", url: () => `/alarms/${f.alarmPA}/comments`, body: { text: "矩阵备注" }, expect: every(200, IOT_READ_ONLY) },
  { route: "POST /alarms/:id/comments", on: "alarm on PB", url: () => `/alarms/${f.alarmPB}/comments`, body: { text: "矩阵备注" }, expect: every(404, { admin: 200, inspector: 200, ...IOT_READ_ONLY }) },

  { route: "GET /projects/:id/headcount", on: "PA", url: () => `/projects/${f.PA}/headcount`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/headcount", on: "PB", url: () => `/projects/${f.PB}/headcount`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /projects/:id/attendance", on: "PA", url: () => `/projects/${f.PA}/attendance?day=2024-03-01`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/attendance", on: "PB", url: () => `/projects/${f.PB}/attendance`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /projects/:id/attendance/monthly", on: "PA", url: () => `/projects/${f.PA}/attendance/monthly?month=2024-03`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/attendance/monthly", on: "PB", url: () => `/projects/${f.PB}/attendance/monthly`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /projects/:id/attendance/monthly.xlsx", on: "PA", url: () => `/projects/${f.PA}/attendance/monthly.xlsx?month=2024-03`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/attendance/monthly.xlsx", on: "PB", url: () => `/projects/${f.PB}/attendance/monthly.xlsx`, expect: WORKFORCE_READ(200, 404) },

  { route: "GET /projects/:id/key-personnel", on: "PA", url: () => `/projects/${f.PA}/key-personnel?month=2024-03`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/key-personnel", on: "PB", url: () => `/projects/${f.PB}/key-personnel`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /key-personnel/absences", expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/wage-account", on: "PA", url: () => `/projects/${f.PA}/wage-account`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/wage-account", on: "PB", url: () => `/projects/${f.PB}/wage-account`, expect: WORKFORCE_READ(200, 404) },
  // The full account number needs workforce.sensitive (the leader reads, but masked only).
  { route: "GET /projects/:id/wage-account", on: "PA, full view", url: () => `/projects/${f.PA}/wage-account?full=true`, expect: every(403, { admin: 200, inspector: 200, enterprise: 200, project: 200 }) },
  { route: "PUT /projects/:id/wage-account", on: "PA", url: () => `/projects/${f.PA}/wage-account`, body: WAGE_ACCOUNT, expect: every(403, { admin: 200, enterprise: 200, project: 200 }) },
  { route: "PUT /projects/:id/wage-account", on: "PB", url: () => `/projects/${f.PB}/wage-account`, body: WAGE_ACCOUNT, expect: every(403, { admin: 200, enterprise: 404, project: 404 }) },
  { route: "GET /payrolls/import-template", expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/payrolls", on: "PA", url: () => `/projects/${f.PA}/payrolls`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/payrolls", on: "PB", url: () => `/projects/${f.PB}/payrolls`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /projects/:id/payrolls/export", on: "PA", url: () => `/projects/${f.PA}/payrolls/export`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/payrolls/export", on: "PB", url: () => `/projects/${f.PB}/payrolls/export`, expect: WORKFORCE_READ(200, 404) },
  {
    route: "POST /projects/:id/payrolls",
    on: "PA, a month per role",
    url: () => `/projects/${f.PA}/payrolls`,
    body: (r) => ({ workerId: f.workerPA, month: `2025-0${1 + ROLES.indexOf(r)}`, gross: 100, net: 90 }),
    expect: every(403, { admin: 201, enterprise: 201, project: 201 }),
  },
  { route: "POST /projects/:id/payrolls", on: "PB", url: () => `/projects/${f.PB}/payrolls`, body: () => ({ workerId: f.workerPB, month: "2025-01", gross: 100, net: 90 }), expect: every(403, { admin: 201, enterprise: 404, project: 404 }) },
  { route: "POST /projects/:id/payrolls/import", on: "PA", url: () => `/projects/${f.PA}/payrolls/import`, upload: () => xlsx(PAYROLL_SHEET, ["MX-W-PA", "", "2023-01", 20, 100, 90, "", ""]), expect: every(403, { admin: 202, enterprise: 202, project: 202 }) },
  { route: "POST /projects/:id/payrolls/import", on: "PB", url: () => `/projects/${f.PB}/payrolls/import`, upload: () => xlsx(PAYROLL_SHEET, ["MX-W-PB", "", "2023-01", 20, 100, 90, "", ""]), expect: every(403, { admin: 202, enterprise: 404, project: 404 }) },
  { route: "PATCH /payrolls/:id", on: "lines on PA", url: (r) => `/payrolls/${per("payPA")(r)}`, body: { status: "paid" }, expect: every(403, { admin: 200, enterprise: 200, project: 200 }) },
  { route: "PATCH /payrolls/:id", on: "lines on PB", url: (r) => `/payrolls/${per("payPB")(r)}`, body: { status: "paid" }, expect: every(403, { admin: 200, enterprise: 404, project: 404 }) },
  { route: "GET /projects/:id/wage-checks", on: "PA", url: () => `/projects/${f.PA}/wage-checks?month=2024-03`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/wage-checks", on: "PB", url: () => `/projects/${f.PB}/wage-checks`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /wages/arrears", expect: WORKFORCE_READ(200) },

  { route: "GET /workers", expect: WORKFORCE_READ(200) },
  { route: "GET /workers/import-template", expect: WORKFORCE_READ(200) },
  { route: "POST /workers", on: "PA, A's people", body: (r) => ({ personId: per("regPA")(r), projectId: f.PA, employerId: f.A, trade: "mason" }), expect: WORKFORCE_MANAGE(201) },
  { route: "POST /workers", on: "PB, B's people", body: (r) => ({ personId: per("regPB")(r), projectId: f.PB, employerId: f.B, trade: "mason" }), expect: WORKFORCE_MANAGE(201, 404) },
  { route: "GET /workers/:id", on: "worker on PA", url: () => `/workers/${f.workerPA}`, expect: WORKFORCE_READ(200) },
  { route: "GET /workers/:id", on: "worker on PB", url: () => `/workers/${f.workerPB}`, expect: WORKFORCE_READ(200, 404) },
  { route: "PATCH /workers/:id", on: "worker on PA", url: () => `/workers/${f.workerPA}`, body: { bankName: "矩阵银行" }, expect: WORKFORCE_MANAGE(200) },
  { route: "PATCH /workers/:id", on: "worker on PB", url: () => `/workers/${f.workerPB}`, body: { bankName: "矩阵银行" }, expect: WORKFORCE_MANAGE(200, 404) },
  { route: "POST /workers/:id/admit", on: "workers on PA", url: (r) => `/workers/${per("admitPA")(r)}/admit`, body: {}, expect: WORKFORCE_MANAGE(200) },
  { route: "POST /workers/:id/admit", on: "workers on PB", url: (r) => `/workers/${per("admitPB")(r)}/admit`, body: {}, expect: WORKFORCE_MANAGE(200, 404) },
  { route: "POST /workers/:id/exit", on: "workers on PA", url: (r) => `/workers/${per("exitPA")(r)}/exit`, body: {}, expect: WORKFORCE_MANAGE(200) },
  { route: "POST /workers/:id/exit", on: "workers on PB", url: (r) => `/workers/${per("exitPB")(r)}/exit`, body: {}, expect: WORKFORCE_MANAGE(200, 404) },
  { route: "POST /workers/:id/photo", on: "worker on PA", url: () => `/workers/${f.workerPA}/photo`, upload: async () => PNG, expect: WORKFORCE_MANAGE(200) },
  { route: "POST /workers/:id/photo", on: "worker on PB", url: () => `/workers/${f.workerPB}/photo`, upload: async () => PNG, expect: WORKFORCE_MANAGE(200, 404) },
  // Photo and full view need workforce.sensitive, which the leader lacks.
  { route: "GET /workers/:id/photo", on: "worker on PA", url: () => `/workers/${f.workerPA}/photo`, expect: WORKFORCE_MANAGE(200) },
  { route: "GET /workers/:id/photo", on: "worker on PB", url: () => `/workers/${f.workerPB}/photo`, expect: WORKFORCE_MANAGE(200, 404) },
  { route: "GET /workers/:id/full", on: "worker on PA", url: () => `/workers/${f.workerPA}/full`, expect: WORKFORCE_MANAGE(200) },
  { route: "GET /workers/:id/full", on: "worker on PB", url: () => `/workers/${f.workerPB}/full`, expect: WORKFORCE_MANAGE(200, 404) },
  { route: "GET /projects/:id/workers", on: "PA", url: () => `/projects/${f.PA}/workers`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/workers", on: "PB", url: () => `/projects/${f.PB}/workers`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /projects/:id/workers/export", on: "PA", url: () => `/projects/${f.PA}/workers/export`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/workers/export", on: "PB", url: () => `/projects/${f.PB}/workers/export`, expect: WORKFORCE_READ(200, 404) },
  { route: "POST /projects/:id/workers/import", on: "PA", url: () => `/projects/${f.PA}/workers/import`, upload: () => xlsx(ROSTER_SHEET, [`花名册${++seq}`, idNumber(), "钢筋工", "", f.codeA, "", "", "", "", "", "", "", ""]), expect: WORKFORCE_MANAGE(202) },
  { route: "POST /projects/:id/workers/import", on: "PB", url: () => `/projects/${f.PB}/workers/import`, upload: () => xlsx(ROSTER_SHEET, [`花名册${++seq}`, idNumber(), "钢筋工", "", f.codeA, "", "", "", "", "", "", "", ""]), expect: WORKFORCE_MANAGE(202, 404) },
  { route: "GET /projects/:id/teams", on: "PA", url: () => `/projects/${f.PA}/teams`, expect: WORKFORCE_READ(200) },
  { route: "GET /projects/:id/teams", on: "PB", url: () => `/projects/${f.PB}/teams`, expect: WORKFORCE_READ(200, 404) },
  { route: "POST /projects/:id/teams", on: "PA", url: () => `/projects/${f.PA}/teams`, body: (r) => ({ employerId: f.A, name: `矩阵班组${r}` }), expect: WORKFORCE_MANAGE(201) },
  { route: "POST /projects/:id/teams", on: "PB", url: () => `/projects/${f.PB}/teams`, body: (r) => ({ employerId: f.B, name: `矩阵班组${r}` }), expect: WORKFORCE_MANAGE(201, 404) },
  { route: "POST /trainings", on: "A's employee, post on PA", body: () => ({ personId: f.personA, hours: 24, passed: true, trainedOn: "2024-05-01" }), expect: WORKFORCE_MANAGE(201) },
  { route: "POST /trainings", on: "B's employee, post on PB", body: () => ({ personId: f.personB, hours: 24, passed: true, trainedOn: "2024-05-01" }), expect: WORKFORCE_MANAGE(201, 404) },
  { route: "GET /persons/:id/trainings", on: "A's employee, post on PA", url: () => `/persons/${f.personA}/trainings`, expect: WORKFORCE_READ(200) },
  { route: "GET /persons/:id/trainings", on: "B's employee, post on PB", url: () => `/persons/${f.personB}/trainings`, expect: WORKFORCE_READ(200, 404) },
  { route: "GET /blacklist", expect: WORKFORCE_READ(200) },
  { route: "POST /blacklist", body: () => ({ personId: f.blPerson, reason: "矩阵黑名单", validFrom: "2024-01-01" }), expect: bureau(201) },
  { route: "POST /blacklist/:id/revoke", on: "entries", url: (r) => `/blacklist/${per("blk")(r)}/revoke`, body: {}, expect: bureau(200) },

  { route: "GET /rules", expect: every(200) },
  {
    route: "POST /rules",
    body: (r) => ({
      code: `mx.rule.${r}`,
      name: "矩阵规则",
      deviceType: "env_monitor",
      region: "*",
      kind: "threshold",
      metric: "pm10",
      aggregation: "last",
      windowS: 0,
      direction: "above",
      levels: [{ severity: "major", threshold: 150 }],
      hysteresis: 0,
      period: "all",
      missedIntervals: null,
      action: null,
      source: "matrix",
      enabled: true,
    }),
    expect: adminOnly(201),
  },
];

// ─── INSPECTIONS block (issue 5): templates, inspections, 双随机 plans, inspector conflicts, quality acceptance ───
import { authUserProjects, authUsers } from "../server/src/modules/identity/schema";
import { casesInspections, casesInspectorConflicts, casesRandomPlans } from "../server/src/modules/cases/schema";
import { qualityAcceptances } from "../server/src/modules/quality/schema";
import { prepareSupervision } from "../server/src/modules/cases/inspection.test-fixtures";
import { MAJOR_HAZARD_TEMPLATE_CODE } from "../server/src/modules/cases/template.defaults";
import { casesTemplates } from "../server/src/modules/cases/schema";

/** Roles with `cases.read`; `bound` is what the enterprise and project users get outside their scope. */
/** gas_company holds cases.read for its own off-site cases: lists answer it (empty of sites' records), a site's record 404. */
const CASES_READ = (ok: number, bound = ok, gas = ok): Expect => every(403, { admin: ok, leader: ok, inspector: ok, enterprise: bound, project: bound, gas_company: gas });

beforeAll(async () => {
  await prepareSupervision(t.db);
  const [tpl] = await t.db.select({ id: casesTemplates.id }).from(casesTemplates).where(eq(casesTemplates.code, MAJOR_HAZARD_TEMPLATE_CODE));
  f.tplSafety = tpl.id;
  // A second safety inspector, so a draw finds two per target.
  const [second] = await t.db.insert(authUsers).values({ username: `mx_inspector2_${seq}`, displayName: "矩阵检查员二", passwordHash: "x", role: "inspector", domain: "safety" }).returning({ id: authUsers.id });
  f.inspector2 = second.id;
  const ins = await t.db
    .insert(casesInspections)
    .values([f.PA, f.PB].map((projectId) => ({ projectId, kind: "daily", domain: "safety", inspectedOn: "2026-03-01", templateId: f.tplSafety, results: [{ itemCode: "mh.4.1", passed: true }], score: 100 })))
    .returning({ id: casesInspections.id });
  [f.inspPA, f.inspPB] = ins.map((r) => r.id);
  const plan = (name: string, publishedAt: Date | null) => ({ name, seed: name, ratioPct: 10, domain: "safety", targets: [{ projectId: f.PA, inspectorIds: [], inspectionId: f.inspPA }], createdByName: "矩阵", publishedAt });
  const plans = await t.db
    .insert(casesRandomPlans)
    .values([plan("planDraft", null), plan("planPublished", new Date()), plan("pub_admin", null), plan("pub_inspector", null), plan("pub_other", null)])
    .returning({ id: casesRandomPlans.id, name: casesRandomPlans.name });
  for (const p of plans) f[p.name] = p.id;
  const conflicts = await t.db
    .insert(casesInspectorConflicts)
    .values([
      { userId: f.inspector2, enterpriseId: f.D1, reason: "矩阵", declaredOn: "2026-01-01" },
      { userId: users.inspector.id, enterpriseId: f.D1, reason: "矩阵", declaredOn: "2026-01-01" },
      { userId: f.inspector2, enterpriseId: f.D2, reason: "矩阵", declaredOn: "2026-01-01" },
    ])
    .returning({ id: casesInspectorConflicts.id });
  [f.delc_admin, f.delc_inspector, f.delc_other] = conflicts.map((c) => c.id);
  // Acceptance projects: PS (A is the general contractor) for signing and listing; one per role that may open a milestone.
  const accProjects = await t.db
    .insert(projects)
    .values(["PS", "PC_admin", "PC_enterprise", "PC_project", "PC_other"].map((key) => ({ code: `MX-${key}`, name: `矩阵验收${key}`, type: "building", district: "东城街道", status: "in_progress" })))
    .returning({ id: projects.id, code: projects.code });
  for (const p of accProjects) f[p.code.slice(3)] = p.id;
  await t.db.insert(participants).values([
    { projectId: f.PS, enterpriseId: f.A, role: "general_contractor" },
    { projectId: f.PC_enterprise, enterpriseId: f.A, role: "general_contractor" },
  ]);
  await t.db.insert(authUserProjects).values({ userId: users.project.id, projectId: f.PC_project });
  const acc = await t.db
    .insert(qualityAcceptances)
    .values([
      { projectId: f.PS, milestone: "main_structure", plannedOn: "2026-05-01" },
      { projectId: f.PB, milestone: "main_structure", plannedOn: "2026-05-01" },
    ])
    .returning({ id: qualityAcceptances.id });
  [f.accOwn, f.accPB] = acc.map((a) => a.id);
});

const inspectionBody = (projectId: () => string) => () => ({
  projectId: projectId(),
  kind: "daily",
  domain: "safety",
  inspectedOn: "2026-03-02",
  templateId: f.tplSafety,
  inspectorIds: [users.inspector.id],
  results: [{ itemCode: "mh.4.1", passed: true }],
});
const templateBody = (r: Role) => ({ code: `mx.tpl.${r}`, name: "矩阵检查表", domain: "safety", items: [{ code: "a", text: "甲", category: "safety", grade: "general", score: 5, clause: "" }] });

cases.push(
  { route: "GET /inspection-templates", expect: CASES_READ(200) },
  { route: "GET /inspection-templates/:id", on: "the major-hazard checklist", url: () => `/inspection-templates/${f.tplSafety}`, expect: CASES_READ(200) },
  { route: "POST /inspection-templates", body: templateBody, expect: bureau(201) },
  { route: "GET /inspections", url: "/inspections?pageSize=200", expect: CASES_READ(200), sees: { inspPA: [...CITY_WIDE, "enterprise", "project"], inspPB: CITY_WIDE } },
  { route: "GET /inspections/export", expect: CASES_READ(200) },
  { route: "GET /inspections/:id", on: "PA", url: () => `/inspections/${f.inspPA}`, expect: CASES_READ(200, 200, 404) },
  { route: "GET /inspections/:id", on: "PB", url: () => `/inspections/${f.inspPB}`, expect: CASES_READ(200, 404, 404) },
  { route: "POST /inspections", on: "PA", body: inspectionBody(() => f.PA), expect: bureau(201) },
  { route: "POST /inspections", on: "PB", body: inspectionBody(() => f.PB), expect: bureau(201) },
  // Drafts are the bureau's (a site must not learn it was drawn); published plans are open to every user (一公开).
  { route: "GET /random-plans", url: "/random-plans?pageSize=200", expect: every(200), sees: { planDraft: CITY_WIDE, planPublished: ROLES } },
  { route: "GET /random-plans/:id", on: "a drawn plan", url: () => `/random-plans/${f.planDraft}`, expect: every(404, { admin: 200, leader: 200, inspector: 200 }) },
  { route: "GET /random-plans/:id", on: "a published plan", url: () => `/random-plans/${f.planPublished}`, expect: every(200) },
  { route: "POST /random-plans", body: (r) => ({ name: `矩阵抽查${r}`, domain: "safety", ratioPct: 50, seed: `mx-${r}` }), expect: bureau(201) },
  { route: "POST /random-plans/:id/publish", on: "drawn plans", url: (r) => `/random-plans/${per("pub")(r)}/publish`, expect: bureau(200) },
  { route: "GET /inspector-conflicts", expect: bureau(200) },
  {
    route: "POST /inspector-conflicts",
    body: (r) => (r === "admin" ? { userId: f.inspector2, enterpriseId: f.D3, reason: "矩阵回避" } : { enterpriseId: f.D3, reason: "矩阵回避" }),
    expect: bureau(201),
  },
  { route: "DELETE /inspector-conflicts/:id", on: "declarations (own for the inspector)", url: (r) => `/inspector-conflicts/${per("delc")(r)}`, expect: bureau(204) },
  { route: "GET /acceptances", url: "/acceptances?pageSize=200", expect: CASES_READ(200), sees: { accOwn: [...CITY_WIDE, "enterprise"], accPB: CITY_WIDE } },
  { route: "GET /projects/:id/acceptances", on: "PA", url: () => `/projects/${f.PA}/acceptances`, expect: CASES_READ(200, 200, 404) },
  { route: "GET /projects/:id/acceptances", on: "PB", url: () => `/projects/${f.PB}/acceptances`, expect: CASES_READ(200, 404, 404) },
  // quality.acceptance.sign: admin and the project parties, each on a fresh project of its own scope.
  { route: "POST /projects/:id/acceptances", on: "a project per role", url: (r) => `/projects/${per("PC")(r)}/acceptances`, body: { milestone: "foundation", plannedOn: "2026-06-01" }, expect: every(403, { admin: 201, enterprise: 201, project: 201 }) },
  { route: "POST /projects/:id/acceptances", on: "PB", url: () => `/projects/${f.PB}/acceptances`, body: { milestone: "foundation", plannedOn: "2026-06-01" }, expect: every(403, { admin: 201, enterprise: 404, project: 404 }) },
  // Only a user of a participating enterprise signs (the admin and the project user have none): A as general contractor.
  { route: "GET /acceptances/:id/record.pdf", on: "PS, A is the general contractor", url: () => `/acceptances/${f.accOwn}/record.pdf`, expect: { ...CASES_READ(200, 200, 404), project: 404, testing_agency: 404 } },
  { route: "GET /acceptances/:id/record.pdf", on: "PB", url: () => `/acceptances/${f.accPB}/record.pdf`, expect: { ...CASES_READ(200, 404, 404), testing_agency: 404 } },
  { route: "POST /acceptances/:id/sign", on: "PS, A is the general contractor", url: () => `/acceptances/${f.accOwn}/sign`, body: { opinion: "同意" }, expect: every(403, { enterprise: 200, project: 404 }) },
  { route: "POST /acceptances/:id/sign", on: "PB", url: () => `/acceptances/${f.accPB}/sign`, body: { opinion: "同意" }, expect: every(403, { enterprise: 404, project: 404 }) },
);
// ─── end of INSPECTIONS block ───

// ─── SAFETY block (issue 5): 危大 register and workflow, expert pool, lifting machinery ───
import { ensureRuleDefaults } from "../server/src/platform/rules/rules";
import { casesRuleDefinitions } from "../server/src/modules/cases/index";
import { safetyRuleDefinitions } from "../server/src/modules/safety/index";
import { safetyDangerousWorkFiles, safetyDangerousWorks, safetyEquipment, safetyExperts } from "../server/src/modules/safety/schema";

/** Roles with `safety.read`; `bound` is what the enterprise and project users get outside their scope. */
const SAFETY_READ = (ok: number, bound = ok): Expect => every(403, { admin: ok, leader: ok, inspector: ok, enterprise: bound, project: bound });
/** Roles with `safety.manage` (the admin and the project parties). */
const SAFETY_MANAGE = (ok: number, bound = ok): Expect => every(403, { admin: ok, enterprise: bound, project: bound });

beforeAll(async () => {
  await ensureRuleDefaults(t.db, [...safetyRuleDefinitions, ...casesRuleDefinitions]);
  const work = (key: string, projectId: string, state: string, category = "foundation_pit") => ({
    name: `矩阵危大${key}`,
    projectId,
    category,
    params: (category === "foundation_pit" ? { depth_m: 6 } : { ground_height_m: 30 }) as Record<string, number>,
    level: category === "foundation_pit" ? "chaoweida" : "weida",
    state,
  });
  const rows = [
    work("wPA", f.PA, "scheme_drafting"),
    work("wPB", f.PB, "scheme_drafting"),
    ...["admin", "enterprise", "project", "other"].map((r) => work(`trPA_${r}`, f.PA, "identified")),
    ...["admin", "other"].map((r) => work(`trPB_${r}`, f.PB, "identified")),
    ...["enterprise", "project", "other"].map((r) => work(`erPA_${r}`, f.PA, "expert_review")),
    work("erPB", f.PB, "expert_review"),
  ];
  const inserted = await t.db.insert(safetyDangerousWorks).values(rows).returning({ id: safetyDangerousWorks.id, name: safetyDangerousWorks.name });
  for (const w of inserted) f[w.name.replace("矩阵危大", "")] = w.id;
  // One archived document on each project's work, stored as an upload would be.
  const doc = await new FileStore(testConfig().dataDir).saveDocument("dangerous-works", PDF, "file");
  const docs = await t.db
    .insert(safetyDangerousWorkFiles)
    .values([f.wPA, f.wPB].map((workId) => ({ workId, kind: "scheme", revision: 1, fileName: "方案.pdf", ...doc, uploadedBy: "矩阵" })))
    .returning({ id: safetyDangerousWorkFiles.id });
  [f.docPA, f.docPB] = docs.map((d) => d.id);
  // Five pool experts employed by an enterprise of their own that no case adds to a project; one more to toggle; one person to add.
  const [expertFirm] = await t.db.insert(ents).values({ name: "矩阵专家单位", creditCode: creditCode(), type: "other", legalRep: "法人" }).returning({ id: ents.id });
  f.expertFirm = expertFirm.id;
  const pool = await insertPersons(f.expertFirm, 7);
  const experts = await t.db
    .insert(safetyExperts)
    .values(pool.slice(0, 6).map((personId) => ({ personId, enterpriseId: f.expertFirm, specialty: "geotechnical", title: "senior", years: 20 })))
    .returning({ id: safetyExperts.id });
  f.expertIds = JSON.stringify(experts.slice(0, 5).map((e) => e.id));
  f.expertToggle = experts[5].id;
  f.expertPerson = pool[6];
  const crane = (key: string, projectId: string) => ({ projectId, kind: "tower_crane", recordNo: `MX-${key}`, model: "QTZ80", ratedCapacityT: 6, inspectionValidTo: "2099-01-01", useRegistrationNo: `MX-SY-${key}` });
  const equipment = await t.db
    .insert(safetyEquipment)
    .values([crane("eqPA", f.PA), crane("eqPB", f.PB), ...["admin", "enterprise", "project", "other"].map((r) => crane(`delPA_${r}`, f.PA)), ...["admin", "other"].map((r) => crane(`delPB_${r}`, f.PB))])
    .returning({ id: safetyEquipment.id, recordNo: safetyEquipment.recordNo });
  for (const e of equipment) f[e.recordNo.slice(3)] = e.id;
});

const newWork = (r: Role) => ({ category: "scaffold", name: `矩阵脚手架${r}`, params: { ground_height_m: 30 } });
const newCrane = (project: string) => (r: Role) => ({ kind: "tower_crane", recordNo: `MX-NEW-${project}-${r}`, model: "QTZ63", ratedCapacityT: 5, inspectionValidTo: "2099-01-01", useRegistrationNo: `MX-SY-NEW-${project}-${r}` });
const review = () => ({ expertIds: JSON.parse(f.expertIds) as string[], heldOn: "2026-01-05", verdict: "pass", opinion: "矩阵论证" });

cases.push(
  { route: "GET /dangerous-works", expect: SAFETY_READ(200) },
  { route: "GET /dangerous-works/export", expect: SAFETY_READ(200) },
  { route: "GET /dangerous-works/weekly", expect: SAFETY_READ(200) },
  { route: "GET /dangerous-works/weekly/export", expect: SAFETY_READ(200) },
  { route: "GET /dangerous-works/:id", on: "PA", url: () => `/dangerous-works/${f.wPA}`, expect: SAFETY_READ(200) },
  { route: "GET /dangerous-works/:id", on: "PB", url: () => `/dangerous-works/${f.wPB}`, expect: SAFETY_READ(200, 404) },
  { route: "PUT /dangerous-works/:id", on: "PA", url: () => `/dangerous-works/${f.wPA}`, body: { name: "矩阵危大改名" }, expect: SAFETY_MANAGE(200) },
  { route: "PUT /dangerous-works/:id", on: "PB", url: () => `/dangerous-works/${f.wPB}`, body: { name: "矩阵危大改名" }, expect: SAFETY_MANAGE(200, 404) },
  { route: "POST /dangerous-works/:id/transition", on: "works on PA", url: (r) => `/dangerous-works/${per("trPA")(r)}/transition`, body: { to: "scheme_drafting" }, expect: SAFETY_MANAGE(200) },
  { route: "POST /dangerous-works/:id/transition", on: "works on PB", url: (r) => `/dangerous-works/${per("trPB")(r)}/transition`, body: { to: "scheme_drafting" }, expect: SAFETY_MANAGE(200, 404) },
  // The general contractor records the expert review: A on PA; the admin and the project user sign for no contractor.
  { route: "POST /dangerous-works/:id/expert-reviews", on: "works on PA", url: (r) => `/dangerous-works/${per("erPA")(r)}/expert-reviews`, body: review, expect: every(403, { enterprise: 201 }) },
  { route: "POST /dangerous-works/:id/expert-reviews", on: "work on PB", url: () => `/dangerous-works/${f.erPB}/expert-reviews`, body: review, expect: every(403, { enterprise: 404, project: 404 }) },
  { route: "POST /dangerous-works/:id/files", on: "PA", url: () => `/dangerous-works/${f.wPA}/files?kind=monitoring`, upload: async () => PDF, expect: SAFETY_MANAGE(201) },
  { route: "POST /dangerous-works/:id/files", on: "PB", url: () => `/dangerous-works/${f.wPB}/files?kind=monitoring`, upload: async () => PDF, expect: SAFETY_MANAGE(201, 404) },
  { route: "GET /dangerous-works/:id/files/:fileId", on: "PA", url: () => `/dangerous-works/${f.wPA}/files/${f.docPA}`, expect: SAFETY_READ(200) },
  { route: "GET /dangerous-works/:id/files/:fileId", on: "PB", url: () => `/dangerous-works/${f.wPB}/files/${f.docPB}`, expect: SAFETY_READ(200, 404) },
  // No subcontractor drafted these works: every party that may act is told so (422); out of scope, 404.
  { route: "POST /dangerous-works/:id/drafter-signoff", on: "PA", url: () => `/dangerous-works/${f.wPA}/drafter-signoff`, body: {}, expect: SAFETY_MANAGE(422) },
  { route: "POST /dangerous-works/:id/drafter-signoff", on: "PB", url: () => `/dangerous-works/${f.wPB}/drafter-signoff`, body: {}, expect: SAFETY_MANAGE(422, 404) },
  { route: "POST /dangerous-works/:id/gas-clearance", on: "PA", url: () => `/dangerous-works/${f.wPA}/gas-clearance`, body: () => ({ enterpriseId: f.G, refNo: "MX-RQ-1" }), expect: SAFETY_MANAGE(200) },
  { route: "POST /dangerous-works/:id/gas-clearance", on: "PB", url: () => `/dangerous-works/${f.wPB}/gas-clearance`, body: () => ({ enterpriseId: f.G, refNo: "MX-RQ-1" }), expect: SAFETY_MANAGE(200, 404) },
  { route: "GET /projects/:id/dangerous-works", on: "PA", url: () => `/projects/${f.PA}/dangerous-works`, expect: SAFETY_READ(200) },
  { route: "GET /projects/:id/dangerous-works", on: "PB", url: () => `/projects/${f.PB}/dangerous-works`, expect: SAFETY_READ(200, 404) },
  { route: "POST /projects/:id/dangerous-works", on: "PA", url: () => `/projects/${f.PA}/dangerous-works`, body: newWork, expect: SAFETY_MANAGE(201) },
  { route: "POST /projects/:id/dangerous-works", on: "PB", url: () => `/projects/${f.PB}/dangerous-works`, body: newWork, expect: SAFETY_MANAGE(201, 404) },
  { route: "GET /safety/experts", expect: SAFETY_READ(200) },
  // The pool is the bureau's: safety.manage and a city-wide role, i.e. the admin.
  { route: "POST /safety/experts", body: () => ({ personId: f.expertPerson, specialty: "lifting", title: "senior", years: 18 }), expect: adminOnly(201) },
  { route: "PATCH /safety/experts/:id", on: "an expert", url: () => `/safety/experts/${f.expertToggle}`, body: { years: 21 }, expect: adminOnly(200) },
  { route: "GET /equipment", expect: SAFETY_READ(200) },
  { route: "GET /equipment/export", expect: SAFETY_READ(200) },
  { route: "GET /equipment/:id", on: "PA", url: () => `/equipment/${f.eqPA}`, expect: SAFETY_READ(200) },
  { route: "GET /equipment/:id", on: "PB", url: () => `/equipment/${f.eqPB}`, expect: SAFETY_READ(200, 404) },
  { route: "PUT /equipment/:id", on: "PA", url: () => `/equipment/${f.eqPA}`, body: { model: "QTZ80A" }, expect: SAFETY_MANAGE(200) },
  { route: "PUT /equipment/:id", on: "PB", url: () => `/equipment/${f.eqPB}`, body: { model: "QTZ80A" }, expect: SAFETY_MANAGE(200, 404) },
  { route: "DELETE /equipment/:id", on: "equipment on PA", url: (r) => `/equipment/${per("delPA")(r)}`, expect: SAFETY_MANAGE(204) },
  { route: "DELETE /equipment/:id", on: "equipment on PB", url: (r) => `/equipment/${per("delPB")(r)}`, expect: SAFETY_MANAGE(204, 404) },
  { route: "GET /projects/:id/equipment", on: "PA", url: () => `/projects/${f.PA}/equipment`, expect: SAFETY_READ(200) },
  { route: "GET /projects/:id/equipment", on: "PB", url: () => `/projects/${f.PB}/equipment`, expect: SAFETY_READ(200, 404) },
  { route: "POST /projects/:id/equipment", on: "PA", url: () => `/projects/${f.PA}/equipment`, body: newCrane("PA"), expect: SAFETY_MANAGE(201) },
  { route: "POST /projects/:id/equipment", on: "PB", url: () => `/projects/${f.PB}/equipment`, body: newCrane("PB"), expect: SAFETY_MANAGE(201, 404) },
);
// ─── end of SAFETY block ───

// ─── TESTING block (issue 5): agencies, commissions and sampling, results, reports, concrete evaluation ───
import { samplingPhotoIdOf, testingRuleDefinitions } from "../server/src/modules/testing/index";
import { testingAgencies, testingCommissions, testingReports, testingResults } from "../server/src/modules/testing/schema";
import { ensureRuleDefaults as fileTestingRules } from "../server/src/platform/rules/rules";
import { casesRuleDefinitions as testingCaseRules } from "../server/src/modules/cases/index";

/** Roles with `testing.read`; `bound` what the enterprise and project users get, `agency` what the testing agency gets. */
const TESTING_READ = (ok: number, o: { bound?: number; agency?: number } = {}): Expect =>
  every(403, { admin: ok, leader: ok, inspector: ok, enterprise: o.bound ?? ok, project: o.bound ?? ok, testing_agency: o.agency ?? ok });
/** Roles with `testing.commission` (the admin and the project parties). */
const TESTING_COMMISSION = (ok: number, bound = ok): Expect => every(403, { admin: ok, enterprise: bound, project: bound });
/** Roles with `testing.report` (the admin and the testing agency, on commissions addressed to it). */
const TESTING_REPORT = (ok: number, agency = ok): Expect => every(403, { admin: ok, testing_agency: agency });
/** Roles that may attach sampling photos: those with `testing.commission` or `testing.report`. */
const TESTING_PHOTO_WRITERS = every(403, { admin: 201, enterprise: 201, project: 201, testing_agency: 201 });
const RESULT_SHEET = ["委托编号", "检测日期", "试块1(MPa)", "试块2(MPa)", "试块3(MPa)", "强度代表值(MPa)", "下屈服强度ReL(MPa)", "抗拉强度Rm(MPa)", "断后伸长率A(%)", "最大力总延伸率Agt(%)", "检测项目", "检测值", "标准要求", "是否合格"];

beforeAll(async () => {
  await fileTestingRules(t.db, [...testingRuleDefinitions, ...testingCaseRules]);
  const [t2] = await t.db.insert(ents).values({ name: "矩阵企业T2", creditCode: creditCode(), type: "testing", legalRep: "法人" }).returning({ id: ents.id });
  f.T2 = t2.id;
  const scopes = ["concrete", "rebar", "mortar", "cement", "admixture", "waterproof", "brick", "other"];
  await t.db.insert(testingAgencies).values([
    { enterpriseId: f.T, qualificationNo: `MX-JC-${seq}`, level: "comprehensive", scopes, validTo: "2099-12-31" },
    { enterpriseId: f.T2, qualificationNo: `MX-JC2-${seq}`, level: "comprehensive", scopes, validTo: "2099-12-31" },
  ]);
  // Commissions: on PA and PB addressed to T, on PA addressed to T2; per-role targets for sampling and results.
  const keys = [
    "cPA",
    "cPB",
    "cPA_T2",
    ...["admin", "enterprise", "project", "other"].map((r) => `sampPA_${r}`),
    "sampPB_admin",
    "sampPB_other",
    ...["admin", "testing_agency", "other"].map((r) => `resPA_${r}`),
    "resT2_admin",
    "resT2_other",
  ];
  const rows = await t.db
    .insert(testingCommissions)
    .values(
      keys.map((key, i) => ({
        no: `MX-WT-${seq}-${i}`,
        projectId: key.includes("PB") ? f.PB : f.PA,
        agencyId: key.includes("T2") ? f.T2 : f.T,
        sampleType: "concrete",
        strengthClass: "C30",
        lotNo: `MX-LOT-${i}`,
        specimenCount: 3,
        specimenSizeMm: 150,
      })),
    )
    .returning({ id: testingCommissions.id, no: testingCommissions.no });
  keys.forEach((k, i) => (f[k] = rows[i].id));
  f.cPAno = rows[0].no;
  // Sampling photos on the PA commission (to T) and the PB one (to T), as a sampling record would file them.
  const store = new FileStore(testConfig().dataDir);
  for (const [key, commission] of [["samplingPhotoPA", f.cPA], ["samplingPhotoPB", f.cPB]] as const) {
    f[key] = samplingPhotoIdOf(await store.saveImage("testing", PNG, "file"));
    await t.db.update(testingCommissions).set({ samplePhotoIds: [f[key]] }).where(eq(testingCommissions.id, commission));
  }
  // Results to list and report on: one on PA and one on PB (both T's), per-role ones to issue reports on.
  const resKeys = ["rPA", "rPB", ...["admin", "testing_agency", "other"].map((r) => `repPA_${r}`)];
  const figures = { kind: "agency", items: [{ name: "矩阵", value: "1", requirement: "", pass: true }], failedItems: [] };
  const results = await t.db
    .insert(testingResults)
    .values(resKeys.map((k) => ({ commissionId: k === "rPB" ? f.cPB : f.cPA, values: [], pass: true, method: "agency", figures, testedOn: "2026-03-01" })))
    .returning({ id: testingResults.id });
  resKeys.forEach((k, i) => (f[k] = results[i].id));
  const [report] = await t.db
    .insert(testingReports)
    .values({ reportNo: `MX-BG-${seq}`, verifyCode: `MXCODE${seq}`, resultId: f.rPA, conclusion: "pass", signers: { tester: "甲", reviewer: "乙", approver: "丙" } })
    .returning({ id: testingReports.id });
  f.reportPA = report.id;
});

const commissionBody = (r: Role) => ({ agencyId: f.T, sampleType: "concrete", strengthClass: "C30", lotNo: `MX-NEW-${r}`, specimenCount: 3, witnessed: false });
const samplingBody = (r: Role) => ({ sampledAt: "2026-03-01T08:00:00+08:00", place: "矩阵现场", sampleCode: `MXS-${r.replace("_", "-")}-${++seq}` });
const resultBody = { testedOn: "2026-03-02", values: [[40, 41, 42]] };
const signers = (r: Role) => ({ tester: `矩阵${r}`, reviewer: "乙", approver: "丙" });

cases.push(
  { route: "POST /testing/concrete-evaluations", body: { grade: "C30", values: [35, 36, 37] }, expect: TESTING_READ(200) },
  { route: "GET /testing/agencies", expect: TESTING_READ(200) },
  { route: "POST /testing/agencies", body: () => ({ enterpriseId: f.T2, qualificationNo: `MX-JC2-${seq}`, level: "special", scopes: ["concrete", "rebar"], validTo: "2099-12-31" }), expect: bureau(200) },
  { route: "GET /testing/commissions", url: "/testing/commissions?pageSize=200", expect: TESTING_READ(200) },
  { route: "GET /testing/commissions/export", expect: TESTING_READ(200) },
  { route: "POST /testing/photos", upload: async () => PNG, expect: TESTING_PHOTO_WRITERS },
  { route: "GET /testing/photos/:id", on: "sampling photo of a PA commission to T", url: () => `/testing/photos/${f.samplingPhotoPA}`, expect: TESTING_READ(200) },
  { route: "GET /testing/photos/:id", on: "sampling photo of a PB commission to T", url: () => `/testing/photos/${f.samplingPhotoPB}`, expect: TESTING_READ(200, { bound: 404 }) },
  { route: "GET /testing/commissions/:id", on: "on PA, to T", url: () => `/testing/commissions/${f.cPA}`, expect: TESTING_READ(200) },
  { route: "GET /testing/commissions/:id", on: "on PB, to T", url: () => `/testing/commissions/${f.cPB}`, expect: TESTING_READ(200, { bound: 404 }) },
  { route: "GET /testing/commissions/:id", on: "on PA, to T2", url: () => `/testing/commissions/${f.cPA_T2}`, expect: TESTING_READ(200, { agency: 404 }) },
  { route: "POST /testing/commissions/:id/sampling", on: "on PA", url: (r) => `/testing/commissions/${per("sampPA")(r)}/sampling`, body: samplingBody, expect: TESTING_COMMISSION(200) },
  { route: "POST /testing/commissions/:id/sampling", on: "on PB", url: (r) => `/testing/commissions/${per("sampPB")(r)}/sampling`, body: samplingBody, expect: TESTING_COMMISSION(200, 404) },
  { route: "POST /testing/commissions/:id/results", on: "to T", url: (r) => `/testing/commissions/${per("resPA")(r)}/results`, body: resultBody, expect: TESTING_REPORT(201) },
  { route: "POST /testing/commissions/:id/results", on: "to T2", url: (r) => `/testing/commissions/${per("resT2")(r)}/results`, body: resultBody, expect: TESTING_REPORT(201, 404) },
  { route: "GET /projects/:id/testing/commissions", on: "PA", url: () => `/projects/${f.PA}/testing/commissions`, expect: TESTING_READ(200) },
  { route: "GET /projects/:id/testing/commissions", on: "PB", url: () => `/projects/${f.PB}/testing/commissions`, expect: TESTING_READ(200, { bound: 404, agency: 404 }) },
  { route: "POST /projects/:id/testing/commissions", on: "PA", url: () => `/projects/${f.PA}/testing/commissions`, body: commissionBody, expect: TESTING_COMMISSION(201) },
  { route: "POST /projects/:id/testing/commissions", on: "PB", url: () => `/projects/${f.PB}/testing/commissions`, body: commissionBody, expect: TESTING_COMMISSION(201, 404) },
  { route: "GET /projects/:id/testing/witness-share", on: "PA", url: () => `/projects/${f.PA}/testing/witness-share`, expect: TESTING_READ(200) },
  { route: "GET /projects/:id/testing/witness-share", on: "PB", url: () => `/projects/${f.PB}/testing/witness-share`, expect: TESTING_READ(200, { bound: 404, agency: 404 }) },
  { route: "GET /testing/results/import-template", expect: TESTING_REPORT(200) },
  { route: "POST /testing/results/import", upload: () => xlsx(RESULT_SHEET, [f.cPAno, "2026-03-02", "", "", "", 40, "", "", "", "", "", "", "", ""]), expect: TESTING_REPORT(202) },
  { route: "GET /testing/results/export", expect: TESTING_READ(200) },
  { route: "GET /testing/results", url: "/testing/results?pageSize=200", expect: TESTING_READ(200) },
  { route: "GET /testing/results/:id", on: "on PA", url: () => `/testing/results/${f.rPA}`, expect: TESTING_READ(200) },
  { route: "GET /testing/results/:id", on: "on PB", url: () => `/testing/results/${f.rPB}`, expect: TESTING_READ(200, { bound: 404 }) },
  { route: "POST /testing/results/:id/report", on: "results on PA", url: (r) => `/testing/results/${per("repPA")(r)}/report`, body: (r) => ({ signers: signers(r) }), expect: TESTING_REPORT(201) },
  { route: "GET /testing/reports/:id", on: "on PA", url: () => `/testing/reports/${f.reportPA}`, expect: TESTING_READ(200) },
  { route: "GET /testing/reports/:id/qr.png", on: "on PA", url: () => `/testing/reports/${f.reportPA}/qr.png`, expect: TESTING_READ(200) },
  { route: "GET /testing/reports/:id/report.pdf", on: "on PA", url: () => `/testing/reports/${f.reportPA}/report.pdf`, expect: TESTING_READ(200) },
  { route: "PATCH /testing/reports/:id", on: "on PA", url: () => `/testing/reports/${f.reportPA}`, body: (r) => ({ signers: signers(r), reason: "矩阵修订" }), expect: TESTING_REPORT(200) },
);
PUBLIC_ROUTES.add("GET /public/reports/:code");

// The lists' `sees` check of the matrix reads `items` of every matching answer, the gas company's 403 too; so here.
describe("testing lists: who sees what", () => {
  it("shows each role the commissions and results of its scope", async () => {
    const visible: [string, Record<string, readonly Role[]>][] = [
      ["/testing/commissions", { cPA: [...CITY_WIDE, "enterprise", "project", "testing_agency"], cPB: [...CITY_WIDE, "testing_agency"], cPA_T2: [...CITY_WIDE, "enterprise", "project"] }],
      ["/testing/results", { rPA: [...CITY_WIDE, "enterprise", "project", "testing_agency"], rPB: [...CITY_WIDE, "testing_agency"] }],
    ];
    const mismatches: string[] = [];
    for (const [path, sees] of visible) {
      for (const role of ROLES.filter((r) => r !== "gas_company")) {
        const res = await t.as(users[role], { method: "GET", url: `/api/v1${path}?pageSize=200` });
        const ids = new Set((res.json() as { items: { id: string }[] }).items.map((i) => i.id));
        for (const [key, roles] of Object.entries(sees)) if (ids.has(f[key]) !== roles.includes(role)) mismatches.push(`${role} ${path}: ${roles.includes(role) ? "should" : "should not"} see ${key}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
// ─── end of TESTING block ───

// ─── CASES-CORE block (issue 5): the rectification loop, photos, notices, inbox ───
import { casesRuleDefinitions as casesCoreRules, casePhotoIdOf } from "../server/src/modules/cases/index";
import { casesCases, casesEvents, casesNotifications } from "../server/src/modules/cases/schema";
import { ensureRuleDefaults as fileCasesCoreRules } from "../server/src/platform/rules/rules";

/** Roles with `cases.read`; `bound` is what the enterprise and project users get outside their scope. */
const CASE_READERS = (ok: number, bound = ok, gas = ok): Expect => every(403, { admin: ok, leader: ok, inspector: ok, enterprise: bound, project: bound, gas_company: gas });

/** Roles that may attach case photos: inspectors (cases.inspect) and the answering parties (cases.reply). */
const CASE_WRITERS = every(403, { admin: 201, inspector: 201, enterprise: 201, project: 201, gas_company: 201 });
/** The responsible side of a PA case (A is its general contractor; the project user is bound to PA). */
const RESPONSIBLE_PA = (ok: number) => every(403, { enterprise: ok, project: ok, gas_company: 404 });

beforeAll(async () => {
  await fileCasesCoreRules(t.db, casesCoreRules);
  const photo = casePhotoIdOf(await new FileStore(testConfig().dataDir).saveImage("cases", PNG, "file"));
  f.casePhoto = photo;
  // A reply attaches only its own side's uploads (platform/files/photos.ts): each responsible role uploads one.
  for (const r of ["enterprise", "project"] as const) {
    const up = await t.as(users[r], { method: "POST", url: "/api/v1/cases/photos", ...multipart("p.png", PNG) });
    f[`casePhoto_${r}`] = (up.json() as { id: string }).id;
  }
  // PC: a third live project (A is its general contractor) for stop-work orders, so PA's status never changes under other blocks.
  const [pc] = await t.db.insert(projects).values({ code: "MX-PCW", name: "矩阵停工项目", type: "building", district: "东城街道", status: "in_progress", permitNo: "330784-PCW" }).returning({ id: projects.id });
  f.PCW = pc.id;
  await t.db.insert(participants).values({ projectId: f.PCW, enterpriseId: f.A, role: "general_contractor" });
  const deadline = new Date(Date.now() + 7 * 86_400_000);
  const row = (key: string, projectId: string, over: Partial<typeof casesCases.$inferInsert> = {}) => ({
    no: `MX-${key}`,
    projectId,
    enterpriseId: projectId === f.PB ? f.B : f.A,
    source: "patrol",
    category: "safety",
    grade: "major",
    title: `矩阵案件${key}`,
    deadline,
    issuerName: "矩阵检查员",
    ...over,
  });
  const five = ["admin", "inspector", "enterprise", "project", "other"];
  const rows = [
    row("casePA", f.PA, { photoIds: [photo] }),
    row("casePB", f.PB),
    row("stopPA", f.PA, { stopWork: "ordered" }),
    row("commentPA", f.PA),
    ...five.map((r) => row(`accept_${r}`, f.PA)),
    ...five.map((r) => row(`reply_${r}`, f.PA, { state: "rectifying" })),
    ...five.map((r) => row(`recheck_${r}`, f.PA, { state: "review" })),
    ...five.map((r) => row(`stop_${r}`, f.PCW)),
    ...five.map((r) => row(`rapply_${r}`, f.PA, { state: "closed", stopWork: "ordered" })),
    ...five.map((r) => row(`rdecide_${r}`, f.PA, { state: "closed", stopWork: "resume_applied" })),
    row("acceptPB", f.PB),
  ];
  const inserted = await t.db.insert(casesCases).values(rows).returning({ id: casesCases.id, no: casesCases.no });
  for (const c of inserted) f[c.no.slice(3)] = c.id;
  await t.db.insert(casesEvents).values({ caseId: f.stopPA, actorName: "矩阵检查员", action: "stop_work_ordered", note: "矩阵停工", data: { scope: "full" } });
  // One inbox entry per role (marked read by its owner), and one of the target user's nobody else may touch.
  const owners = ROLES.map((r) => ({ userId: users[r].id, kind: "test.matrix", title: `矩阵通知${r}` }));
  const notes = await t.db.insert(casesNotifications).values([...owners, { userId: f.target, kind: "test.matrix", title: "他人通知" }]).returning({ id: casesNotifications.id, userId: casesNotifications.userId });
  for (const r of ROLES) f[`note_${r}`] = notes.find((n) => n.userId === users[r].id)!.id;
  f.noteOther = notes.find((n) => n.userId === f.target)!.id;
});

cases.push(
  { route: "GET /cases/board", expect: CASE_READERS(200) },
  { route: "GET /cases", url: "/cases?pageSize=200&q=MX-case", expect: CASE_READERS(200), sees: { casePA: [...CITY_WIDE, "enterprise", "project"], casePB: CITY_WIDE } },
  { route: "GET /cases/export", expect: CASE_READERS(200) },
  { route: "GET /cases/:id", on: "PA", url: () => `/cases/${f.casePA}`, expect: CASE_READERS(200, 200, 404) },
  { route: "GET /cases/:id", on: "PB", url: () => `/cases/${f.casePB}`, expect: CASE_READERS(200, 404, 404) },
  { route: "GET /cases/:id/notice.pdf", on: "PA", url: () => `/cases/${f.casePA}/notice.pdf`, expect: CASE_READERS(200, 200, 404) },
  { route: "GET /cases/:id/notice.pdf", on: "PB", url: () => `/cases/${f.casePB}/notice.pdf`, expect: CASE_READERS(200, 404, 404) },
  { route: "GET /cases/:id/stop-work.pdf", on: "PA under a stop-work order", url: () => `/cases/${f.stopPA}/stop-work.pdf`, expect: CASE_READERS(200, 200, 404) },
  { route: "POST /cases", on: "PA", body: () => ({ projectId: f.PA, source: "patrol", category: "safety", grade: "general", title: "矩阵开单" }), expect: bureau(201) },
  { route: "POST /cases", on: "PB", body: () => ({ projectId: f.PB, source: "patrol", category: "safety", grade: "general", title: "矩阵开单" }), expect: bureau(201) },
  { route: "POST /cases/photos", upload: async () => PNG, expect: CASE_WRITERS },
  { route: "GET /cases/photos/:id", on: "a PA case's photo", url: () => `/cases/photos/${f.casePhoto}`, expect: CASE_READERS(200, 200, 404) },
  // The admin holds cases.reply but is not the responsible unit: the workflow refuses it (403).
  { route: "POST /cases/:id/accept", on: "PA cases", url: (r) => `/cases/${per("accept")(r)}/accept`, body: {}, expect: RESPONSIBLE_PA(200) },
  { route: "POST /cases/:id/accept", on: "PB", url: () => `/cases/${f.acceptPB}/accept`, body: {}, expect: every(403, { enterprise: 404, project: 404, gas_company: 404 }) },
  { route: "POST /cases/:id/reply", on: "PA cases", url: (r) => `/cases/${per("reply")(r)}/reply`, body: (r) => ({ measures: "矩阵整改", photoIds: [f[`casePhoto_${r}`] ?? f.casePhoto] }), expect: RESPONSIBLE_PA(200) },
  { route: "POST /cases/:id/recheck", on: "PA cases", url: (r) => `/cases/${per("recheck")(r)}/recheck`, body: { passed: true }, expect: bureau(200) },
  { route: "POST /cases/:id/stop-work", on: "PCW cases", url: (r) => `/cases/${per("stop")(r)}/stop-work`, body: { scope: "full", reason: "矩阵停工" }, expect: bureau(200) },
  { route: "POST /cases/:id/resume-apply", on: "PA cases", url: (r) => `/cases/${per("rapply")(r)}/resume-apply`, body: { report: "矩阵复工报告" }, expect: RESPONSIBLE_PA(200) },
  { route: "POST /cases/:id/resume-decision", on: "PA cases", url: (r) => `/cases/${per("rdecide")(r)}/resume-decision`, body: { approved: false, reason: "矩阵不同意" }, expect: bureau(200) },
  { route: "POST /cases/:id/comment", on: "PA", url: () => `/cases/${f.commentPA}/comment`, body: { text: "矩阵备注" }, expect: every(403, { admin: 200, inspector: 200, enterprise: 200, project: 200, gas_company: 404 }) },
  { route: "POST /cases/:id/comment", on: "PB", url: () => `/cases/${f.casePB}/comment`, body: { text: "矩阵备注" }, expect: every(403, { admin: 200, inspector: 200, enterprise: 404, project: 404, gas_company: 404 }) },
  { route: "GET /notifications", url: "/notifications?pageSize=200", expect: every(200), sees: { noteOther: [] } },
  { route: "GET /notifications/unread-count", expect: every(200) },
  { route: "POST /notifications/read-all", expect: every(200) },
  { route: "POST /notifications/:id/read", on: "own", url: (r) => `/notifications/${f[`note_${r}`]}/read`, expect: every(200) },
  { route: "POST /notifications/:id/read", on: "another user's", url: () => `/notifications/${f.noteOther}/read`, expect: every(404) },
);
// ─── end of CASES-CORE block ───

// ─── ENTERPRISE-CHANGE block (security point 10): identity fields only through a change request the bureau decides ───
import { registryEnterpriseChangeRequests as changeRequests, registryQualifications as entQuals } from "../server/src/modules/registry/schema";
import { identityOf } from "../server/src/modules/registry/enterprise-change.workflow";

beforeAll(async () => {
  // Pending requests filed "earlier": one per list-scope fixture, and per-role targets for the decisions. Each approval
  // changes its enterprise, so the admin's and the inspector's approvals act on different enterprises (X1, X2).
  const identity = async (id: string) => {
    const [e] = await t.db.select().from(ents).where(eq(ents.id, id));
    return identityOf({ ...e, qualifications: await t.db.select().from(entQuals).where(eq(entQuals.enterpriseId, id)) });
  };
  const keys: [string, string][] = [
    ["crA", f.A], ["crB", f.B], ["crG", f.G],
    ["crApprove_admin", f.X1], ["crApprove_inspector", f.X2], ["crApprove_other", f.B],
    ["crReject_admin", f.B], ["crReject_inspector", f.B], ["crReject_other", f.B],
  ];
  const rows = await t.db
    .insert(changeRequests)
    .values(await Promise.all(keys.map(async ([key, enterpriseId]) => ({ enterpriseId, proposed: { legalRep: `矩阵申请${key}` }, base: await identity(enterpriseId), reason: "矩阵", requestedByName: "矩阵企业用户" }))))
    .returning({ id: changeRequests.id });
  keys.forEach(([key], i) => (f[key] = rows[i].id));
});

const changeRequestBody = (r: Role) => ({ legalRep: `矩阵新法人${r}`, reason: "营业执照变更" });
cases.push(
  // Identity fields: the bureau edits them directly; A's own user is refused (403 naming the field), the rest as for any PATCH of A.
  { route: "PATCH /enterprises/:id", on: "A, identity field legalRep", url: () => `/enterprises/${f.A}`, body: (r) => ({ legalRep: `矩阵法人${r}` }), expect: every(403, { admin: 200, inspector: 200, gas_company: 404 }) },
  { route: "POST /enterprises/:id/change-requests", on: "A: own of enterprise", url: () => `/enterprises/${f.A}/change-requests`, body: changeRequestBody, expect: every(403, { enterprise: 201, gas_company: 404 }) },
  { route: "POST /enterprises/:id/change-requests", on: "B: outside every bound scope", url: () => `/enterprises/${f.B}/change-requests`, body: changeRequestBody, expect: every(403, { enterprise: 404, testing_agency: 404, gas_company: 404 }) },
  { route: "POST /enterprises/:id/change-requests", on: "G: own of gas_company", url: () => `/enterprises/${f.G}/change-requests`, body: changeRequestBody, expect: every(403, { gas_company: 201, enterprise: 404, testing_agency: 404 }) },
  // Visible is not enough: another enterprise's requests are its own business (403), outside the scope 404.
  { route: "GET /enterprises/:id/change-requests", on: "A", url: () => `/enterprises/${f.A}/change-requests`, expect: every(200, { project: 403, testing_agency: 403, gas_company: 404 }) },
  { route: "GET /enterprises/:id/change-requests", on: "B", url: () => `/enterprises/${f.B}/change-requests`, expect: outOfScope(200) },
  {
    route: "GET /enterprise-change-requests",
    url: "/enterprise-change-requests?pageSize=200",
    expect: every(200),
    sees: { crA: [...CITY_WIDE, "enterprise"], crB: CITY_WIDE, crG: [...CITY_WIDE, "gas_company"] },
  },
  { route: "POST /enterprise-change-requests/:id/approve", on: "pending requests", url: (r) => `/enterprise-change-requests/${per("crApprove")(r)}/approve`, body: { note: "矩阵通过" }, expect: bureau(200) },
  { route: "POST /enterprise-change-requests/:id/reject", on: "pending requests", url: (r) => `/enterprise-change-requests/${per("crReject")(r)}/reject`, body: { note: "矩阵驳回" }, expect: bureau(200) },
);
// ─── end of ENTERPRISE-CHANGE block ───

const resolve = <T>(v: PerRole<T>, role: Role): T => (typeof v === "function" ? (v as (r: Role) => T)(role) : v);
const [methodOf, pathOf] = [(c: Case) => c.route.split(" ")[0], (c: Case) => c.route.split(" ")[1]];

// Briefings (监管简报): the bureau's city-wide documents — reports.read / reports.generate, every other role 403.
import { reportsReports } from "../server/src/modules/reports/schema";

beforeAll(async () => {
  const [r] = await t.db
    .insert(reportsReports)
    .values({ kind: "weekly", periodFrom: "2026-01-05", periodTo: "2026-01-11", title: "永康市建设工程监管周报", trigger: "schedule", headline: [], content: { city: "永康市", previous: { from: "2025-12-29", to: "2026-01-04" }, headline: [], alarmsBySeverity: {}, tables: [] }, createdByName: "系统" })
    .returning({ id: reportsReports.id });
  f.report = r.id;
});

const REPORTS = (ok: number): Expect => every(403, { admin: ok, leader: ok, inspector: ok });
/** A day of its own per role, so each bureau role files a new briefing (201). */
const reportDay = (r: Role) => `2026-01-${String(10 + ROLES.indexOf(r)).padStart(2, "0")}`;
cases.push(
  { route: "GET /reports", url: "/reports", expect: REPORTS(200) },
  { route: "POST /reports", url: "/reports", body: (r) => ({ kind: "daily", from: reportDay(r), to: reportDay(r) }), expect: REPORTS(201) },
  { route: "GET /reports/:id", url: () => `/reports/${f.report}`, expect: REPORTS(200) },
  { route: "GET /reports/:id/report.pdf", url: () => `/reports/${f.report}/report.pdf`, expect: REPORTS(200) },
  { route: "GET /reports/:id/report.xlsx", url: () => `/reports/${f.report}/report.xlsx`, expect: REPORTS(200) },
  { route: "GET /reports/subscriptions", url: "/reports/subscriptions", expect: REPORTS(200) },
  { route: "PUT /reports/subscriptions", url: "/reports/subscriptions", body: { weekly: true }, expect: REPORTS(200) },
);

// The project risk index: every role that reads projects reads their risk, in its project scope (PA is A's, PB is B's).
import { recomputeRisk } from "../server/src/modules/risk/index";
import { systemClock } from "../server/src/platform/clock";

beforeAll(async () => {
  await recomputeRisk({ db: t.db, region: "330784", clock: systemClock });
});

cases.push(
  { route: "GET /risk/projects", url: "/risk/projects?pageSize=200", expect: every(200), sees: { PA: ALL_BUT_GAS, PB: CITY_WIDE } },
  { route: "GET /risk/projects/export", url: "/risk/projects/export", expect: every(200) },
  { route: "GET /projects/:id/risk", on: "PA: A is general contractor, T tests", url: () => `/projects/${f.PA}/risk`, expect: every(200, { gas_company: 404 }) },
  { route: "GET /projects/:id/risk", on: "PB: B is general contractor", url: () => `/projects/${f.PB}/risk`, expect: outOfScope(200) },
);

// The command center and the role home pages answer every role, each with the sections its permissions allow
// (their scope is tested in dashboard/city.db.test.ts); the city-wide workforce and witness-share lists keep
// their module's read permission.
cases.push(
  { route: "GET /dashboard/city", url: "/dashboard/city", expect: every(200) },
  { route: "GET /dashboard/home", url: "/dashboard/home", expect: every(200) },
  { route: "GET /dashboard/map", url: "/dashboard/map", expect: every(200) },
  { route: "GET /attendance/today", url: "/attendance/today", expect: WORKFORCE_READ(200) },
  { route: "GET /attendance/on-site", url: "/attendance/on-site", expect: WORKFORCE_READ(200) },
  { route: "GET /testing/witness-share", url: "/testing/witness-share", expect: TESTING_READ(200) },
);

async function call(c: Case, user: TestUser | null, role: Role): Promise<LightMyRequestResponse> {
  const url = `/api/v1${c.url ? resolve(c.url, role) : pathOf(c)}`;
  const method = methodOf(c) as "GET";
  if (c.upload) return t.as(user, { method, url, ...multipart("import.xlsx", await c.upload(role)) });
  const body = c.body === undefined ? undefined : resolve(c.body, role);
  return t.as(user, { method, url, ...(body === undefined ? {} : { payload: body }) });
}

describe("authorization matrix", () => {
  it.each(cases.map((c) => [c.on ? `${c.route} — ${c.on}` : c.route, c] as const))("%s", async (_label, c) => {
    const mismatches: string[] = [];
    const anon = await call(c, null, "admin");
    if (anon.statusCode !== 401) mismatches.push(`anonymous: expected 401, got ${anon.statusCode}`);
    for (const role of ROLES) {
      const res = await call(c, users[role], role);
      if (res.statusCode !== c.expect[role]) {
        const err = res.headers["content-type"]?.toString().includes("json") ? (res.json() as { error?: { code: string; message: string } }).error : undefined;
        mismatches.push(`${role}: expected ${c.expect[role]}, got ${res.statusCode}${err ? ` ${err.code} ${err.message}` : ""}`);
      } else if (c.sees && res.statusCode === 200) {
        // A list of per-project figures (the risk ranking) names its rows by projectId.
        const ids = new Set((res.json() as { items: { id?: string; projectId?: string }[] }).items.map((i) => i.id ?? i.projectId));
        for (const [key, roles] of Object.entries(c.sees)) {
          if (ids.has(f[key]) !== roles.includes(role)) mismatches.push(`${role}: ${roles.includes(role) ? "should" : "should not"} see ${key}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  // The OpenAPI document lists every route registered after @fastify/swagger (all of /api/v1); a route
  // declared with `schema.hide` would escape this check, and none is.
  it("covers every route the app registers under /api/v1, and only registered routes", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as { paths: Record<string, Record<string, unknown>> };
    const registered = new Set<string>();
    for (const [p, methods] of Object.entries(doc.paths)) {
      if (!p.startsWith("/api/v1/")) continue;
      for (const m of Object.keys(methods)) if (m !== "head" && m !== "options") registered.add(`${m.toUpperCase()} ${p.slice(7).replace(/\{(\w+)\}/g, ":$1")}`);
    }
    const covered = new Set(cases.map((c) => c.route));
    // Each gas area tests its own routes × roles (server/src/modules/gas/*.authz.db.test.ts).
    const ownMatrix = (r: string) => r.split(" ")[1].startsWith("/gas/") || r.split(" ")[1].startsWith("/public/cylinders");
    expect([...registered].filter((r) => !covered.has(r) && !PUBLIC_ROUTES.has(r) && !ownMatrix(r)).sort(), "registered routes without a case").toEqual([]);
    expect([...covered, ...PUBLIC_ROUTES].filter((r) => !registered.has(r)).sort(), "cases for routes the app does not register").toEqual([]);
  });
});
