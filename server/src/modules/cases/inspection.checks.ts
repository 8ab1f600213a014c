import type { ChecklistResultInput } from "@contracts/cases/inspections";
import type { FieldIssue } from "../../platform/errors.js";

/** What scoring needs of a checklist item. */
export interface ScoredItem {
  code: string;
  score: number;
}

export interface ScoredInspection<T extends ScoredItem> {
  /** 0–100, rounded: points of the passed items over the points of the items checked; null when the checked items weigh nothing. */
  score: number | null;
  checkedCount: number;
  /** The failed items in checklist order, each opening one case. */
  failed: T[];
}

/**
 * Scores checklist results against the template version used. Items without a result were not checked
 * (不适用) and count neither way, so a site without a tower crane is not marked down for its crane items.
 */
export function scoreInspection<T extends ScoredItem>(items: readonly T[], results: readonly ChecklistResultInput[]): ScoredInspection<T> {
  const byCode = new Map(results.map((r) => [r.itemCode, r]));
  let total = 0;
  let passed = 0;
  let checkedCount = 0;
  const failed: T[] = [];
  for (const item of items) {
    const result = byCode.get(item.code);
    if (!result) continue;
    checkedCount++;
    total += item.score;
    if (result.passed) passed += item.score;
    else failed.push(item);
  }
  return { score: total > 0 ? Math.round((passed * 100) / total) : null, checkedCount, failed };
}

/** Results naming items the template does not have, as field issues (`results.<i>.itemCode`). */
export function unknownItemIssues(items: readonly ScoredItem[], results: readonly ChecklistResultInput[]): FieldIssue[] {
  const known = new Set(items.map((i) => i.code));
  return results.flatMap((r, i) => (known.has(r.itemCode) ? [] : [{ path: `results.${i}.itemCode`, message: `检查表中没有该检查项 (no item ${r.itemCode} in the template)` }]));
}
