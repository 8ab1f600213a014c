import { DANGEROUS_WORK_STATE_LABELS as L, type DangerLevel, type DangerousWorkState, type ExpertVerdict } from "@contracts/safety/dangerous-works";

/**
 * The 危大 workflow of 住建部令第37号 (domain-rules §4.3), pure. A state is the stage a work is in: leaving
 * a review stage is that reviewer's signature (施工单位技术负责人 for enterprise_review, 总监 for
 * supervisor_review and acceptance). A 超危大 passes expert review (≥ 5 pool experts) between the
 * supervisor's review and disclosure; a 危大 never goes there. Expert verdicts move the work themselves
 * (`afterExpertVerdict`), so expert_review has no plain transition out.
 */

/** Which party must sign a step; `any` is any project party with safety.manage. */
export type Signer = "general_contractor" | "supervisor" | "any";

interface Step {
  to: DangerousWorkState;
  signer: Signer;
  /** A return or a failed acceptance must say why. */
  needsNote?: boolean;
  /** Named `data` fields the step records. */
  needsData?: string[];
}

export const STEPS: Record<DangerousWorkState, readonly Step[]> = {
  identified: [{ to: "scheme_drafting", signer: "any" }],
  scheme_drafting: [{ to: "enterprise_review", signer: "any" }],
  enterprise_review: [
    { to: "supervisor_review", signer: "general_contractor" },
    { to: "scheme_drafting", signer: "general_contractor", needsNote: true },
  ],
  supervisor_review: [
    { to: "expert_review", signer: "supervisor" },
    { to: "disclosed", signer: "supervisor" },
    { to: "scheme_drafting", signer: "supervisor", needsNote: true },
  ],
  expert_review: [],
  disclosed: [{ to: "in_progress", signer: "any", needsData: ["disclosedOn"] }],
  in_progress: [{ to: "acceptance", signer: "any" }],
  acceptance: [
    { to: "accepted", signer: "supervisor" },
    { to: "in_progress", signer: "supervisor", needsNote: true },
  ],
  accepted: [{ to: "closed", signer: "any" }],
  closed: [],
};

export interface WorkFacts {
  state: DangerousWorkState;
  level: DangerLevel;
  /**
   * A 超危大's scheme is cleared by experts: the latest review passed this revision, or passed it with
   * changes and this is the revised one (37号令 第十四条: a revision after 修改后通过 goes through the
   * contractor's and supervisor's signatures again, not a new review).
   */
  expertCleared: boolean;
}

/** What the actor is on this project. */
export interface ActorParties {
  generalContractor: boolean;
  supervisor: boolean;
  /** Any project party (or the platform admin) holding safety.manage in scope. */
  party: boolean;
}

export type Verdict = { ok: true } | { ok: false; code: "FORBIDDEN" | "PRECONDITION_FAILED"; reason: string; field?: string };

const refuse = (code: "FORBIDDEN" | "PRECONDITION_FAILED", zh: string, en: string, field?: string): Verdict => ({ ok: false, code, reason: `${zh} (${en})`, field });

const SIGNER_TEXT: Record<Exclude<Signer, "any">, { zh: string; en: string }> = {
  general_contractor: { zh: "本项目施工总承包单位(技术负责人)", en: "the project's general contractor" },
  supervisor: { zh: "本项目监理单位(总监理工程师)", en: "the project's supervisor" },
};

/** Checks one step; `note` and `data` are what the request carries. */
export function checkTransition(facts: WorkFacts, to: DangerousWorkState, who: ActorParties, note = "", data: Record<string, unknown> = {}): Verdict {
  const from = facts.state;
  if (from === "expert_review") {
    return refuse("PRECONDITION_FAILED", "专家论证阶段须录入论证结论，由结论决定去向", "record the expert review's verdict; it decides the next stage", "to");
  }
  const step = STEPS[from].find((s) => s.to === to);
  if (!step) {
    return refuse("PRECONDITION_FAILED", `不能从「${L[from].zh}」转到「${L[to].zh}」`, `no step from ${L[from].en} to ${L[to].en}`, "to");
  }
  if (from === "supervisor_review" && to === "expert_review" && facts.level !== "chaoweida") {
    return refuse("PRECONDITION_FAILED", "危大工程(非超危大)无需专家论证，监理审查后直接交底", "only a 超危大 scheme goes to expert review", "to");
  }
  if (from === "supervisor_review" && to === "disclosed" && facts.level === "chaoweida" && !facts.expertCleared) {
    return refuse("PRECONDITION_FAILED", "超危大工程专项方案须经专家论证通过后方可交底实施", "a 超危大 scheme must pass expert review before disclosure", "to");
  }
  if (step.signer === "any" ? !who.party : !(step.signer === "general_contractor" ? who.generalContractor : who.supervisor)) {
    const s = step.signer === "any" ? { zh: "本项目参建单位", en: "a project party" } : SIGNER_TEXT[step.signer];
    return refuse("FORBIDDEN", `此步须由${s.zh}人员签署`, `this step is signed by ${s.en}`);
  }
  if (step.needsNote && note.trim() === "") {
    return refuse("PRECONDITION_FAILED", "退回或验收不通过须说明原因", "a return must state its reason", "note");
  }
  for (const key of step.needsData ?? []) {
    const v = data[key];
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      return refuse("PRECONDITION_FAILED", "须填写安全技术交底日期 (YYYY-MM-DD)", `data.${key} must be the disclosure date`, `data.${key}`);
    }
  }
  return { ok: true };
}

/** Every step out of the current stage, each allowed or refused with its reason (for the detail page's buttons). */
export function nextSteps(facts: WorkFacts, who: ActorParties): { to: DangerousWorkState; allowed: boolean; reason: string | null }[] {
  return STEPS[facts.state].map((s) => {
    // The note and data are asked for by the form; judge only what the actor cannot change.
    const v = checkTransition(facts, s.to, who, "-", { disclosedOn: "2000-01-01" });
    return { to: s.to, allowed: v.ok, reason: v.ok ? null : v.reason };
  });
}

/** Where an expert verdict sends the work, and whether the scheme's revision goes up. */
export function afterExpertVerdict(verdict: ExpertVerdict): { to: DangerousWorkState; newRevision: boolean } {
  if (verdict === "pass") return { to: "disclosed", newRevision: false };
  if (verdict === "pass_with_changes") return { to: "enterprise_review", newRevision: true };
  return { to: "scheme_drafting", newRevision: true };
}

/** Whether the latest expert review clears the current revision (see WorkFacts.expertCleared). */
export function isExpertCleared(revision: number, latest: { revision: number; verdict: ExpertVerdict } | null): boolean {
  if (!latest) return false;
  if (latest.verdict === "pass") return latest.revision === revision;
  if (latest.verdict === "pass_with_changes") return latest.revision + 1 === revision;
  return false;
}

/** States where the declared parameters may still be edited freely (no review has been signed yet). */
export const DRAFT_STATES: readonly DangerousWorkState[] = ["identified", "scheme_drafting"];
/** Done: the scheme can no longer change. */
export const FINISHED_STATES: readonly DangerousWorkState[] = ["acceptance", "accepted", "closed"];
