import { describe, expect, it } from "vitest";
import { userCheckIntervalRule } from "./delivery.rules.js";
import { addMonths, checkStateOf, nextCheckDue } from "./safety-check.calc.js";

const rule = userCheckIntervalRule.defaultValue;

describe("safety-check interval (gas.user_check_interval)", () => {
  it("defaults to 24 months for residents and 12 for catering and other users (CJJ 51-2016 3.5.1)", () => {
    expect(rule).toMatchObject({ residentMonths: 24, cateringMonths: 12, otherMonths: 12 });
    expect(userCheckIntervalRule.schema.parse(rule)).toEqual(rule);
  });

  it("dates the next check by kind when passed, and a short re-check when failed", () => {
    expect(nextCheckDue(rule, "resident", "2026-03-15", true)).toBe("2028-03-15");
    expect(nextCheckDue(rule, "catering", "2026-03-15", true)).toBe("2027-03-15");
    expect(nextCheckDue(rule, "other", "2026-03-15", true)).toBe("2027-03-15");
    expect(nextCheckDue(rule, "resident", "2026-03-15", false)).toBe("2026-04-14");
    expect(nextCheckDue({ ...rule, residentMonths: 12 }, "resident", "2026-03-15", true)).toBe("2027-03-15");
  });

  it("clamps to the month's last day", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-30", 2)).toBe("2027-01-30");
  });

  it("classifies never / overdue / due soon / ok", () => {
    expect(checkStateOf(null, null, "2026-06-01", 30)).toBe("never");
    expect(checkStateOf(null, "2026-06-01", "2026-06-01", 30)).toBe("never");
    expect(checkStateOf(null, "2026-05-31", "2026-06-01", 30)).toBe("overdue");
    expect(checkStateOf("2024-06-01", "2026-05-31", "2026-06-01", 30)).toBe("overdue");
    expect(checkStateOf("2024-06-01", "2026-06-01", "2026-06-01", 30)).toBe("due_soon");
    expect(checkStateOf("2024-06-01", "2026-07-01", "2026-06-01", 30)).toBe("due_soon");
    expect(checkStateOf("2024-06-01", "2026-07-02", "2026-06-01", 30)).toBe("ok");
  });
});
