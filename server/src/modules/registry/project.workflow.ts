import { PROJECT_STATUS_LABELS, PROJECT_TRANSITIONS, type ProjectStatus } from "@contracts/registry/enums";
import { AppError, invalidField } from "../../platform/errors.js";

/**
 * The project lifecycle 立项 → 在建 → 停工 ⇄ 复工 → 竣工验收 as a pure state machine: the edges come from
 * PROJECT_TRANSITIONS (contracts), the guards from the facts the service loads. No I/O here, so every
 * edge and guard is unit-tested in project.workflow.test.ts.
 */

/** What the guards need to know about a project; the service loads it in the transition's transaction. */
export interface TransitionFacts {
  status: ProjectStatus;
  permitNo: string | null;
  actualStart: string | null;
  hasGeneralContractor: boolean;
  hasProjectManager: boolean;
  /** Another live project the current project manager already manages (a constructor manages one at a time). */
  managerBusyOn: { code: string; name: string } | null;
}

export interface TransitionRequest {
  to: ProjectStatus;
  on?: string;
  reason?: string;
}

/** The column changes a transition makes. */
export interface TransitionChanges {
  status: ProjectStatus;
  actualStart?: string;
  actualEnd?: string;
}

const label = (s: ProjectStatus) => `${PROJECT_STATUS_LABELS[s].zh}`;

/** Why the project cannot move to `to` right now, judged on facts alone (zh first, English after); empty when it can. */
export function transitionBlockers(facts: TransitionFacts, to: ProjectStatus): string[] {
  if (!PROJECT_TRANSITIONS[facts.status].includes(to)) {
    return [`不允许从「${label(facts.status)}」变更为「${label(to)}」(no transition ${facts.status} → ${to})`];
  }
  if (to !== "in_progress") return [];
  const reasons: string[] = [];
  if (!facts.permitNo) reasons.push("缺少施工许可证号 (construction permit number missing)");
  if (!facts.hasGeneralContractor) reasons.push("未登记施工总承包单位 (no general contractor participant)");
  if (!facts.hasProjectManager) reasons.push("未任命项目经理 (no current project manager)");
  if (facts.managerBusyOn) {
    const p = facts.managerBusyOn;
    reasons.push(`项目经理已在在建项目「${p.name}」(${p.code}) 任职 (project manager already manages live project ${p.code})`);
  }
  return reasons;
}

/** Targets reachable now (guards on facts pass); a suspension still needs a reason at request time. */
export function allowedTransitions(facts: TransitionFacts): ProjectStatus[] {
  return PROJECT_TRANSITIONS[facts.status].filter((to) => transitionBlockers(facts, to).length === 0);
}

/** Every edge out of the current status that a guard blocks, with the reasons (for the detail page). */
export function blockedTransitions(facts: TransitionFacts): { to: ProjectStatus; reasons: string[] }[] {
  return PROJECT_TRANSITIONS[facts.status]
    .map((to) => ({ to, reasons: transitionBlockers(facts, to) }))
    .filter((b) => b.reasons.length > 0);
}

/**
 * Decides a transition: the column changes, or an error. `today` is the Asia/Shanghai date.
 * @throws AppError PRECONDITION_FAILED naming from/to and why; VALIDATION naming `reason` or `on`.
 */
export function planTransition(facts: TransitionFacts, req: TransitionRequest, today: string): TransitionChanges {
  const blockers = transitionBlockers(facts, req.to);
  if (blockers.length > 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `项目不能从「${label(facts.status)}」变更为「${label(req.to)}」(${facts.status} → ${req.to}): ${blockers.join("; ")}`,
      { from: facts.status, to: req.to, reasons: blockers },
    );
  }
  if (req.to === "suspended" && !req.reason) {
    throw invalidField("reason", "停工须填写原因 (a suspension needs a reason)");
  }
  const on = req.on ?? today;
  // Lifecycle dates record what happened; a date in the future is a typing error, not a plan.
  if (on > today) throw invalidField("on", `日期不能晚于今天 ${today} (cannot be in the future)`);
  if (req.to === "in_progress") return { status: req.to, actualStart: on };
  if (req.to === "completed") {
    if (facts.actualStart && on < facts.actualStart) {
      throw invalidField("on", `竣工日期不能早于开工日期 ${facts.actualStart} (completion before the actual start)`);
    }
    return { status: req.to, actualEnd: on };
  }
  return { status: req.to };
}
