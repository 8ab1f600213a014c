import { describe, expect, it } from "vitest";
import { CreateInspectionInput, CreateTemplateInput, type TemplateItemDto } from "@contracts/cases/inspections";
import { scoreInspection, unknownItemIssues } from "./inspection.checks.js";
import { DEFAULT_TEMPLATES, MAJOR_HAZARD_TEMPLATE_CODE, QUALITY_TEMPLATE_CODE } from "./template.defaults.js";

const item = (code: string, score: number, grade: "general" | "major" = "general"): TemplateItemDto => ({ code, text: code, category: "quality", grade, score, clause: "" });
const ITEMS = [item("a", 10, "major"), item("b", 30), item("c", 60)];

describe("inspection scoring", () => {
  it("scores passed points over the points of the items checked", () => {
    const r = scoreInspection(ITEMS, [
      { itemCode: "a", passed: false },
      { itemCode: "b", passed: true },
      { itemCode: "c", passed: true },
    ]);
    expect(r.score).toBe(90);
    expect(r.checkedCount).toBe(3);
    expect(r.failed.map((i) => i.code)).toEqual(["a"]);
  });

  it("leaves unchecked items out of the total (不适用)", () => {
    const r = scoreInspection(ITEMS, [
      { itemCode: "b", passed: false },
      { itemCode: "c", passed: true },
    ]);
    expect(r.score).toBe(67);
    expect(r.checkedCount).toBe(2);
    expect(r.failed.map((i) => i.code)).toEqual(["b"]);
  });

  it("has no score when the checked items weigh nothing", () => {
    expect(scoreInspection([item("z", 0)], [{ itemCode: "z", passed: false }]).score).toBeNull();
  });

  it("keeps failed items in checklist order whatever the order of the results", () => {
    const r = scoreInspection(ITEMS, [
      { itemCode: "c", passed: false },
      { itemCode: "a", passed: false },
    ]);
    expect(r.failed.map((i) => i.code)).toEqual(["a", "c"]);
    expect(r.score).toBe(0);
  });

  it("names results for items the template does not have", () => {
    expect(unknownItemIssues(ITEMS, [{ itemCode: "a", passed: true }, { itemCode: "x", passed: false }])).toEqual([
      { path: "results.1.itemCode", message: expect.stringContaining("x") },
    ]);
  });
});

describe("inspection input", () => {
  const base = { projectId: crypto.randomUUID(), kind: "daily", domain: "quality", inspectedOn: "2026-03-01", templateId: crypto.randomUUID() } as const;

  it("refuses a result listed twice and an override for an item that passed", () => {
    const r = CreateInspectionInput.safeParse({
      ...base,
      results: [{ itemCode: "a", passed: true }, { itemCode: "a", passed: false }],
      findings: [{ itemCode: "a", description: "x" }],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["results.1.itemCode"]);
    const r2 = CreateInspectionInput.safeParse({ ...base, results: [{ itemCode: "a", passed: true }], findings: [{ itemCode: "a" }] });
    expect(r2.error!.issues.map((i) => i.path.join("."))).toEqual(["findings.0.itemCode"]);
  });

  it("ties kind random to a plan both ways", () => {
    const results = [{ itemCode: "a", passed: true }];
    expect(CreateInspectionInput.safeParse({ ...base, kind: "random", results }).error!.issues[0].path).toEqual(["planId"]);
    expect(CreateInspectionInput.safeParse({ ...base, planId: crypto.randomUUID(), results }).error!.issues[0].path).toEqual(["kind"]);
    expect(CreateInspectionInput.safeParse({ ...base, kind: "random", planId: crypto.randomUUID(), results }).success).toBe(true);
  });
});

describe("default templates", () => {
  it("are valid templates with unique item codes", () => {
    for (const t of DEFAULT_TEMPLATES) expect(CreateTemplateInput.safeParse(t).success, t.code).toBe(true);
  });

  it("grade every 2024 major-hazard item major and cite its article", () => {
    const mh = DEFAULT_TEMPLATES.find((t) => t.code === MAJOR_HAZARD_TEMPLATE_CODE)!;
    expect(mh.items.every((i) => i.grade === "major")).toBe(true);
    expect(mh.items.every((i) => /^建质规〔2024〕5号 第[一二三四五六七八九十]+条$/.test(i.clause))).toBe(true);
    // Every area of the standard, 第四条 (management) to 第十五条 (catch-all), has at least one item.
    const articles = new Set(mh.items.map((i) => i.clause.split(" ")[1]));
    expect([...articles]).toEqual(["第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条", "第十一条", "第十二条", "第十三条", "第十四条", "第十五条"]);
    expect(mh.items.filter((i) => i.clause.endsWith("第七条"))).toHaveLength(3);
  });

  it("grade quality items major only where structural safety is at stake", () => {
    const q = DEFAULT_TEMPLATES.find((t) => t.code === QUALITY_TEMPLATE_CODE)!;
    const major = q.items.filter((i) => i.grade === "major").map((i) => i.code);
    expect(major).toContain("q.conc.strength");
    expect(major).toContain("q.fdn.bearing");
    expect(major).not.toContain("q.doc.sync");
    expect(major).not.toContain("q.mat.witness");
    expect(new Set(q.items.map((i) => i.code.split(".")[1]))).toEqual(new Set(["fdn", "conc", "rebar", "form", "mat", "doc"]));
  });
});
