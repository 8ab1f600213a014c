import { describe, expect, it } from "vitest";
import { parseConcreteGroups, parseItems, parseNumberList, parseRebarSpecimens } from "./values";

describe("testing form values", () => {
  it("reads numbers separated by spaces, commas and new lines", () => {
    expect(parseNumberList("35.2, 36.1，34\n33.8")).toEqual([35.2, 36.1, 34, 33.8]);
  });

  it("reads concrete groups as triples or values, and marks other shapes invalid", () => {
    expect(parseConcreteGroups("40 42 44\n35.5\n")).toEqual([[40, 42, 44], 35.5]);
    expect(Number.isNaN(parseConcreteGroups("40 42")[0] as number)).toBe(true);
  });

  it("reads rebar specimens and items", () => {
    expect(parseRebarSpecimens("455 610 22 11")).toEqual([{ ReL: 455, Rm: 610, A: 22, Agt: 11 }]);
    expect(parseRebarSpecimens("455 610 22 11 合格\n450 600 21 10 不合格")).toEqual([
      { ReL: 455, Rm: 610, A: 22, Agt: 11, bendOk: true },
      { ReL: 450, Rm: 600, A: 21, Agt: 10, bendOk: false },
    ]);
    expect(parseItems("抗压强度 12.5 ≥10 合格\n吸水率 9% ≤8% 不合格")).toEqual([
      { name: "抗压强度", value: "12.5", requirement: "≥10", pass: true },
      { name: "吸水率", value: "9%", requirement: "≤8%", pass: false },
    ]);
  });
});
