import { and, desc, gte, lt, sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import type { Executor } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { casesCases as C } from "./schema.js";

// Advisory lock class for case numbering; the year is the second key, so years never wait on each other.
const CASE_NO_LOCK = 7_240_061;
export const CASE_NO_PREFIX = "ZG";
const MAX_SEQ = 999_999;

/** `ZG-2026-000123`: the prefix, the Asia/Shanghai year, six digits. */
export function formatCaseNo(year: number, seq: number): string {
  return `${CASE_NO_PREFIX}-${year}-${String(seq).padStart(6, "0")}`;
}

/** The sequence part of a case number of `year`, or null when it is not one. */
export function caseNoSeq(no: string, year: number): number | null {
  const m = new RegExp(`^${CASE_NO_PREFIX}-${year}-(\\d{6})$`).exec(no);
  return m ? Number(m[1]) : null;
}

/**
 * The next case number of the year, without a sequence table: a transaction-scoped advisory lock per year
 * serialises openers (across processes on PostgreSQL) until their insert commits, and the newest number
 * of the year is read backwards through the unique index on `no` (a range, so any collation can use it;
 * the fixed six digits keep text order numeric). Must run inside the transaction that inserts the case.
 * @throws AppError INTERNAL past 999,999 numbers in one year.
 */
export async function nextCaseNo(tx: Executor, at: Date = new Date()): Promise<string> {
  const year = Number(shanghaiDay(at).slice(0, 4));
  await tx.execute(sql`select pg_advisory_xact_lock(${CASE_NO_LOCK}, ${year})`);
  const [last] = await tx
    .select({ no: C.no })
    .from(C)
    .where(and(gte(C.no, `${CASE_NO_PREFIX}-${year}-`), lt(C.no, `${CASE_NO_PREFIX}-${year + 1}-`)))
    .orderBy(desc(C.no))
    .limit(1);
  const seq = (last ? (caseNoSeq(last.no, year) ?? 0) : 0) + 1;
  if (seq > MAX_SEQ) throw new AppError("INTERNAL", `案件编号已用尽 (${year} has used all ${MAX_SEQ} case numbers)`);
  return formatCaseNo(year, seq);
}
