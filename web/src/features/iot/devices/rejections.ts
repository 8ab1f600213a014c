import { REJECT_REASONS } from "@contracts/iot/devices";

/** Rejection counts by reason, most frequent first (reasons the contract does not know are kept as codes). */
export function rejectionRows(rejections: Record<string, number>): { reason: string; count: number }[] {
  const order = (r: string) => {
    const i = (REJECT_REASONS as readonly string[]).indexOf(r);
    return i < 0 ? REJECT_REASONS.length : i;
  };
  return Object.entries(rejections)
    .filter(([, n]) => n > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || order(a.reason) - order(b.reason));
}
