import { describe, expect, it } from "vitest";
import { addYears, cylinderDates, cylinderLifeRule } from "./cylinder.rules.js";

const rule = cylinderLifeRule.defaultValue;

describe("cylinder life dates", () => {
  it("adds whole years, 29 February falling back to 28 February", () => {
    expect(addYears("2020-02-29", 4)).toBe("2024-02-29");
    expect(addYears("2020-02-29", 1)).toBe("2021-02-28");
    expect(addYears("2019-12-31", 12)).toBe("2031-12-31");
  });

  it("inspects every 4 years from manufacture, scraps at 12 years", () => {
    expect(cylinderDates(rule, "2020-05-10", null)).toEqual({ nextInspectionOn: "2024-05-10", scrapOn: "2032-05-10" });
    expect(cylinderDates(rule, "2020-05-10", "2024-04-01")).toEqual({ nextInspectionOn: "2028-04-01", scrapOn: "2032-05-10" });
  });

  it("never puts the next inspection after the scrap date", () => {
    expect(cylinderDates(rule, "2015-01-01", "2025-06-01")).toEqual({ nextInspectionOn: "2027-01-01", scrapOn: "2027-01-01" });
  });

  it("files 8 / 4 / 12 years as the national default with its sources", () => {
    expect(rule).toEqual({ designLifeYears: 8, inspectionIntervalYears: 4, maxServiceYears: 12 });
    expect(cylinderLifeRule.source).toMatch(/GB 5842-2023/);
    expect(cylinderLifeRule.schema.safeParse({ ...rule, maxServiceYears: 0 }).success).toBe(false);
  });
});
