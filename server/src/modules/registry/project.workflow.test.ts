import { describe, expect, it } from "vitest";
import { PROJECT_STATUSES, PROJECT_TRANSITIONS, type ProjectStatus } from "@contracts/registry/enums";
import { AppError } from "../../platform/errors.js";
import { allowedTransitions, blockedTransitions, planTransition, transitionBlockers, type TransitionFacts } from "./project.workflow.js";

const TODAY = "2025-06-15";

/** A project that satisfies every guard, in the given status. */
const ready = (status: ProjectStatus, over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  status,
  permitNo: "330784202501010101",
  actualStart: status === "approved" ? null : "2025-01-10",
  hasGeneralContractor: true,
  hasProjectManager: true,
  managerBusyOn: null,
  ...over,
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

const ALLOWED: [ProjectStatus, ProjectStatus][] = [
  ["approved", "in_progress"],
  ["in_progress", "suspended"],
  ["in_progress", "completed"],
  ["suspended", "resumed"],
  ["resumed", "suspended"],
  ["resumed", "completed"],
];

describe("project lifecycle edges", () => {
  it("the contract's edge table is exactly 立项→在建→停工⇄复工→竣工验收", () => {
    const edges = PROJECT_STATUSES.flatMap((from) => PROJECT_TRANSITIONS[from].map((to) => [from, to]));
    expect(edges).toEqual(ALLOWED);
  });

  it.each(ALLOWED)("allows %s → %s when the guards pass", (from, to) => {
    const changes = planTransition(ready(from), { to, reason: "雨季防汛" }, TODAY);
    expect(changes.status).toBe(to);
  });

  const forbidden = PROJECT_STATUSES.flatMap((from) =>
    PROJECT_STATUSES.filter((to) => !ALLOWED.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as [ProjectStatus, ProjectStatus]),
  );

  it.each(forbidden)("refuses %s → %s with PRECONDITION_FAILED naming both", (from, to) => {
    const err = errorOf(() => planTransition(ready(from), { to, reason: "x" }, TODAY));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain(`${from} → ${to}`);
    expect(err.details).toMatchObject({ from, to });
  });

  it("has no way out of 竣工验收", () => {
    expect(allowedTransitions(ready("completed"))).toEqual([]);
  });
});

describe("guards for → in_progress", () => {
  it("needs a permit number, a general contractor and a current project manager, and names each missing one", () => {
    const facts = ready("approved", { permitNo: null, hasGeneralContractor: false, hasProjectManager: false });
    const err = errorOf(() => planTransition(facts, { to: "in_progress" }, TODAY));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain("施工许可证");
    expect(err.message).toContain("general contractor");
    expect(err.message).toContain("project manager");
    expect((err.details as { reasons: string[] }).reasons).toHaveLength(3);
  });

  it.each([
    ["permit", { permitNo: null }, "permit"],
    ["general contractor", { hasGeneralContractor: false }, "general contractor"],
    ["project manager", { hasProjectManager: false }, "no current project manager"],
  ] as const)("a missing %s alone blocks the start", (_name, over, text) => {
    const blockers = transitionBlockers(ready("approved", over), "in_progress");
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toContain(text);
  });

  it("refuses when the project manager already manages another live project, naming it", () => {
    const facts = ready("approved", { managerBusyOn: { code: "YK-2025-007", name: "江南街道安置房" } });
    const err = errorOf(() => planTransition(facts, { to: "in_progress" }, TODAY));
    expect(err.message).toContain("YK-2025-007");
    expect(err.message).toContain("江南街道安置房");
  });

  it("sets actualStart to the given day, or today", () => {
    expect(planTransition(ready("approved"), { to: "in_progress", on: "2025-06-01" }, TODAY)).toEqual({ status: "in_progress", actualStart: "2025-06-01" });
    expect(planTransition(ready("approved"), { to: "in_progress" }, TODAY)).toEqual({ status: "in_progress", actualStart: TODAY });
  });

  it("guards only the start: a suspended project resumes without re-checking the permit", () => {
    expect(planTransition(ready("suspended", { permitNo: null }), { to: "resumed" }, TODAY)).toEqual({ status: "resumed" });
  });
});

describe("suspension and completion", () => {
  it("a suspension needs a reason (VALIDATION naming reason)", () => {
    const err = errorOf(() => planTransition(ready("in_progress"), { to: "suspended" }, TODAY));
    expect(err.code).toBe("VALIDATION");
    expect(err.details).toEqual({ issues: [expect.objectContaining({ path: "reason" })] });
    expect(planTransition(ready("resumed"), { to: "suspended", reason: "扬尘整改" }, TODAY)).toEqual({ status: "suspended" });
  });

  it("completion sets actualEnd, not before the actual start", () => {
    expect(planTransition(ready("in_progress"), { to: "completed", on: "2025-06-10" }, TODAY)).toEqual({ status: "completed", actualEnd: "2025-06-10" });
    expect(planTransition(ready("resumed"), { to: "completed" }, TODAY)).toEqual({ status: "completed", actualEnd: TODAY });
    const err = errorOf(() => planTransition(ready("in_progress"), { to: "completed", on: "2025-01-01" }, TODAY));
    expect(err.code).toBe("VALIDATION");
    expect(err.details).toEqual({ issues: [expect.objectContaining({ path: "on" })] });
  });

  it("refuses a date in the future", () => {
    const err = errorOf(() => planTransition(ready("approved"), { to: "in_progress", on: "2025-06-16" }, TODAY));
    expect(err.code).toBe("VALIDATION");
    expect(err.details).toEqual({ issues: [expect.objectContaining({ path: "on" })] });
  });
});

describe("allowed and blocked transitions for the detail page", () => {
  it("lists reachable targets and, separately, the blocked ones with reasons", () => {
    const facts = ready("approved", { hasProjectManager: false });
    expect(allowedTransitions(facts)).toEqual([]);
    expect(blockedTransitions(facts)).toEqual([{ to: "in_progress", reasons: [expect.stringContaining("project manager")] }]);
    expect(allowedTransitions(ready("in_progress"))).toEqual(["suspended", "completed"]);
    expect(blockedTransitions(ready("in_progress"))).toEqual([]);
  });
});
