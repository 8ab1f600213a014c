import { describe, expect, it } from "vitest";
import type { DangerLevel, DangerousWorkCategory, Params } from "@contracts/safety/dangerous-works";
import { classifyDangerousWork } from "./dangerous-work.checks.js";
import { dangerousWorkThresholdsRule, DEFAULT_THRESHOLDS } from "./dangerous-work.rules.js";

const level = (category: DangerousWorkCategory, params: Params): DangerLevel => classifyDangerousWork(category, params, DEFAULT_THRESHOLDS).level;

/** [category, params, expected level]: each §4.2 threshold just below, at, and above its boundaries. */
const CASES: [DangerousWorkCategory, Params, DangerLevel][] = [
  ["foundation_pit", { depth_m: 2.99 }, "none"],
  ["foundation_pit", { depth_m: 3 }, "weida"],
  ["foundation_pit", { depth_m: 4.99 }, "weida"],
  ["foundation_pit", { depth_m: 5 }, "chaoweida"],
  ["foundation_pit", { depth_m: 2, complex_conditions: true }, "weida"],
  ["foundation_pit", { depth_m: 2, complex_conditions: false }, "none"],
  ["tool_formwork", {}, "none"],
  ["tool_formwork", { climbing_form: true }, "chaoweida"],
  ["formwork_support", { height_m: 4.9 }, "none"],
  ["formwork_support", { height_m: 5 }, "weida"],
  ["formwork_support", { height_m: 7.9 }, "weida"],
  ["formwork_support", { height_m: 8 }, "chaoweida"],
  ["formwork_support", { span_m: 9.9 }, "none"],
  ["formwork_support", { span_m: 10 }, "weida"],
  ["formwork_support", { span_m: 17.9 }, "weida"],
  ["formwork_support", { span_m: 18 }, "chaoweida"],
  ["formwork_support", { total_load_kn_m2: 9.9 }, "none"],
  ["formwork_support", { total_load_kn_m2: 10 }, "weida"],
  ["formwork_support", { total_load_kn_m2: 15 }, "chaoweida"],
  ["formwork_support", { line_load_kn_m: 14.9 }, "none"],
  ["formwork_support", { line_load_kn_m: 15 }, "weida"],
  ["formwork_support", { line_load_kn_m: 19.9 }, "weida"],
  ["formwork_support", { line_load_kn_m: 20 }, "chaoweida"],
  ["formwork_support", { height_m: 3, isolated_tall: true }, "weida"],
  ["load_bearing_support", { steel_erection_support: true, point_load_kn: 6.9 }, "weida"],
  ["load_bearing_support", { steel_erection_support: true, point_load_kn: 7 }, "chaoweida"],
  ["lifting", { piece_weight_kn: 50 }, "none"],
  ["lifting", { non_standard: true, piece_weight_kn: 9.9 }, "none"],
  ["lifting", { non_standard: true, piece_weight_kn: 10 }, "weida"],
  ["lifting", { non_standard: true, piece_weight_kn: 99 }, "weida"],
  ["lifting", { non_standard: true, piece_weight_kn: 100 }, "chaoweida"],
  ["lifting", { machine_install: true }, "weida"],
  ["lifting", { crane_erection: true, crane_capacity_kn: 299 }, "weida"],
  ["lifting", { crane_erection: true, crane_capacity_kn: 300 }, "chaoweida"],
  ["lifting", { crane_capacity_kn: 300 }, "none"],
  ["lifting", { crane_erection: true, total_height_m: 200 }, "chaoweida"],
  ["lifting", { crane_erection: true, base_elevation_m: 200 }, "chaoweida"],
  ["scaffold", { ground_height_m: 23.9 }, "none"],
  ["scaffold", { ground_height_m: 24 }, "weida"],
  ["scaffold", { ground_height_m: 49.9 }, "weida"],
  ["scaffold", { ground_height_m: 50 }, "chaoweida"],
  ["scaffold", { attached_lifting: true }, "weida"],
  ["scaffold", { attached_lifting: true, lift_height_m: 149 }, "weida"],
  ["scaffold", { attached_lifting: true, lift_height_m: 150 }, "chaoweida"],
  ["scaffold", { lift_height_m: 150 }, "none"],
  ["scaffold", { cantilever: true, segment_height_m: 19.9 }, "weida"],
  ["scaffold", { cantilever: true, segment_height_m: 20 }, "chaoweida"],
  ["scaffold", { gondola: true }, "weida"],
  ["scaffold", { platform: true }, "weida"],
  ["scaffold", { special_shaped: true }, "weida"],
  ["demolition", {}, "none"],
  ["demolition", { affects_surroundings: true }, "weida"],
  ["demolition", { special_structure: true }, "chaoweida"],
  ["demolition", { hazardous_release: true }, "chaoweida"],
  ["demolition", { protected_zone: true }, "chaoweida"],
  ["underground_excavation", { shield_method: true }, "chaoweida"],
  ["underground_excavation", {}, "none"],
  ["curtain_wall", { height_m: 49.9 }, "weida"],
  ["curtain_wall", { height_m: 50 }, "chaoweida"],
  ["steel_structure", { span_m: 35.9 }, "weida"],
  ["steel_structure", { span_m: 36 }, "chaoweida"],
  ["steel_structure", { space_frame_span_m: 59 }, "weida"],
  ["steel_structure", { space_frame_span_m: 60 }, "chaoweida"],
  ["hand_dug_pile", { depth_m: 15.9 }, "weida"],
  ["hand_dug_pile", { depth_m: 16 }, "chaoweida"],
  ["underwater", {}, "chaoweida"],
  ["precast_install", {}, "weida"],
  ["integral_jacking", { weight_kn: 999 }, "none"],
  ["integral_jacking", { weight_kn: 1000 }, "chaoweida"],
  ["four_new", {}, "chaoweida"],
];

describe("classifyDangerousWork against 建办质〔2018〕31号", () => {
  it.each(CASES)("%s %j → %s", (category, params, expected) => {
    expect(level(category, params)).toBe(expected);
  });

  it("names every matching row of the winning level, and only those", () => {
    const c = classifyDangerousWork("formwork_support", { height_m: 9, span_m: 20, total_load_kn_m2: 11 }, DEFAULT_THRESHOLDS);
    expect(c.level).toBe("chaoweida");
    expect(c.clauses).toEqual(["建办质〔2018〕31号 附件2 二(二) 搭设高度≥8m", "建办质〔2018〕31号 附件2 二(二) 搭设跨度≥18m"]);
  });

  it("a 危大 cites the annex 1 row it reached", () => {
    expect(classifyDangerousWork("foundation_pit", { depth_m: 3.5 }, DEFAULT_THRESHOLDS).clauses).toEqual(["建办质〔2018〕31号 附件1 一(一) 开挖深度≥3m的基坑(槽)"]);
  });

  it("judges by the rows it is given (a city's stricter table)", () => {
    const strict = DEFAULT_THRESHOLDS.map((r) => (r.category === "foundation_pit" && r.op === ">=" && r.level === "weida" ? { ...r, value: 2.5 } : r));
    expect(classifyDangerousWork("foundation_pit", { depth_m: 2.6 }, strict).level).toBe("weida");
  });

  it("the default table satisfies the rule's schema", () => {
    expect(dangerousWorkThresholdsRule.schema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
  });
});
