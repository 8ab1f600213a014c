import { describe, expect, it } from "vitest";
import { daysToDeadline, isOverdue } from "./case-format";

describe("daysToDeadline", () => {
  const now = new Date("2026-03-10T09:00:00");
  it("counts calendar days, 0 on the day itself", () => {
    expect(daysToDeadline(new Date("2026-03-10T23:00:00").toISOString(), now)).toBe(0);
    expect(daysToDeadline(new Date("2026-03-13T08:00:00").toISOString(), now)).toBe(3);
    expect(daysToDeadline(new Date("2026-03-08T20:00:00").toISOString(), now)).toBe(-2);
  });
});

describe("isOverdue", () => {
  const now = new Date("2026-03-10T09:00:00Z");
  it("is overdue when flagged or past the deadline, never once closed", () => {
    expect(isOverdue({ state: "pending", overdue: false, deadline: "2026-03-09T09:00:00Z" }, now)).toBe(true);
    expect(isOverdue({ state: "rectifying", overdue: true, deadline: "2026-03-19T09:00:00Z" }, now)).toBe(true);
    expect(isOverdue({ state: "review", overdue: false, deadline: "2026-03-19T09:00:00Z" }, now)).toBe(false);
    expect(isOverdue({ state: "closed", overdue: true, deadline: "2026-03-01T09:00:00Z" }, now)).toBe(false);
  });
});
