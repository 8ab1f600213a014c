import { and, sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import type { SampleType } from "@contracts/testing/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor, Tx } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import type { RowError } from "../../platform/excel/excel.js";
import { startImport } from "../../platform/excel/import-job.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { sizeFactorOf, standardGroups, validValues } from "./concrete.checks.js";
import { agencyScope, lockCommissionForAgency, publishResults, recordResult, type RecordedResult } from "./result.service.js";
import { readResultSheet, resultHeader, valuesOfRows, type SheetResultRow } from "./result.sheet.js";
import { testingCommissions as C } from "./schema.js";
import { specimensForBatch } from "./rebar.checks.js";
import { gbt50107Rule, rebarGradesRule } from "./testing.rules.js";

/**
 * Results import (检测结果导入) through the platform's import job: the whole sheet is checked first —
 * commission numbers addressed to the agency, no result yet, a sampling record for witnessed samples,
 * values of the right shape, at least one valid concrete group, enough rebar specimens — and refused
 * whole with every bad row listed; otherwise every result is recorded and judged in one transaction,
 * failures opening their cases exactly as a single submission does.
 */

export interface ImportedResult {
  commissionId: string;
  testedOn: string;
  values: unknown[];
}

interface CommissionFacts {
  id: string;
  no: string;
  sampleType: SampleType;
  witnessed: boolean;
  sampled: boolean;
  hasResult: boolean;
  specimenSizeMm: number | null;
  batchTonnes: number | null;
}

async function commissionsByNo(db: Executor, ctx: ServiceContext, nos: string[]): Promise<Map<string, CommissionFacts>> {
  if (nos.length === 0) return new Map();
  const rows = await db
    .select({
      id: C.id,
      no: C.no,
      sampleType: C.sampleType,
      witnessed: C.witnessed,
      sampled: sql<boolean>`${C.sampleCode} is not null`,
      hasResult: sql<boolean>`exists (select 1 from testing_results r where r.commission_id = ${C.id})`,
      specimenSizeMm: C.specimenSizeMm,
      batchTonnes: C.batchTonnes,
    })
    .from(C)
    .where(and(sql`${C.no} = any(${sql.param(nos)}::text[])`, agencyScope(ctx.actor)));
  return new Map(rows.map((r) => [r.no, { ...r, sampleType: r.sampleType as SampleType }]));
}

/** Every problem of every row, and the results the rows make when there is none. */
export async function parseResultSheet(ctx: ServiceContext, buffer: Buffer): Promise<{ rows: ImportedResult[]; errors: RowError[] }> {
  const { rows, errors } = await readResultSheet(buffer);
  const byNo = new Map<string, SheetResultRow[]>();
  for (const r of rows) byNo.set(r.no, [...(byNo.get(r.no) ?? []), r]);
  const [commissions, concreteRule, rebarRule] = await Promise.all([
    commissionsByNo(ctx.db, ctx, [...byNo.keys()]),
    ruleInForce(ctx.db, gbt50107Rule, ctx.region),
    ruleInForce(ctx.db, rebarGradesRule, ctx.region),
  ]);
  const results: ImportedResult[] = [];
  for (const [no, group] of byNo) {
    const first = group[0].rowNumber;
    const c = commissions.get(no);
    const err = (message: string, column = resultHeader("no"), row = first) => errors.push({ row, column, message });
    if (!c) {
      err(`没有委托给本机构的委托 ${no} (no such commission addressed to your agency)`);
      continue;
    }
    if (c.hasResult) err(`委托 ${no} 已有检测结果，结果不可覆盖 (a result exists and is never overwritten)`);
    if (c.witnessed && !c.sampled) err(`见证取样委托 ${no} 尚无取样记录 (no sampling record)`);
    if (group[0].testedOn > shanghaiDay()) err("检测日期不能晚于今天 (cannot be in the future)", resultHeader("testedOn"));
    for (const r of group.slice(1)) if (r.testedOn !== group[0].testedOn) err("同一委托的检测日期须相同 (one testing date per commission)", resultHeader("testedOn"), r.rowNumber);
    const { values, errors: valueErrors } = valuesOfRows(c.sampleType, group);
    errors.push(...valueErrors);
    if (valueErrors.length === 0 && c.sampleType === "concrete") {
      const factor = sizeFactorOf(concreteRule.value, c.specimenSizeMm ?? 150) ?? 1;
      if (validValues(standardGroups(values as never, factor, concreteRule.value.groupOutlierShare)).length === 0) err("各组试块强度离散过大，均无效 (every group is invalid)", resultHeader("cube1"));
    }
    const rebarSpecimens = c.sampleType === "rebar" ? specimensForBatch(rebarRule.value, c.batchTonnes) : 0;
    if (group.length < rebarSpecimens) err(`钢筋该批至少 ${rebarSpecimens} 个拉伸试件 (too few specimens)`, resultHeader("ReL"));
    results.push({ commissionId: c.id, testedOn: group[0].testedOn, values });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: results, errors };
}

/** The job's event comes after its commit; the results' own events ride on it. */
function withResultEvents(ctx: ServiceContext, recorded: RecordedResult[]): EventBus {
  const bus = Object.create(ctx.events) as EventBus;
  bus.publish = (type, payload) => {
    ctx.events.publish(type, payload);
    if (type === "testing.result.imported") publishResults(ctx, recorded);
  };
  return bus;
}

/**
 * Imports results of the actor's agency; answers the job id at once (poll `GET /jobs/:id`).
 * @throws AppError FORBIDDEN without `testing.report` (before the upload is read); VALIDATION naming `file`.
 */
export async function importResults(ctx: ServiceContext, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "testing.report");
  const recorded: RecordedResult[] = [];
  const jobCtx = { ...ctx, events: withResultEvents(ctx, recorded) };
  return startImport(jobCtx, upload, {
    kind: "testing.result",
    entity: "testing_result",
    parse: (buffer) => parseResultSheet(ctx, buffer),
    insertChunk: async (tx: Tx, rows: ImportedResult[]) => {
      for (const r of rows) {
        const c = await lockCommissionForAgency(tx, ctx.actor, r.commissionId);
        recorded.push(await recordResult(tx, ctx, c, { testedOn: r.testedOn, values: r.values }));
      }
      return rows.length;
    },
  });
}

