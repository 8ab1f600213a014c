import { describe, expect, it } from "vitest";
import { CASE_ACTIONS, type CaseAction } from "@contracts/cases/cases";
import { CASE_GRADES, CASE_STATES, STOP_WORK_STATES, type CaseState, type StopWorkState } from "@contracts/cases/enums";
import { AppError } from "../../platform/errors.js";
import { allowedActions, isOverdue, planCaseAction, type CaseFacts, type CaseInput, type Caller } from "./case.workflow.js";

const INSPECTOR: Caller = { canInspect: true, canReply: false, isResponsible: false };
const CONTRACTOR: Caller = { canInspect: false, canReply: true, isResponsible: true };
/** A project party in scope but not the responsible unit (e.g. the supervisor firm on a contractor's case). */
const BYSTANDER: Caller = { canInspect: false, canReply: true, isResponsible: false };
const LEADER: Caller = { canInspect: false, canReply: false, isResponsible: false };

const INPUTS: Record<CaseAction, CaseInput> = {
  accept: { action: "accept", note: "收到" },
  reply: { action: "reply", measures: "已加设连墙件", photoIds: ["p1"] },
  recheck: { action: "recheck", passed: true },
  stop_work: { action: "stop_work", scope: "full", reason: "深基坑变形超控制值" },
  resume_apply: { action: "resume_apply", report: "整改完成报告" },
  resume_decision: { action: "resume_decision", approved: true },
  comment: { action: "comment", text: "备注" },
};

/** The specification: from which facts each action is allowed (independent of the implementation's tables). */
const ALLOWED_FROM: Record<CaseAction, (f: CaseFacts) => boolean> = {
  accept: (f) => f.state === "pending",
  reply: (f) => f.state === "rectifying",
  recheck: (f) => f.state === "review",
  stop_work: (f) => f.grade === "major" && f.state !== "closed" && (f.stopWork === "none" || f.stopWork === "resumed"),
  resume_apply: (f) => f.state === "closed" && f.stopWork === "ordered",
  resume_decision: (f) => f.stopWork === "resume_applied",
  comment: () => true,
};
const CALLER_OF: Record<CaseAction, Caller> = {
  accept: CONTRACTOR,
  reply: CONTRACTOR,
  recheck: INSPECTOR,
  stop_work: INSPECTOR,
  resume_apply: CONTRACTOR,
  resume_decision: INSPECTOR,
  comment: CONTRACTOR,
};

const ALL_FACTS: CaseFacts[] = CASE_STATES.flatMap((state) => CASE_GRADES.flatMap((grade) => STOP_WORK_STATES.map((stopWork) => ({ state, grade, stopWork }))));

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : "NOT_APP_ERROR";
  }
}

describe("case workflow: the specification over every state × grade × stop-work combination", () => {
  for (const action of CASE_ACTIONS) {
    it(`${action}: allowed exactly where the spec says, PRECONDITION_FAILED everywhere else`, () => {
      const wrong: string[] = [];
      for (const f of ALL_FACTS) {
        const code = codeOf(() => planCaseAction(f, CALLER_OF[action], INPUTS[action]));
        const expected = ALLOWED_FROM[action](f) ? null : "PRECONDITION_FAILED";
        if (code !== expected) wrong.push(`${JSON.stringify(f)}: ${code}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe("case workflow: allowed transitions and their effects", () => {
  const f = (state: CaseState, stopWork: StopWorkState = "none", grade: "general" | "major" = "general"): CaseFacts => ({ state, grade, stopWork });

  it("签收: pending → rectifying", () => {
    const p = planCaseAction(f("pending"), CONTRACTOR, INPUTS.accept);
    expect([p.state, p.event.action, p.closes, p.project]).toEqual(["rectifying", "accepted", false, null]);
  });

  it("整改回复: rectifying → review, carrying measures and photos", () => {
    const p = planCaseAction(f("rectifying"), CONTRACTOR, { action: "reply", measures: "已整改", photoIds: ["a", "b"] });
    expect([p.state, p.event.action, p.event.note, p.event.photoIds]).toEqual(["review", "replied", "已整改", ["a", "b"]]);
  });

  it("复查通过: review → closed (closes)", () => {
    const p = planCaseAction(f("review"), INSPECTOR, { action: "recheck", passed: true });
    expect([p.state, p.closes, p.event.action]).toEqual(["closed", true, "passed"]);
  });

  it("复查不通过 (退回): review → rectifying with the reason", () => {
    const p = planCaseAction(f("review"), INSPECTOR, { action: "recheck", passed: false, reason: "照片不清晰" });
    expect([p.state, p.closes, p.event.action, p.event.note]).toEqual(["rectifying", false, "returned", "照片不清晰"]);
  });

  it("停工整改 of a major case: stop-work ordered, project suspended, state unchanged, scope recorded", () => {
    const p = planCaseAction(f("rectifying", "none", "major"), INSPECTOR, { action: "stop_work", scope: "partial", reason: "塔吊安全装置失效" });
    expect([p.state, p.stopWork, p.project, p.event.action, p.event.data]).toEqual(["rectifying", "ordered", "suspend", "stop_work_ordered", { scope: "partial" }]);
  });

  it("a new stop-work order after an earlier resumption", () => {
    expect(planCaseAction(f("pending", "resumed", "major"), INSPECTOR, INPUTS.stop_work).stopWork).toBe("ordered");
  });

  it("复工申请 after closing: ordered → resume_applied, project untouched", () => {
    const p = planCaseAction(f("closed", "ordered", "major"), CONTRACTOR, INPUTS.resume_apply);
    expect([p.state, p.stopWork, p.project]).toEqual(["closed", "resume_applied", null]);
  });

  it("复工审批 approve: resume_applied → resumed, project resumes", () => {
    const p = planCaseAction(f("closed", "resume_applied", "major"), INSPECTOR, { action: "resume_decision", approved: true });
    expect([p.stopWork, p.project, p.event.action]).toEqual(["resumed", "resume", "resume_approved"]);
  });

  it("复工审批 deny: back to ordered with the reason, project stays suspended", () => {
    const p = planCaseAction(f("closed", "resume_applied", "major"), INSPECTOR, { action: "resume_decision", approved: false, reason: "报告不全" });
    expect([p.stopWork, p.project, p.event.action, p.event.note]).toEqual(["ordered", null, "resume_denied", "报告不全"]);
  });

  it("a comment changes nothing, in any state, by either side", () => {
    for (const caller of [INSPECTOR, CONTRACTOR]) {
      const p = planCaseAction(f("closed", "resumed", "major"), caller, INPUTS.comment);
      expect([p.state, p.stopWork, p.project, p.event.action]).toEqual(["closed", "resumed", null, "commented"]);
    }
  });
});

describe("case workflow: who", () => {
  const open: CaseFacts = { state: "pending", grade: "major", stopWork: "none" };
  const factsFor: Record<CaseAction, CaseFacts> = {
    accept: open,
    reply: { ...open, state: "rectifying" },
    recheck: { ...open, state: "review" },
    stop_work: open,
    resume_apply: { ...open, state: "closed", stopWork: "ordered" },
    resume_decision: { ...open, state: "closed", stopWork: "resume_applied" },
    comment: open,
  };
  const mayAct: Record<CaseAction, Caller[]> = {
    accept: [CONTRACTOR],
    reply: [CONTRACTOR],
    recheck: [INSPECTOR],
    stop_work: [INSPECTOR],
    resume_apply: [CONTRACTOR],
    resume_decision: [INSPECTOR],
    comment: [INSPECTOR, CONTRACTOR],
  };
  for (const action of CASE_ACTIONS) {
    it(`${action}: FORBIDDEN for everyone but ${mayAct[action].length === 2 ? "inspectors and the responsible side" : mayAct[action][0] === INSPECTOR ? "inspectors" : "the responsible side"}`, () => {
      for (const caller of [INSPECTOR, CONTRACTOR, BYSTANDER, LEADER]) {
        const code = codeOf(() => planCaseAction(factsFor[action], caller, INPUTS[action]));
        expect(code, `${action} as ${JSON.stringify(caller)}`).toBe(mayAct[action].includes(caller) ? null : "FORBIDDEN");
      }
    });
  }

  it("the refusal names why (zh and en)", () => {
    expect(() => planCaseAction(factsFor.reply, BYSTANDER, INPUTS.reply)).toThrow(/责任单位.*responsible unit/);
    expect(() => planCaseAction({ ...open, state: "review" }, CONTRACTOR, INPUTS.reply)).toThrow(/整改中.*case is review/);
    expect(() => planCaseAction({ ...open, grade: "general" }, INSPECTOR, INPUTS.stop_work)).toThrow(/重大隐患.*major cases only/);
  });
});

describe("case workflow: evidence", () => {
  const invalidPath = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return (err as AppError).code === "VALIDATION" ? ((err as AppError).details as { issues: { path: string }[] }).issues[0].path : `not validation: ${(err as AppError).code}`;
    }
    return null;
  };
  const rect: CaseFacts = { state: "rectifying", grade: "general", stopWork: "none" };

  it("a reply needs at least one photo and the measures", () => {
    expect(invalidPath(() => planCaseAction(rect, CONTRACTOR, { action: "reply", measures: "已整改", photoIds: [] }))).toBe("photoIds");
    expect(invalidPath(() => planCaseAction(rect, CONTRACTOR, { action: "reply", measures: "  ", photoIds: ["p"] }))).toBe("measures");
  });

  it("a failed re-check and a denied resumption need a reason; a stop-work order and an application need their text", () => {
    expect(invalidPath(() => planCaseAction({ ...rect, state: "review" }, INSPECTOR, { action: "recheck", passed: false }))).toBe("reason");
    expect(invalidPath(() => planCaseAction({ ...rect, state: "review" }, INSPECTOR, { action: "recheck", passed: false, reason: " " }))).toBe("reason");
    expect(invalidPath(() => planCaseAction({ state: "closed", grade: "major", stopWork: "resume_applied" }, INSPECTOR, { action: "resume_decision", approved: false }))).toBe("reason");
    expect(invalidPath(() => planCaseAction({ state: "pending", grade: "major", stopWork: "none" }, INSPECTOR, { action: "stop_work", scope: "full", reason: "" }))).toBe("reason");
    expect(invalidPath(() => planCaseAction({ state: "closed", grade: "major", stopWork: "ordered" }, CONTRACTOR, { action: "resume_apply", report: "" }))).toBe("report");
  });
});

describe("allowedActions", () => {
  it("lists, per caller, exactly the actions planCaseAction accepts", () => {
    for (const f of ALL_FACTS) {
      for (const caller of [INSPECTOR, CONTRACTOR, BYSTANDER, LEADER]) {
        const accepted = CASE_ACTIONS.filter((a) => codeOf(() => planCaseAction(f, caller, INPUTS[a])) === null);
        expect(allowedActions(f, caller), JSON.stringify({ f, caller })).toEqual(accepted);
      }
    }
  });

  it("a contractor on a fresh notice may sign for it and comment; an inspector may order a stop on a major one", () => {
    expect(allowedActions({ state: "pending", grade: "major", stopWork: "none" }, CONTRACTOR)).toEqual(["accept", "comment"]);
    expect(allowedActions({ state: "pending", grade: "major", stopWork: "none" }, INSPECTOR)).toEqual(["stop_work", "comment"]);
    expect(allowedActions({ state: "pending", grade: "major", stopWork: "none" }, LEADER)).toEqual([]);
  });
});

describe("isOverdue", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const past = new Date("2026-05-31T23:59:00Z");
  const future = new Date("2026-06-01T00:01:00Z");
  it("pending or rectifying past the deadline and not yet flagged", () => {
    expect(isOverdue({ state: "pending", deadline: past, overdueAt: null }, now)).toBe(true);
    expect(isOverdue({ state: "rectifying", deadline: past, overdueAt: null }, now)).toBe(true);
  });
  it("not before the deadline, not once replied or closed, not twice", () => {
    expect(isOverdue({ state: "pending", deadline: future, overdueAt: null }, now)).toBe(false);
    expect(isOverdue({ state: "review", deadline: past, overdueAt: null }, now)).toBe(false);
    expect(isOverdue({ state: "closed", deadline: past, overdueAt: null }, now)).toBe(false);
    expect(isOverdue({ state: "pending", deadline: past, overdueAt: past }, now)).toBe(false);
  });
});
