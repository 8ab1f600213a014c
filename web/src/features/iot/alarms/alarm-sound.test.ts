import { describe, expect, it } from "vitest";
import { isNewCritical } from "./alarm-sound";

describe("isNewCritical", () => {
  it("beeps for a critical alarm raised or escalated, not for handling or milder ones", () => {
    expect(isNewCritical({ kind: "raised", severity: "critical" })).toBe(true);
    expect(isNewCritical({ kind: "escalated", severity: "critical" })).toBe(true);
    expect(isNewCritical({ kind: "acknowledged", severity: "critical" })).toBe(false);
    expect(isNewCritical({ kind: "cleared", severity: "critical" })).toBe(false);
    expect(isNewCritical({ kind: "raised", severity: "major" })).toBe(false);
  });
});
