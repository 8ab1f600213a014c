import { describe, expect, it } from "vitest";
import { PROJECT_STATUS_LABELS } from "@contracts/registry/enums";
import { en } from "./en";
import { labelOf, optionsOf } from "./labels";
import { zhCN } from "./zh-CN";

describe("enum labels", () => {
  it("zh-CN by default, English when the UI is English, the code itself when unknown", () => {
    expect(labelOf(PROJECT_STATUS_LABELS, "in_progress", "zh-CN")).toBe("在建");
    expect(labelOf(PROJECT_STATUS_LABELS, "in_progress", "en")).toBe("Under construction");
    expect(labelOf(PROJECT_STATUS_LABELS, "mystery", "zh-CN")).toBe("mystery");
    expect(labelOf(PROJECT_STATUS_LABELS, null, "zh-CN")).toBe("");
  });
  it("options keep the contract's declared order", () => {
    expect(optionsOf(PROJECT_STATUS_LABELS, "zh-CN").map((o) => o.value)).toEqual(["approved", "in_progress", "suspended", "resumed", "completed"]);
  });
});

describe("message files", () => {
  it("English has exactly the zh-CN keys and no empty strings", () => {
    const keys = (o: object) => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? Object.keys(v).map((s) => `${k}.${s}`) : [k]));
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    const empty = Object.entries(en).flatMap(([k, v]) => Object.entries(v as Record<string, string>).filter(([, s]) => s === "").map(([s]) => `${k}.${s}`));
    expect(empty).toEqual([]);
  });
});
