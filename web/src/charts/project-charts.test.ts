import { describe, expect, it } from "vitest";
import { districtBarOption, statusDonutOption } from "./project-charts";

type Series = { data: unknown[] }[];

describe("project chart options", () => {
  it("donut keeps the lifecycle order, drops empty statuses and uses the given labels", () => {
    const opt = statusDonutOption({ completed: 3, in_progress: 5, approved: 0 }, (s) => `L:${s}`, ["approved", "in_progress", "suspended", "completed"]);
    const data = (opt.series as Series)[0].data as { name: string; value: number }[];
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ["L:in_progress", 5],
      ["L:completed", 3],
    ]);
  });

  it("district bars are sorted ascending so the largest is on top of a horizontal chart", () => {
    const opt = districtBarOption(
      [
        { district: "东城街道", count: 9 },
        { district: "石柱镇", count: 2 },
        { district: "西城街道", count: 5 },
      ],
      "项目数",
    );
    expect((opt.yAxis as { data: string[] }).data).toEqual(["石柱镇", "西城街道", "东城街道"]);
    expect((opt.series as Series)[0].data).toEqual([2, 5, 9]);
  });
});
