import { randomBytes } from "node:crypto";
import { shanghaiDay } from "@contracts/platform/time";

/**
 * Identifiers of testing records. Numbers carry the day for people reading them; the random tail makes
 * them unique without a counter row to lock (the table's unique index is the final guard). The verify
 * code is the anti-forgery secret printed as a QR: 60 random bits in Crockford base32 (no I, L, O, U),
 * so it cannot be guessed from a report number or from another report's code.
 */

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `n` characters of Crockford base32 from the crypto RNG (5 random bits each). */
export function randomBase32(n: number): string {
  const bytes = randomBytes(n);
  let out = "";
  for (let i = 0; i < n; i++) out += CROCKFORD[bytes[i] & 31];
  return out;
}

/** 12 characters, 60 bits: the code behind `/verify/report/{code}`. */
export const newVerifyCode = () => randomBase32(12);

const compactDay = (at: Date) => shanghaiDay(at).replaceAll("-", "");

/** 委托编号, e.g. WT20260315-7KQ2M. */
export const newCommissionNo = (at = new Date()) => `WT${compactDay(at)}-${randomBase32(5)}`;

/** 报告编号, e.g. BG20260320-9X4TR. */
export const newReportNo = (at = new Date()) => `BG${compactDay(at)}-${randomBase32(5)}`;

/** The path a report's QR code points at (the web's public verify page). */
export const verifyPathOf = (code: string) => `/verify/report/${code}`;

/** Verify codes are shown and typed in upper case; lower case and look-alike letters are read kindly. */
export const normaliseVerifyCode = (code: string) => code.trim().toUpperCase().replace(/[IL]/g, "1").replace(/O/g, "0");
