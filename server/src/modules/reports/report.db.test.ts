import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDay } from "@contracts/platform/time";
import type { ReportDto } from "@contracts/reports/reports";
import { SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { auditLog } from "../../platform/audit/schema.js";
import { fixedClock } from "../../platform/clock.js";
import { pdfText } from "../../platform/pdf/pdf-text.test-fixtures.js";
import { casesWorld, type CasesWorld } from "../cases/case.test-fixtures.js";
import { casesCases } from "../cases/schema.js";
import { insertAlarm, insertDevice } from "../iot/device.test-fixtures.js";
import { headlineLinks } from "./report-figures.queries.js";
import { periodBefore, previousPeriod } from "./report-period.calc.js";
import { runSchedule } from "./report.sweeps.js";
import { fileReport } from "./report.service.js";
import { reportsReports } from "./schema.js";

/**
 * Briefings against a small city: cases and alarms placed in last week and the week before, so the weekly
 * briefing's figures and their previous-period values can be checked against the lists they link to.
 */

let w: CasesWorld;
const week = periodBefore("weekly", shanghaiDay());
const before = previousPeriod("weekly", week);
/** Noon (Shanghai) of a day of a period. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);
const json = <T>(body: string) => JSON.parse(body) as T;

async function insertCase(projectId: string, createdAt: Date, opts: Partial<typeof casesCases.$inferInsert> = {}) {
  const no = `RPT-${Math.random().toString(36).slice(2, 10)}`;
  await w.t.db.insert(casesCases).values({ no, projectId, source: "inspection", category: "safety", grade: "general", title: `简报测试问题${no}`, issuerName: "检查员", deadline: new Date(+createdAt + 7 * 86_400_000), createdAt, updatedAt: createdAt, ...opts });
}

beforeAll(async () => {
  w = await casesWorld();
  const { PA, PB } = w;
  await insertCase(PA.id, noonOf(week.from), { grade: "major", title: "简报测试重大隐患：深基坑无支护" });
  await insertCase(PA.id, noonOf(week.to));
  await insertCase(PB.id, new Date(`${week.to}T23:59:00+08:00`));
  await insertCase(PB.id, noonOf(before.to), { grade: "major", stopWork: "ordered" });
  // The first instant of the week counts in it; the last minute of the week before does not.
  await insertCase(PB.id, new Date(`${week.from}T00:00:00+08:00`));
  await insertCase(PA.id, new Date(Date.parse(`${week.from}T00:00:00+08:00`) - 60_000));
  // Not in either week: today.
  await insertCase(PA.id, new Date());
  const dev = await insertDevice(w.t.db, PA.id);
  await insertAlarm(w.t.db, dev, { ruleCode: "r1", severity: "critical", startedAt: noonOf(week.from), clearedAt: noonOf(week.from) });
  await insertAlarm(w.t.db, dev, { ruleCode: "r2", severity: "major", startedAt: noonOf(week.to), clearedAt: noonOf(week.to) });
  await insertAlarm(w.t.db, dev, { ruleCode: "r3", severity: "minor", startedAt: noonOf(before.from), clearedAt: noonOf(before.from) });
  await insertAlarm(w.t.db, dev, { ruleCode: "dust.pm10", severity: "major", startedAt: noonOf(week.to), clearedAt: noonOf(week.to) });
}, 300_000);

afterAll(async () => {
  await w?.t.close();
});

describe("briefings", () => {
  let id = "";

  it("files last week's briefing on demand (201), and answers the archived one when asked again (200)", async () => {
    const res = await w.t.as(w.leader, { method: "POST", url: "/api/v1/reports", payload: { kind: "weekly" } });
    expect(res.statusCode, res.body).toBe(201);
    id = json<{ id: string; created: boolean }>(res.body).id;
    const again = await w.t.as(w.inspector, { method: "POST", url: "/api/v1/reports", payload: { kind: "weekly" } });
    expect(again.statusCode).toBe(200);
    expect(json<{ id: string; created: boolean }>(again.body)).toEqual({ id, created: false });
    const list = json<{ items: ReportDto[]; total: number }>((await w.t.as(w.leader, { method: "GET", url: "/api/v1/reports?kind=weekly" })).body);
    expect(list.items.map((r) => [r.id, r.from, r.to, r.title])).toEqual([[id, week.from, week.to, "永康市建设工程监管周报"]]);
    const audit = await w.t.db.select().from(auditLog).where(and(eq(auditLog.action, "reports.report.generated"), eq(auditLog.entityId, id)));
    expect(audit).toHaveLength(1);
  });

  it("its figures equal the totals of the lists they link to, this week and the week before, and the dashboard's", async () => {
    const r = json<ReportDto>((await w.t.as(w.leader, { method: "GET", url: `/api/v1/reports/${id}` })).body);
    const prevLinks = headlineLinks(before);
    const byKey = Object.fromEntries(r.headline.map((h) => [h.key, h]));
    expect(byKey.casesOpened.value).toBe(4);
    expect(byKey.majorCasesOpened.value).toBe(1);
    expect(byKey.alarmsRaised.value).toBe(3);
    expect(byKey.dustExceedances).toMatchObject({ value: 1, previous: 0 });
    expect(byKey.criticalAlarms.value).toBe(1);
    expect(byKey.alarmsRaised.previous).toBe(1);
    expect(byKey.casesOpened.previous).toBe(2);
    expect(byKey.stopWorkInForce).toMatchObject({ value: 1, previous: null, now: true });
    for (const h of r.headline) {
      const list = await w.t.as(w.leader, { method: "GET", url: h.link });
      expect(list.statusCode, h.link).toBe(200);
      expect(json<{ total: number }>(list.body).total, h.key).toBe(h.value);
      if (h.previous === null) continue;
      const prev = await w.t.as(w.leader, { method: "GET", url: prevLinks[h.key] });
      expect(json<{ total: number }>(prev.body).total, `${h.key} previous`).toBe(h.previous);
    }
    // The states at generation are the command center's own counts (the same lists).
    const city = json<{ cases: { stopWork: number }; wages: { projectsOwing: number } }>((await w.t.as(w.leader, { method: "GET", url: "/api/v1/dashboard/city" })).body);
    expect([byKey.stopWorkInForce.value, byKey.projectsOwingWages.value]).toEqual([city.cases.stopWork, city.wages.projectsOwing]);
  });

  it("prints a PDF whose text reads back, and an xlsx with the tables behind the figures", async () => {
    const pdf = await w.t.as(w.leader, { method: "GET", url: `/api/v1/reports/${id}/report.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    // The charts' SVG text is drawn glyph by glyph (report-chart.pdf.test.ts reads it); the rest reads back as lines.
    // Table cells wrap: read the text as one run.
    const text = pdfText(pdf.rawPayload).replace(/\n/g, "");
    for (const s of ["永康市建设工程监管周报", `${week.from} 至 ${week.to}`, "主要指标", "新增问题案件", "简报测试重大隐患：深基坑无支护", "重点关注项目"]) expect(text).toContain(s);
    const xlsx = await w.t.as(w.leader, { method: "GET", url: `/api/v1/reports/${id}/report.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["主要指标", "重大隐患", "停工整改", "紧急告警", "检测不合格", "欠薪项目", "燃气配送异常", "重点关注项目"]);
    expect(wb.getWorksheet("重大隐患")!.getRow(2).getCell(4).value).toBe("简报测试重大隐患：深基坑无支护");
  });

  it("is the bureau's: other roles are refused, and a period not over yet is refused on `to`", async () => {
    for (const req of [
      { method: "GET" as const, url: "/api/v1/reports" },
      { method: "GET" as const, url: `/api/v1/reports/${id}/report.pdf` },
      { method: "POST" as const, url: "/api/v1/reports", payload: { kind: "daily" } },
    ]) {
      expect((await w.t.as(w.contractorA, req)).statusCode, req.url).toBe(403);
    }
    const today = shanghaiDay();
    const open = await w.t.as(w.leader, { method: "POST", url: "/api/v1/reports", payload: { kind: "daily", from: today, to: today } });
    expect(open.statusCode).toBe(400);
    expect(json<{ error: { details: { issues: { path: string }[] } } }>(open.body).error.details.issues[0].path).toBe("to");
  });

  it("files each period once even when two processes race, and the schedule files only what is due and missing", async () => {
    const ctx = w.t.context(SYSTEM_ACTOR);
    const period = { from: before.from, to: before.to };
    const [a, b] = await Promise.all([fileReport(ctx, "weekly", period, "schedule", "永康市"), fileReport(ctx, "weekly", period, "schedule", "永康市")]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    // Monday 07:05 Shanghai of the current week: last week's weekly is already filed (above), so the weekly is not filed again.
    const clock = fixedClock(new Date(`${shanghaiDay(new Date(`${week.to}T12:00:00+08:00`).getTime() + 86_400_000)}T07:05:00+08:00`));
    const deps = { db: w.t.db, events: ctx.events, log: ctx.log, region: ctx.region, clock, files: ctx.files };
    const first = await runSchedule(deps, "永康市");
    expect(first.map((f) => f.kind).sort()).toEqual(["daily", "monthly"]);
    expect(await runSchedule(deps, "永康市")).toEqual([]);
    const weekly = await w.t.db.select().from(reportsReports).where(and(eq(reportsReports.kind, "weekly"), eq(reportsReports.periodFrom, week.from)));
    expect(weekly).toHaveLength(1);
  });

  it("puts a new briefing in its subscribers' inboxes only", async () => {
    const put = await w.t.as(w.leader, { method: "PUT", url: "/api/v1/reports/subscriptions", payload: { monthly: true } });
    expect(put.statusCode).toBe(200);
    expect(json(put.body)).toEqual({ daily: false, weekly: false, monthly: true });
    const res = await w.t.as(w.inspector, { method: "POST", url: "/api/v1/reports", payload: { kind: "monthly", from: before.from, to: week.to } });
    expect(res.statusCode).toBe(201);
    const { id: monthlyId } = json<{ id: string }>(res.body);
    const inbox = json<{ items: { kind: string; title: string; link: string }[] }>((await w.t.as(w.leader, { method: "GET", url: "/api/v1/notifications" })).body);
    expect(inbox.items.filter((n) => n.kind === "reports.generated")).toEqual([expect.objectContaining({ title: `永康市建设工程监管月报（${before.from} 至 ${week.to}）`, link: `/reports?id=${monthlyId}` })]);
    const other = json<{ items: { kind: string }[] }>((await w.t.as(w.inspector, { method: "GET", url: "/api/v1/notifications" })).body);
    expect(other.items.filter((n) => n.kind === "reports.generated")).toEqual([]);
    expect((await w.t.as(w.contractorA, { method: "PUT", url: "/api/v1/reports/subscriptions", payload: { daily: true } })).statusCode).toBe(403);
  });
});
