import { and, eq, sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/workforce/presence";
import type { CreatePayrollInput, PayrollDto, UpdatePayrollInput, WageAccountDto, WageAccountInput } from "@contracts/workforce/wages";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { startImport } from "../../platform/excel/import-job.js";
import { AppError, conflict, invalid, notFound } from "../../platform/errors.js";
import { assertProjectVisible, personsView, projectScope } from "../registry/index.js";
import { parsePayrollSheet, type PayrollImportRow } from "./payroll.sheet.js";
import { workforcePayrolls as PR, workforceWageAccounts as A, workforceWorkers as W } from "./schema.js";
import { payrollDateIssues } from "./wage.checks.js";
import { getPayroll, readWageAccount, wageAccountDto } from "./wage.queries.js";

const PE = personsView();

/**
 * Write side of wages (工资支付): the project's special account, payroll lines entered, imported or marked
 * paid. Each write: `wages.manage`, project scope (404 outside it), validation naming the field, one
 * transaction with its audit entry, the event after commit. Amounts are stored as numeric(12,2).
 */

export const WAGE_ACCOUNT_SAVED = "workforce.wageAccount.saved";
export const PAYROLL_CREATED = "workforce.payroll.created";
export const PAYROLL_UPDATED = "workforce.payroll.updated";

const money = (v: number) => v.toFixed(2);

/**
 * The project's special account, account number masked; `full` shows it whole, which needs
 * `workforce.sensitive` and is recorded in the audit log (every full view of personal or account data is).
 * @returns null when the project has no account on record.
 */
export async function viewWageAccount(ctx: ServiceContext, projectId: string, full: boolean): Promise<WageAccountDto | null> {
  requirePermission(ctx.actor, "workforce.read");
  if (full) requirePermission(ctx.actor, "workforce.sensitive");
  const { projectName, account } = await readWageAccount(ctx.db, ctx.actor, projectId);
  if (!account) return null;
  if (full) {
    await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: "workforce.wageAccount.viewedFull", entity: "wage_account", entityId: projectId }));
  }
  return wageAccountDto(account, projectName, full);
}

/**
 * Registers or replaces the project's 农民工工资专用账户. A name without the project name or 农民工工资专用账户
 * is stored with warnings (see `accountWarnings`), not refused.
 * @throws AppError FORBIDDEN without `wages.manage`; NOT_FOUND out of scope; VALIDATION on an opening date in the future.
 */
export async function saveWageAccount(ctx: ServiceContext, projectId: string, input: WageAccountInput): Promise<WageAccountDto> {
  requirePermission(ctx.actor, "wages.manage");
  if (input.openedOn > shanghaiDay(ctx.clock.now())) throw invalid([{ path: "openedOn", message: "开户日期不能晚于今天 (opening date in the future)" }]);
  const created = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, projectId);
    const [before] = await tx.select().from(A).where(eq(A.projectId, projectId)).for("update");
    const [after] = await tx
      .insert(A)
      .values({ projectId, ...input })
      .onConflictDoUpdate({ target: A.projectId, set: { ...input, updatedAt: sql`now()` } })
      .returning();
    await recordAudit(tx, ctx, { action: before ? "workforce.wageAccount.updated" : "workforce.wageAccount.created", entity: "wage_account", entityId: projectId, before, after });
    return !before;
  });
  ctx.events.publish(WAGE_ACCOUNT_SAVED, { projectId, created });
  const { projectName, account } = await readWageAccount(ctx.db, ctx.actor, projectId);
  return wageAccountDto(account!, projectName, false);
}

const duplicateMonth = (month: string) =>
  conflict(`该工人 ${month} 的工资已录入 (payroll for this worker and month already exists)`, { issues: [{ path: "month", message: "每人每月一条 (one line per worker and month)" }] });

/**
 * Enters one worker's pay for a month. A paid date makes the line paid at once.
 * @throws AppError FORBIDDEN; NOT_FOUND out of scope; VALIDATION naming the field (worker not on the
 * project, net above gross, future month or date); CONFLICT when the worker already has a line for the month.
 */
export async function createPayroll(ctx: ServiceContext, projectId: string, input: CreatePayrollInput): Promise<PayrollDto> {
  requirePermission(ctx.actor, "wages.manage");
  const today = shanghaiDay(ctx.clock.now());
  const issues = payrollDateIssues(input, today);
  if (issues.length > 0) throw invalid(issues);
  const id = await ctx.db
    .transaction(async (tx) => {
      await assertProjectVisible(tx, ctx.actor, projectId);
      const [worker] = await tx
        .select({ id: W.id })
        .from(W)
        .where(and(eq(W.id, input.workerId), eq(W.projectId, projectId)));
      if (!worker) throw invalid([{ path: "workerId", message: "该工人不在本项目登记 (no such worker on this project)" }]);
      const [taken] = await tx
        .select({ id: PR.id })
        .from(PR)
        .where(and(eq(PR.workerId, input.workerId), eq(PR.month, input.month)));
      if (taken) throw duplicateMonth(input.month);
      const [row] = await tx
        .insert(PR)
        .values({
          workerId: input.workerId,
          projectId,
          month: input.month,
          days: input.days ?? null,
          gross: money(input.gross),
          net: money(input.net),
          paidOn: input.paidOn ?? null,
          bankRef: input.bankRef ?? null,
          status: input.paidOn ? "paid" : "unpaid",
        })
        .returning();
      await recordAudit(tx, ctx, { action: "workforce.payroll.created", entity: "payroll", entityId: row.id, after: row });
      return row.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicateMonth(input.month) : err;
    });
  ctx.events.publish(PAYROLL_CREATED, { payrollId: id, projectId, month: input.month });
  return getPayroll(ctx, id);
}

/**
 * Marks a line paid (发放: paid date, default today, and bank reference) or failed (发放失败). A failed
 * line may be paid later (重新发放); a paid line is final.
 * @throws AppError FORBIDDEN; NOT_FOUND out of scope; VALIDATION on the paid date; PRECONDITION_FAILED on a paid line.
 */
export async function updatePayroll(ctx: ServiceContext, id: string, input: UpdatePayrollInput): Promise<PayrollDto> {
  requirePermission(ctx.actor, "wages.manage");
  const today = shanghaiDay(ctx.clock.now());
  const projectId = await ctx.db.transaction(async (tx) => {
    const before = await lockPayroll(tx, ctx, id);
    if (before.status === "paid") {
      throw new AppError("PRECONDITION_FAILED", "已发放的工资不能再更改 (a paid line is final)", { issues: [{ path: "status", message: "已发放 (already paid)" }], from: before.status, to: input.status });
    }
    const paidOn = input.status === "paid" ? (input.paidOn ?? today) : null;
    const issues = payrollDateIssues({ month: before.month, paidOn }, today);
    if (input.status === "failed" && input.paidOn) issues.push({ path: "paidOn", message: "发放失败不能有发放日期 (a failed payment has no paid date)" });
    if (issues.length > 0) throw invalid(issues);
    const [after] = await tx
      .update(PR)
      .set({ status: input.status, paidOn, bankRef: input.bankRef === undefined ? before.bankRef : input.bankRef, updatedAt: sql`now()` })
      .where(eq(PR.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: `workforce.payroll.${input.status}`, entity: "payroll", entityId: id, before, after });
    return before.projectId;
  });
  ctx.events.publish(PAYROLL_UPDATED, { payrollId: id, projectId, status: input.status });
  return getPayroll(ctx, id);
}

async function lockPayroll(tx: Executor, ctx: ServiceContext, id: string) {
  const [row] = await tx
    .select()
    .from(PR)
    .where(and(eq(PR.id, id), projectScope(ctx.actor, PR.projectId)))
    .for("update");
  if (!row) throw notFound("payroll", id);
  return row;
}

/**
 * Imports a payroll sheet for one project: all lines or none, every bad row listed. Workers are named
 * by 工号 and must be enrolled on this project; a worker and month already entered is a row error.
 */
export async function importPayrolls(ctx: ServiceContext, projectId: string, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "wages.manage");
  await assertProjectVisible(ctx.db, ctx.actor, projectId);
  const today = shanghaiDay(ctx.clock.now());
  return startImport<PayrollImportRow>(ctx, upload, {
    kind: "workforce.payroll",
    entity: "payroll",
    parse: (buffer) =>
      parsePayrollSheet(buffer, today, {
        workers: (nos) => workersByNo(ctx.db, projectId, nos),
        enteredMonths: (keys) => enteredMonths(ctx.db, keys),
      }),
    insertChunk: async (tx, rows) => {
      const values = rows.map((r) => ({
        workerId: r.workerId,
        projectId,
        month: r.month,
        days: r.days,
        gross: money(r.gross),
        net: money(r.net),
        paidOn: r.paidOn,
        bankRef: r.bankRef,
        status: r.paidOn ? "paid" : "unpaid",
      }));
      const inserted = await tx.insert(PR).values(values).onConflictDoNothing({ target: [PR.workerId, PR.month] }).returning({ id: PR.id });
      // A line was entered after validation: roll everything back rather than import part.
      if (inserted.length !== values.length) throw conflict("导入期间有工资记录被其他用户录入，请重新导入 (a payroll line was entered meanwhile; import again)");
      return inserted.length;
    },
  });
}

async function workersByNo(db: Executor, projectId: string, nos: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (nos.length === 0) return new Map();
  const rows = await db
    .select({ id: W.id, workerNo: W.workerNo, name: PE.name })
    .from(W)
    .innerJoin(PE, eq(PE.id, W.personId))
    .where(and(eq(W.projectId, projectId), sql`${W.workerNo} = any(${sql.param(nos)}::text[])`));
  return new Map(rows.map((r) => [r.workerNo, { id: r.id, name: r.name }]));
}

/** Which of the (workerId, month) keys already have a payroll line, as `workerId|month`. */
async function enteredMonths(db: Executor, keys: { workerId: string; month: string }[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ workerId: PR.workerId, month: PR.month })
    .from(PR)
    .where(sql`(${PR.workerId}, ${PR.month}) in (select * from unnest(${sql.param(keys.map((k) => k.workerId))}::uuid[], ${sql.param(keys.map((k) => k.month))}::text[]))`);
  return new Set(rows.map((r) => `${r.workerId}|${r.month}`));
}
