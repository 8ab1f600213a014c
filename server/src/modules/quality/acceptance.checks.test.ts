import { describe, expect, it } from "vitest";
import { milestoneMayOpen, missingParties, signingRole } from "./acceptance.checks.js";

describe("milestone order", () => {
  it("opens foundation and main structure at any time", () => {
    expect(milestoneMayOpen("foundation", []).ok).toBe(true);
    expect(milestoneMayOpen("main_structure", []).ok).toBe(true);
  });

  it("opens completion only when foundation and main structure are accepted", () => {
    const v = milestoneMayOpen("completion", [
      { milestone: "foundation", state: "accepted" },
      { milestone: "main_structure", state: "open" },
    ]);
    expect(v).toMatchObject({ ok: false, path: "milestone" });
    expect(!v.ok && v.message).toContain("主体结构");
    expect(!v.ok && v.message).not.toContain("地基与基础验收");
    expect(
      milestoneMayOpen("completion", [
        { milestone: "foundation", state: "accepted" },
        { milestone: "main_structure", state: "accepted" },
      ]).ok,
    ).toBe(true);
  });
});

describe("who signs", () => {
  it("needs designer and surveyor for foundation and completion, not for main structure", () => {
    expect(missingParties("foundation", [])).toEqual(["builder", "general_contractor", "supervisor", "surveyor", "designer"]);
    expect(missingParties("main_structure", [{ role: "builder" }])).toEqual(["general_contractor", "supervisor"]);
    expect(missingParties("completion", [{ role: "designer" }, { role: "surveyor" }])).toEqual(["builder", "general_contractor", "supervisor"]);
  });

  it("signs in the one required role the enterprise holds", () => {
    expect(signingRole("main_structure", ["general_contractor", "testing"], [])).toEqual({ ok: true, value: "general_contractor" });
  });

  it("refuses an enterprise that is none of the required parties", () => {
    expect(signingRole("main_structure", ["designer", "testing"], [])).toMatchObject({ ok: false, path: "role" });
    expect(signingRole("main_structure", [], [])).toMatchObject({ ok: false });
  });

  it("lets each party sign once", () => {
    expect(signingRole("foundation", ["supervisor"], [{ role: "supervisor" }])).toMatchObject({ ok: false, conflict: true });
  });

  it("asks which role when the enterprise holds two unsigned required roles, and takes the one asked for", () => {
    expect(signingRole("foundation", ["surveyor", "designer"], [])).toMatchObject({ ok: false, path: "role" });
    expect(signingRole("foundation", ["surveyor", "designer"], [], "designer")).toEqual({ ok: true, value: "designer" });
    expect(signingRole("foundation", ["surveyor", "designer"], [{ role: "surveyor" }])).toEqual({ ok: true, value: "designer" });
    expect(signingRole("foundation", ["surveyor"], [], "designer")).toMatchObject({ ok: false, path: "role" });
  });
});
