import { describe, expect, it } from "vitest";
import type { TemplateItemDto } from "@contracts/cases/inspections";
import { passRest, tally, toSubmission } from "./checklist";

const item = (code: string, score: number, grade: "general" | "major" = "general"): TemplateItemDto => ({ code, text: code, category: "safety", grade, score, clause: "" });
const items = [item("a", 10), item("b", 20, "major"), item("c", 10)];

describe("toSubmission", () => {
  it("sends marked items in template order and a finding for failed items with a note or location", () => {
    const { results, findings } = toSubmission(items, {
      c: { passed: true, note: "  " },
      b: { passed: false, note: " 临边无防护 ", location: "3#楼", photoIds: ["p1"] },
    });
    expect(results).toEqual([
      { itemCode: "b", passed: false, note: "临边无防护", photoIds: ["p1"] },
      { itemCode: "c", passed: true },
    ]);
    expect(findings).toEqual([{ itemCode: "b", description: "临边无防护", location: "3#楼" }]);
  });
  it("sends no finding override for a failed item without a note", () => {
    expect(toSubmission(items, { a: { passed: false } }).findings).toEqual([]);
  });
});

describe("passRest and tally", () => {
  it("passes only unmarked items and scores passed over checked points", () => {
    const marks = passRest(items, { b: { passed: false } });
    expect(marks.b.passed).toBe(false);
    expect(marks.a.passed && marks.c.passed).toBe(true);
    expect(tally(items, marks)).toEqual({ checked: 3, failed: 1, score: 50 });
    expect(tally(items, {})).toEqual({ checked: 0, failed: 0, score: null });
  });
});
