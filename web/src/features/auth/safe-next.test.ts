import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNext("/persons?q=%E5%BC%A0")).toBe("/persons?q=%E5%BC%A0");
  });
  it("refuses anything that could leave the site or loop back to login", () => {
    for (const bad of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "/login?next=/x", "javascript:alert(1)"]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
