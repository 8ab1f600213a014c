import { describe, expect, it } from "vitest";
import { DANGEROUS_WORK_STATES, type DangerousWorkState } from "@contracts/safety/dangerous-works";
import { afterExpertVerdict, checkDrafterSignoff, checkTransition, isExpertCleared, nextSteps, stepData, STEPS, type ActorParties, type WorkFacts } from "./dangerous-work.workflow.js";

const NOBODY: ActorParties = { generalContractor: false, supervisor: false, builder: false, drafter: false, party: false };
const GC: ActorParties = { ...NOBODY, generalContractor: true, party: true };
const SUP: ActorParties = { ...NOBODY, supervisor: true, party: true };
const BLD: ActorParties = { ...NOBODY, builder: true, party: true };
const SUB: ActorParties = { ...NOBODY, drafter: true, party: true };
const OTHER: ActorParties = { ...NOBODY, party: true };
const EVERYONE: ActorParties = { generalContractor: true, supervisor: true, builder: true, drafter: true, party: true };
const facts = (state: DangerousWorkState, level: WorkFacts["level"] = "weida", expertCleared = false, more: Partial<WorkFacts> = {}): WorkFacts => ({
  state,
  level,
  expertCleared,
  revision: 1,
  schemeOnFile: true,
  subDrafted: false,
  drafterSigned: false,
  ...more,
});
const POSTING = { disclosedOn: "2026-01-05", postedOn: "2026-01-06", responsiblePersons: "项目经理张三" };

describe("危大 workflow", () => {
  it("walks a 危大 from identification to archive without expert review", () => {
    const path: [DangerousWorkState, DangerousWorkState, ActorParties, Record<string, unknown>?][] = [
      ["identified", "scheme_drafting", OTHER],
      ["scheme_drafting", "enterprise_review", OTHER],
      ["enterprise_review", "supervisor_review", GC],
      ["supervisor_review", "disclosed", SUP],
      ["disclosed", "posted", OTHER, POSTING],
      ["posted", "in_progress", OTHER],
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
    expect(checkTransition(facts("identified"), "scheme_drafting", NOBODY)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkTransition(facts("emergency"), "in_progress", GC, "", { recoveryPlan: "x", postAssessment: "y" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("a return needs its reason; the site notice records the briefing date, its own date and the responsible persons", () => {
    expect(checkTransition(facts("enterprise_review"), "scheme_drafting", GC, "")).toMatchObject({ ok: false, field: "note" });
    expect(checkTransition(facts("enterprise_review"), "scheme_drafting", GC, "计算书缺失")).toEqual({ ok: true });
    expect(checkTransition(facts("disclosed"), "posted", OTHER, "", {})).toMatchObject({ ok: false, field: "data.disclosedOn" });
    expect(checkTransition(facts("disclosed"), "posted", OTHER, "", { ...POSTING, postedOn: "2026-13-45" })).toMatchObject({ ok: false, field: "data.postedOn" });
    expect(checkTransition(facts("disclosed"), "posted", OTHER, "", { ...POSTING, responsiblePersons: " " })).toMatchObject({ ok: false, field: "data.responsiblePersons" });
    expect(checkTransition(facts("disclosed"), "in_progress", OTHER)).toMatchObject({ ok: false, field: "to" });
  });

  it("险情: any party reports it with what happened and when; only the client resumes, with its recovery plan and post-assessment", () => {
    const noNote = checkTransition(facts("in_progress"), "emergency", GC, "", { occurredAt: "2026-03-01T08:30:00.000Z" });
    expect(noNote).toMatchObject({ ok: false, field: "note" });
    expect(!noNote.ok && noNote.reason).toContain("应急处置措施");
    expect(checkTransition(facts("in_progress"), "emergency", GC, "坑边开裂", { occurredAt: "yesterday" })).toMatchObject({ ok: false, field: "data.occurredAt" });
    expect(checkTransition(facts("in_progress"), "emergency", SUP, "坑边开裂", { occurredAt: "2026-03-01T08:30:00.000Z" })).toEqual({ ok: true });
    expect(checkTransition(facts("emergency"), "in_progress", BLD, "", { recoveryPlan: "回填反压后分层开挖" })).toMatchObject({ ok: false, field: "data.postAssessment" });
    expect(checkTransition(facts("emergency"), "in_progress", BLD, "", { recoveryPlan: "回填反压后分层开挖", postAssessment: "处置及时" })).toEqual({ ok: true });
    expect(checkTransition(facts("emergency"), "acceptance", EVERYONE, "x", { recoveryPlan: "x", postAssessment: "y" })).toMatchObject({ ok: false, field: "to" });
  });

  it("the scheme of the current revision must be on file before the contractor's review is entered and signed", () => {
    const none = facts("scheme_drafting", "weida", false, { schemeOnFile: false, revision: 2 });
    const refused = checkTransition(none, "enterprise_review", GC);
    expect(refused).toMatchObject({ ok: false, field: "files" });
    expect(!refused.ok && refused.reason).toContain("第 2 版");
    expect(checkTransition({ ...none, state: "enterprise_review" }, "supervisor_review", GC)).toMatchObject({ ok: false, field: "files" });
    // A return needs no document.
    expect(checkTransition({ ...none, state: "enterprise_review" }, "scheme_drafting", GC, "退回")).toEqual({ ok: true });
  });

  it("a step records its own fields only", () => {
    expect(stepData("disclosed", "posted", { ...POSTING, extra: "x".repeat(10_000) })).toEqual(POSTING);
    expect(stepData("posted", "in_progress", { disclosedOn: "2026-01-05" })).toBeNull();
  });

  it("a subcontractor's scheme: its technical lead signs first, then the general contractor", () => {
    const drafted = facts("enterprise_review", "weida", false, { subDrafted: true });
    expect(checkTransition(drafted, "supervisor_review", GC)).toMatchObject({ ok: false, field: "drafterSignoff" });
    expect(checkDrafterSignoff(drafted, SUB)).toEqual({ ok: true });
    expect(checkDrafterSignoff(drafted, GC)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkDrafterSignoff({ ...drafted, schemeOnFile: false }, SUB)).toMatchObject({ ok: false, field: "files" });
    expect(checkDrafterSignoff({ ...drafted, state: "scheme_drafting" }, SUB)).toMatchObject({ ok: false, field: "state" });
    const signed = { ...drafted, drafterSigned: true };
    expect(checkDrafterSignoff(signed, SUB)).toMatchObject({ ok: false, field: "state" });
    expect(checkTransition(signed, "supervisor_review", GC)).toEqual({ ok: true });
    expect(checkDrafterSignoff(facts("enterprise_review"), SUB)).toBeNull();
  });

  it("refuses every step the table does not list, and any plain step out of expert review", () => {
    for (const from of DANGEROUS_WORK_STATES) {
      for (const to of DANGEROUS_WORK_STATES) {
        if (STEPS[from].some((s) => s.to === to)) continue;
        const data = { ...POSTING, occurredAt: "2026-01-01T00:00:00Z", recoveryPlan: "x", postAssessment: "y" };
        expect(checkTransition(facts(from, "chaoweida", true, { drafterSigned: true }), to, EVERYONE, "x", data).ok, `${from} → ${to}`).toBe(false);
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
    // The form is told what each step asks for.
    expect(nextSteps(facts("disclosed"), OTHER)).toEqual([{ to: "posted", allowed: true, reason: null, needsNote: false, fields: ["disclosedOn", "postedOn", "responsiblePersons"] }]);
    expect(nextSteps(facts("in_progress"), OTHER).find((s) => s.to === "emergency")).toMatchObject({ allowed: true, needsNote: true, fields: ["occurredAt"] });
    expect(nextSteps(facts("emergency"), GC)).toMatchObject([{ to: "in_progress", allowed: false, fields: ["recoveryPlan", "postAssessment"] }]);
    expect(nextSteps(facts("expert_review", "chaoweida"), GC)).toEqual([]);
  });
});
