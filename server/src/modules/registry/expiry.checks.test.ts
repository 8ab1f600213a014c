import { describe, expect, it } from "vitest";
import { expiryOf, todayInShanghai, worstExpiry } from "./expiry.checks";

describe("certificate expiry", () => {
  it("uses the Asia/Shanghai calendar day", () => {
    expect(todayInShanghai(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
    expect(todayInShanghai(new Date("2026-11-23T15:59:59Z"))).toBe("2026-11-23");
  });

  it("is expired after its day, expiring within 60 days, valid otherwise", () => {
    expect(expiryOf("2026-11-22", "2026-11-23")).toBe("expired");
    expect(expiryOf("2026-11-23", "2026-11-23")).toBe("expiring");
    expect(expiryOf("2027-01-22", "2026-11-23")).toBe("expiring");
    expect(expiryOf("2027-01-23", "2026-11-23")).toBe("valid");
  });

  it("reports the worst state", () => {
    expect(worstExpiry(["valid", "expired", "expiring"])).toBe("expired");
    expect(worstExpiry([])).toBeNull();
  });
});
