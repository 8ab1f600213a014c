import type { DangerLevel, DangerousWorkCategory, Params, ThresholdRow } from "@contracts/safety/dangerous-works";

export interface Classification {
  level: DangerLevel;
  /** The clauses of every matching row of the winning level, in table order. */
  clauses: string[];
}

const RANK: Record<DangerLevel, number> = { none: 0, weida: 1, chaoweida: 2 };

function matches(row: ThresholdRow, params: Params): boolean {
  if (row.op === "any") return true;
  const v = params[row.metric];
  if (row.op === "is") return v === true;
  if (typeof v !== "number") return false;
  return v >= row.value && (row.requires ?? []).every((flag) => params[flag] === true);
}

/**
 * Classifies a declared work against the threshold rows (pure). The highest level any row reaches wins;
 * its clauses name every row of that level that matched, so a 超危大 formwork at 9 m and 20 m span cites both.
 */
export function classifyDangerousWork(category: DangerousWorkCategory, params: Params, rows: readonly ThresholdRow[]): Classification {
  let level: DangerLevel = "none";
  let clauses: string[] = [];
  for (const row of rows) {
    if (row.category !== category || !matches(row, params)) continue;
    if (RANK[row.level] > RANK[level]) {
      level = row.level;
      clauses = [];
    }
    if (row.level === level && !clauses.includes(row.clause)) clauses.push(row.clause);
  }
  return { level, clauses };
}

/** The 危大 entry thresholds of a category, for the message that refuses a work below them. */
export function entryThresholds(category: DangerousWorkCategory, rows: readonly ThresholdRow[]): ThresholdRow[] {
  return rows.filter((r) => r.category === category && r.level === "weida");
}
