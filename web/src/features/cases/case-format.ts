import dayjs from "dayjs";
import type { CaseState } from "@contracts/cases/enums";

const DAY_MS = 86_400_000;

/** Whole days from now to the deadline, counted on calendar days in local time: 0 = due today, negative = past. */
export function daysToDeadline(deadline: string, now: Date = new Date()): number {
  const due = dayjs(deadline).startOf("day").valueOf();
  const today = dayjs(now).startOf("day").valueOf();
  return Math.round((due - today) / DAY_MS);
}

/** Overdue as the board shows it: flagged by the server's sweeper, or already past the deadline while still open. */
export function isOverdue(c: { state: CaseState; overdue: boolean; deadline: string }, now: Date = new Date()): boolean {
  if (c.state === "closed") return false;
  return c.overdue || new Date(c.deadline).getTime() < now.getTime();
}

/** Tag colours of the four states: waiting on the contractor (orange/blue) or on the inspector (purple), then done (green). */
export const STATE_COLOR: Record<CaseState, string> = { pending: "orange", rectifying: "blue", review: "purple", closed: "green" };
