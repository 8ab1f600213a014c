import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { shanghaiDay } from "@contracts/platform/time";
import { EXPIRING_WITHIN_DAYS, type ExpiryState } from "@contracts/registry/enums";

/** Today's date in Asia/Shanghai, the calendar certificates expire by. */
export const todayInShanghai = (now: Date = new Date()): string => shanghaiDay(now);

/** Expiry state of a date (YYYY-MM-DD): expired after its day, expiring within EXPIRING_WITHIN_DAYS. */
export function expiryOf(expiresOn: string, today: string = todayInShanghai()): ExpiryState {
  if (expiresOn < today) return "expired";
  const days = (Date.parse(expiresOn) - Date.parse(today)) / 86_400_000;
  return days <= EXPIRING_WITHIN_DAYS ? "expiring" : "valid";
}

const RANK: Record<ExpiryState, number> = { valid: 0, expiring: 1, expired: 2 };

/** The worst of several states (one expired certificate flags the person); null for none. */
export function worstExpiry(states: ExpiryState[]): ExpiryState | null {
  return states.reduce<ExpiryState | null>((w, s) => (w === null || RANK[s] > RANK[w] ? s : w), null);
}

/** SQL for the same rule, so lists can filter on it: 'valid' | 'expiring' | 'expired'. */
export function expirySql(expiresOn: AnyPgColumn | SQL, today: string = todayInShanghai()): SQL<ExpiryState> {
  return sql<ExpiryState>`case when ${expiresOn} < ${today}::date then 'expired' when ${expiresOn} <= ${today}::date + ${EXPIRING_WITHIN_DAYS}::int then 'expiring' else 'valid' end`;
}

/** Whether a date is still valid on `today` (a certificate that expires today is still valid today). */
export const isValidOn = (expiresOn: string, today: string = todayInShanghai()) => expiresOn >= today;
