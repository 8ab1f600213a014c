import { describe, expect, it } from "vitest";
import { tokenState } from "./api";

describe("tokenState", () => {
  const now = Date.parse("2025-06-01T00:00:00Z");
  it("revoked wins over everything", () => {
    expect(tokenState({ revokedAt: "2025-05-01T00:00:00Z", expiresAt: null }, now)).toBe("revoked");
  });
  it("expired once the expiry time has passed", () => {
    expect(tokenState({ revokedAt: null, expiresAt: "2025-05-31T23:59:59Z" }, now)).toBe("expired");
    expect(tokenState({ revokedAt: null, expiresAt: "2025-06-01T00:00:01Z" }, now)).toBe("active");
  });
  it("a token without expiry stays active", () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
  });
});
