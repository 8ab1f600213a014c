import { MILESTONE_LABELS, MILESTONE_PREREQUISITES, MILESTONE_REQUIRED_PARTIES, type Milestone } from "@contracts/quality/acceptance";
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from "@contracts/registry/enums";

/** Pure rules of milestone acceptance: order of milestones and who signs. The service applies them. */

/** `conflict`: the request is well-formed but the record's state refuses it (already signed). */
export type RuleVerdict<T> = { ok: true; value: T } | { ok: false; path: string; message: string; conflict?: boolean };

/** A milestone may be opened once its prerequisites are accepted (竣工验收 after 地基与基础 and 主体结构). */
export function milestoneMayOpen(milestone: Milestone, existing: readonly { milestone: string; state: string }[]): RuleVerdict<true> {
  const accepted = new Set(existing.filter((a) => a.state === "accepted").map((a) => a.milestone));
  const missing = MILESTONE_PREREQUISITES[milestone].filter((m) => !accepted.has(m));
  if (missing.length === 0) return { ok: true, value: true };
  const names = missing.map((m) => MILESTONE_LABELS[m].zh).join("、");
  return { ok: false, path: "milestone", message: `${MILESTONE_LABELS[milestone].zh}须在${names}验收通过后进行 (${missing.join(", ")} not accepted yet)` };
}

export const missingParties = (milestone: Milestone, signoffs: readonly { role: string }[]): ParticipantRole[] => {
  const signed = new Set(signoffs.map((s) => s.role));
  return MILESTONE_REQUIRED_PARTIES[milestone].filter((r) => !signed.has(r));
};

/**
 * The role in which a signer's enterprise signs: one of the milestone's required parties that the
 * enterprise holds on the project and that has not signed yet. `requested` picks one when it holds several.
 */
export function signingRole(
  milestone: Milestone,
  heldRoles: readonly string[],
  signoffs: readonly { role: string }[],
  requested?: ParticipantRole,
): RuleVerdict<ParticipantRole> {
  const required = MILESTONE_REQUIRED_PARTIES[milestone];
  const eligible = required.filter((r) => heldRoles.includes(r));
  if (eligible.length === 0) {
    return { ok: false, path: "role", message: `贵单位不是本次验收的责任主体 (your enterprise is none of ${required.join(", ")} on this project)` };
  }
  if (requested && !eligible.includes(requested)) {
    return { ok: false, path: "role", message: `贵单位在本项目中不是${PARTICIPANT_ROLE_LABELS[requested].zh} (not the ${requested} of this project)` };
  }
  const signed = new Set(signoffs.map((s) => s.role));
  const open = (requested ? [requested] : eligible).filter((r) => !signed.has(r));
  if (open.length === 0) return { ok: false, path: "role", message: "贵单位已签署本次验收 (already signed)", conflict: true };
  if (open.length > 1) return { ok: false, path: "role", message: `请选择签署身份 (choose the role to sign as: ${open.join(", ")})` };
  return { ok: true, value: open[0] };
}
