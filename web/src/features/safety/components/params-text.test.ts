import { describe, expect, it } from "vitest";
import { paramsText } from "./params-text";

describe("paramsText", () => {
  it("lists declared measures with units and ticked kinds, in the category's order and the UI language", () => {
    expect(paramsText("foundation_pit", { complex_conditions: true, depth_m: 6.5 }, "zh-CN")).toBe("开挖深度 6.5 m；地质条件、周围环境或地下管线复杂");
    expect(paramsText("scaffold", { cantilever: true, segment_height_m: 21, gondola: false }, "en")).toBe("Cantilever scaffold; Cantilever segment height 21 m");
  });

  it("is empty for a category without parameters", () => {
    expect(paramsText("underwater", {}, "zh-CN")).toBe("");
  });
});
