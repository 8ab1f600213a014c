import { DANGEROUS_WORK_STATE_LABELS as L, STEP_FIELDS, type DangerLevel, type DangerousWorkState, type ExpertVerdict, type NextStepDto, type StepField } from "@contracts/safety/dangerous-works";

/**
 * The 危大 workflow of 住建部令第37号 (domain-rules §4.3), pure. A state is the stage a work is in: leaving
 * a review stage is that reviewer's signature (施工单位技术负责人 for enterprise_review, 总监 for
 * supervisor_review and acceptance). A 超危大 passes expert review (≥ 5 pool experts) between the
 * supervisor's review and disclosure; a 危大 never goes there. Expert verdicts move the work themselves
 * (`afterExpertVerdict`), so expert_review has no plain transition out.
 */

/** Which party must sign a step; `any` is any project party with safety.manage; `builder` the 建设单位. */
export type Signer = "general_contractor" | "supervisor" | "builder" | "any";

interface Step {
  to: DangerousWorkState;
  signer: Signer;
  /** A return, a failed acceptance or an emergency report must say why / what happened. */
  needsNote?: boolean;
  /** The `data` fields the step records (STEP_FIELDS). */
  needsData?: StepField[];
}

/**
 * 交底 → 公示 records the briefing and the site notice (第十七、十八条); 实施 → 险情处置 is the contractor's
 * report (第二十七条), and only the client, with its recovery plan and post-assessment (第二十八条), sends
 * the work back to 实施.
 */
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
  disclosed: [{ to: "posted", signer: "any", needsData: ["disclosedOn", "postedOn", "responsiblePersons"] }],
  posted: [{ to: "in_progress", signer: "any" }],
  in_progress: [
    { to: "acceptance", signer: "any" },
    { to: "emergency", signer: "any", needsNote: true, needsData: ["occurredAt"] },
  ],
  acceptance: [
    { to: "accepted", signer: "supervisor" },
    { to: "in_progress", signer: "supervisor", needsNote: true },
  ],
  accepted: [{ to: "closed", signer: "any" }],
  closed: [],
  emergency: [{ to: "in_progress", signer: "builder", needsData: ["recoveryPlan", "postAssessment"] }],
};

export interface WorkFacts {
  state: DangerousWorkState;
  level: DangerLevel;
  revision: number;
  /**
   * A 超危大's scheme is cleared by experts: the latest review passed this revision, or passed it with
   * changes and this is the revised one (37号令 第十四条: a revision after 修改后通过 goes through the
   * contractor's and supervisor's signatures again, not a new review).
   */
  expertCleared: boolean;
  /** The scheme document of this revision is on file. */
  schemeOnFile: boolean;
  /** A specialty subcontractor drafted the scheme (its technical lead signs before the general contractor's). */
  subDrafted: boolean;
  /** …and it has signed this revision. */
  drafterSigned: boolean;
}

/** What the actor is on this project. */
export interface ActorParties {
  generalContractor: boolean;
  supervisor: boolean;
  builder: boolean;
  /** The actor's enterprise is the subcontractor that drafted this work's scheme. */
  drafter: boolean;
  /** Any project party (or the platform admin) holding safety.manage in scope. */
  party: boolean;
}

export type Verdict = { ok: true } | { ok: false; code: "FORBIDDEN" | "PRECONDITION_FAILED"; reason: string; field?: string };

const OK: Verdict = { ok: true };
const refuse = (code: "FORBIDDEN" | "PRECONDITION_FAILED", zh: string, en: string, field?: string): Verdict => ({ ok: false, code, reason: `${zh} (${en})`, field });

const SIGNER_TEXT: Record<Exclude<Signer, "any">, { zh: string; en: string }> = {
  general_contractor: { zh: "本项目施工总承包单位(技术负责人)", en: "the project's general contractor" },
  supervisor: { zh: "本项目监理单位(总监理工程师)", en: "the project's supervisor" },
  builder: { zh: "本项目建设单位", en: "the project's client" },
};

const signs = (signer: Signer, who: ActorParties) =>
  signer === "any" ? who.party : signer === "general_contractor" ? who.generalContractor : signer === "supervisor" ? who.supervisor : who.builder;

/** The scheme of this revision is on file (checked leaving drafting and at the contractor's signature). */
function schemeVerdict(facts: WorkFacts): Verdict {
  if (facts.schemeOnFile) return OK;
  return refuse("PRECONDITION_FAILED", `须先上传第 ${facts.revision} 版专项施工方案`, `upload the scheme document of revision ${facts.revision} first`, "files");
}

/**
 * What the actor cannot change by filling the form: the step exists, the work's facts allow it, the actor signs
 * for the right party. The detail page's buttons are judged by this alone.
 */
export function checkStep(facts: WorkFacts, to: DangerousWorkState, who: ActorParties): Verdict {
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
  if (!signs(step.signer, who)) {
    const s = step.signer === "any" ? { zh: "本项目参建单位", en: "a project party" } : SIGNER_TEXT[step.signer];
    return refuse("FORBIDDEN", `此步须由${s.zh}人员签署`, `this step is signed by ${s.en}`);
  }
  const forward = (from === "scheme_drafting" && to === "enterprise_review") || (from === "enterprise_review" && to === "supervisor_review");
  if (forward && !facts.schemeOnFile) return schemeVerdict(facts);
  if (from === "enterprise_review" && to === "supervisor_review" && facts.subDrafted && !facts.drafterSigned) {
    return refuse("PRECONDITION_FAILED", "方案由专业分包单位编制，须分包单位技术负责人先签字", "the drafting subcontractor's technical lead signs first", "drafterSignoff");
  }
  return OK;
}

const NOTE_TEXT: Partial<Record<DangerousWorkState, { zh: string; en: string }>> = {
  emergency: { zh: "须说明险情及已采取的应急处置措施", en: "describe the emergency and the measures taken" },
};

/** The note and `data` the step needs, each named in the refusal. */
function checkForm(step: Step, note: string, data: Record<string, unknown>): Verdict {
  if (step.needsNote && note.trim() === "") {
    const text = NOTE_TEXT[step.to] ?? { zh: "退回或验收不通过须说明原因", en: "a return must state its reason" };
    return refuse("PRECONDITION_FAILED", text.zh, text.en, "note");
  }
  for (const key of step.needsData ?? []) {
    const spec = STEP_FIELDS[key];
    const v = data[key];
    const fits =
      typeof v === "string" &&
      (spec.kind === "date"
        ? /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
        : spec.kind === "datetime"
          ? /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))
          : v.trim().length > 0 && v.length <= 4000);
    if (!fits) {
      const format = spec.kind === "date" ? " (YYYY-MM-DD)" : spec.kind === "datetime" ? " (ISO 8601)" : "";
      return refuse("PRECONDITION_FAILED", `须填写${spec.zh}${format}`, `data.${key} is required: ${spec.en.toLowerCase()}`, `data.${key}`);
    }
  }
  return OK;
}

/** Checks one step; `note` and `data` are what the request carries. */
export function checkTransition(facts: WorkFacts, to: DangerousWorkState, who: ActorParties, note = "", data: Record<string, unknown> = {}): Verdict {
  const verdict = checkStep(facts, to, who);
  if (!verdict.ok) return verdict;
  return checkForm(STEPS[facts.state].find((s) => s.to === to)!, note, data);
}

/** The `data` a step records: its own fields only, whatever else the request carried. */
export function stepData(from: DangerousWorkState, to: DangerousWorkState, data: Record<string, unknown>): Partial<Record<StepField, string>> | null {
  const fields = STEPS[from].find((s) => s.to === to)?.needsData ?? [];
  if (fields.length === 0) return null;
  return Object.fromEntries(fields.map((key) => [key, String(data[key])]));
}

/** Every step out of the current stage, each allowed or refused with its reason, and what its form asks for. */
export function nextSteps(facts: WorkFacts, who: ActorParties): NextStepDto[] {
  if (facts.state === "expert_review") return [];
  return STEPS[facts.state].map((s) => {
    const v = checkStep(facts, s.to, who);
    return { to: s.to, allowed: v.ok, reason: v.ok ? null : v.reason, needsNote: s.needsNote ?? false, fields: s.needsData ?? [] };
  });
}

/** Whether the actor may sign the current revision as the drafting subcontractor; null when none drafted. */
export function checkDrafterSignoff(facts: WorkFacts, who: ActorParties): Verdict | null {
  if (!facts.subDrafted) return null;
  if (facts.state !== "enterprise_review") {
    return refuse("PRECONDITION_FAILED", "分包单位只在施工单位审核阶段签字", "the subcontractor signs during the contractor's review", "state");
  }
  if (facts.drafterSigned) return refuse("PRECONDITION_FAILED", `第 ${facts.revision} 版已由分包单位签字`, `revision ${facts.revision} is already signed`, "state");
  if (!who.drafter) return refuse("FORBIDDEN", "须由编制方案的专业分包单位人员签字", "signed by the drafting subcontractor");
  if (!facts.schemeOnFile) return schemeVerdict(facts);
  return OK;
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
/** The scheme cannot change while an emergency is handled: the client's recovery plan comes first. */
export const FROZEN_STATES: readonly DangerousWorkState[] = [...FINISHED_STATES, "emergency"];
