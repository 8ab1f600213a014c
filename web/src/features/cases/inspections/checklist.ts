import type { ChecklistResultInput, FindingOverrideInput, TemplateItemDto } from "@contracts/cases/inspections";

/** What the inspector marked on one item; items without a mark were not checked (不适用). */
export interface ItemMark {
  passed: boolean;
  note?: string;
  location?: string;
  photoIds?: string[];
}

export type Marks = Readonly<Record<string, ItemMark>>;

/**
 * The checklist as the API takes it: one result per marked item in the template's order, and for each
 * failed item the finding's description (the note) and location, so the case says what was seen where.
 */
export function toSubmission(items: readonly TemplateItemDto[], marks: Marks): { results: ChecklistResultInput[]; findings: FindingOverrideInput[] } {
  const results: ChecklistResultInput[] = [];
  const findings: FindingOverrideInput[] = [];
  for (const item of items) {
    const m = marks[item.code];
    if (!m) continue;
    const note = m.note?.trim();
    const location = m.location?.trim();
    results.push({ itemCode: item.code, passed: m.passed, ...(note ? { note } : {}), ...(m.photoIds?.length ? { photoIds: m.photoIds } : {}) });
    if (!m.passed && (note || location)) findings.push({ itemCode: item.code, ...(note ? { description: note } : {}), ...(location ? { location } : {}) });
  }
  return { results, findings };
}

/** Marks every item not marked yet as passed (其余全部合格), keeping what was already judged. */
export function passRest(items: readonly TemplateItemDto[], marks: Marks): Marks {
  const next: Record<string, ItemMark> = { ...marks };
  for (const item of items) if (!next[item.code]) next[item.code] = { passed: true };
  return next;
}

/** Checked / failed counts and the score the server will give (passed points over checked points, 0–100). */
export function tally(items: readonly TemplateItemDto[], marks: Marks): { checked: number; failed: number; score: number | null } {
  let checked = 0;
  let failed = 0;
  let points = 0;
  let earned = 0;
  for (const item of items) {
    const m = marks[item.code];
    if (!m) continue;
    checked++;
    points += item.score;
    if (m.passed) earned += item.score;
    else failed++;
  }
  return { checked, failed, score: points > 0 ? Math.round((earned / points) * 100) : null };
}
