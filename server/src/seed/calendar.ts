import { EXPIRING_WITHIN_DAYS } from "@contracts/registry/enums";
import type { Rng } from "./prng.js";

const DAY_MS = 86_400_000;
// The seed does date arithmetic millions of times over a few thousand distinct days: each day is parsed and
// formatted once. Bounded, so a long-running process that seeds twice keeps no more than this many.
const MAX_CACHED = 50_000;
const dayNumbers = new Map<string, number>();
const dayNames = new Map<number, string>();

/** `YYYY-MM-DD` plus n days (n may be negative), computed in UTC so no time zone shifts the day. */
export function addDays(date: string, n: number): string {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
    if (!Number.isFinite(day)) throw new RangeError(`addDays: not a date: ${date}`);
    if (dayNumbers.size >= MAX_CACHED) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  const target = day + n;
  let name = dayNames.get(target);
  if (name === undefined) {
    name = new Date(target * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size >= MAX_CACHED) dayNames.clear();
    dayNames.set(target, name);
  }
  return name;
}

/** A uniformly drawn day between two dates, both inclusive. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, span)));
}

export type ExpiryMix = { expired: number; expiring: number };

/** The city-wide mix: about 5% of certificates and qualifications expired, 5% about to expire. */
export const DEFAULT_EXPIRY_MIX: ExpiryMix = { expired: 0.05, expiring: 0.05 };
/** Holders of live key posts: never expired, a few about to expire so the warnings have something to show. */
export const POST_HOLDER_MIX: ExpiryMix = { expired: 0, expiring: 0.06 };

/**
 * Issue and expiry dates of a certificate valid for `years`, drawn relative to `today` so the share of
 * expired and expiring documents stays the same whenever the seed runs.
 */
export function validityDates(rng: Rng, today: string, years: number, mix: ExpiryMix = DEFAULT_EXPIRY_MIX): { issuedOn: string; expiresOn: string } {
  const r = rng.next();
  const period = Math.round(years * 365.25);
  let expiresOn: string;
  if (r < mix.expired) expiresOn = addDays(today, -rng.int(1, 400));
  else if (r < mix.expired + mix.expiring) expiresOn = addDays(today, rng.int(3, EXPIRING_WITHIN_DAYS - 5));
  else expiresOn = addDays(today, rng.int(EXPIRING_WITHIN_DAYS + 15, Math.max(EXPIRING_WITHIN_DAYS + 30, period - 20)));
  return { issuedOn: addDays(expiresOn, -period), expiresOn };
}
