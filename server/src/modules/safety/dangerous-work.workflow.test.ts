import { describe, expect, it } from "vitest";
import { DANGEROUS_WORK_STATES, type DangerousWorkState } from "@contracts/safety/dangerous-works";
import { afterExpertVerdict, checkTransition, isExpertCleared, nextSteps, STEPS, type ActorParties, type WorkFacts } from "./dangerous-work.workflow.js";

const GC: ActorParties = { generalContractor: true, supervisor: false, party: true };
const SUP: ActorParties = { generalContractor: false, supervisor: true, party: true };
const OTHER: ActorParties = { generalContractor: false, supervisor: false, party: true };
const facts = (state: DangerousWorkState, level: WorkFacts["level"] = "weida", expertCleared = false): WorkFacts => ({ state, level, expertCleared });

describe("危大 workflow", () => {
  it("walks a 危大 from identification to archive without expert review", () => {
    const path: [DangerousWorkState, DangerousWorkState, ActorParties, Record<string, unknown>?][] = [
      ["identified", "scheme_drafting", OTHER],
      ["scheme_drafting", "enterprise_review", OTHER],
      ["enterprise_review", "supervisor_review", GC],
      ["supervisor_review", "disclosed", SUP],
      ["disclosed", "in_progress", OTHER, { disclosedOn: "2026-01-05" }],
      ["in_progress", "acceptance", OTHER],
      ["acceptance", "accepted", SUP],
      ["accepted", "closed", OTHER],
    ];
    for (const [from, to, who, data] of path) expect(checkTransition(facts(from), to, who, "", data), `${from} → ${to}`).toEqual({ ok: true });
  });

  it("refuses expert review for a 危大 and disclosure for an uncleared 超危大, with the reason", () => {
    const weida = checkTransition(facts("supervisor_review"), "expert_review", SUP);
    expect(weida).toMatchObject({ ok: false, code: "PRECONDITION_FAILED" });
    expect(!weida.ok && weida.reason).toContain("无需专家论证");
    const skip = checkTransition(facts("supervisor_review", "chaoweida"), "disclosed", SUP);
    expect(!skip.ok && skip.reason).toContain("须经专家论证");
    expect(checkTransition(facts("supervisor_review", "chaoweida"), "expert_review", SUP)).toEqual({ ok: true });
    expect(checkTransition(facts("supervisor_review", "chaoweida", true), "disclosed", SUP)).toEqual({ ok: true });
  });

  it("only the named party signs a review step", () => {
    expect(checkTransition(facts("enterprise_review"), "supervisor_review", SUP)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkTransition(facts("supervisor_review"), "disclosed", GC)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkTransition(facts("acceptance"), "accepted", GC)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkTransition(facts("identified"), "scheme_drafting", { generalContractor: false, supervisor: false, party: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("a return needs its reason; leaving disclosure needs the disclosure date", () => {
    expect(checkTransition(facts("enterprise_review"), "scheme_drafting", GC, "")).toMatchObject({ ok: false, field: "note" });
    expect(checkTransition(facts("enterprise_review"), "scheme_drafting", GC, "计算书缺失")).toEqual({ ok: true });
    expect(checkTransition(facts("disclosed"), "in_progress", OTHER, "", {})).toMatchObject({ ok: false, field: "data.disclosedOn" });
  });

  it("refuses every step the table does not list, and any plain step out of expert review", () => {
    for (const from of DANGEROUS_WORK_STATES) {
      for (const to of DANGEROUS_WORK_STATES) {
        if (STEPS[from].some((s) => s.to === to)) continue;
        expect(checkTransition(facts(from, "chaoweida", true), to, { generalContractor: true, supervisor: true, party: true }, "x", { disclosedOn: "2026-01-01" }).ok, `${from} → ${to}`).toBe(false);
      }
    }
  });

  it("expert verdicts: 通过 continues, 修改后通过 back to the contractor's review, 不通过 back to drafting", () => {
    expect(afterExpertVerdict("pass")).toEqual({ to: "disclosed", newRevision: false });
    expect(afterExpertVerdict("pass_with_changes")).toEqual({ to: "enterprise_review", newRevision: true });
    expect(afterExpertVerdict("fail")).toEqual({ to: "scheme_drafting", newRevision: true });
  });

  it("a pass clears its revision; a pass with changes clears the next one; a fail or a later change clears nothing", () => {
    expect(isExpertCleared(2, { revision: 2, verdict: "pass" })).toBe(true);
    expect(isExpertCleared(3, { revision: 2, verdict: "pass" })).toBe(false);
    expect(isExpertCleared(3, { revision: 2, verdict: "pass_with_changes" })).toBe(true);
    expect(isExpertCleared(4, { revision: 2, verdict: "pass_with_changes" })).toBe(false);
    expect(isExpertCleared(3, { revision: 2, verdict: "fail" })).toBe(false);
    expect(isExpertCleared(1, null)).toBe(false);
  });

  it("lists next steps with reasons for the ones the actor may not take", () => {
    const steps = nextSteps(facts("supervisor_review", "chaoweida"), SUP);
    expect(steps.find((s) => s.to === "expert_review")).toMatchObject({ allowed: true });
    expect(steps.find((s) => s.to === "disclosed")).toMatchObject({ allowed: false });
  });
});
