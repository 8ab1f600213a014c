/**
 * Check-character rules for the national identifiers the registries carry. Pure functions shared by the
 * server (authoritative) and the web forms (early feedback).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643-1999 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export type IdNumberProblem = "format" | "birthDate" | "checkChar";

/**
 * Validates a 18-character 公民身份号码: format, a real birth date not in the future, and the
 * ISO 7064 MOD 11-2 check character. Returns null when valid, otherwise what is wrong.
 */
export function idNumberProblem(id: string, today: Date = new Date()): IdNumberProblem | null {
  const m = /^(\d{6})(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(id);
  if (!m) return "format";
  const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const birth = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== mo - 1 || birth.getUTCDate() !== d) return "birthDate";
  if (birth.getTime() > today.getTime()) return "birthDate";
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return "checkChar";
  return null;
}

export const isValidIdNumber = (id: string) => idNumberProblem(id) === null;

/** Birth date (YYYY-MM-DD) and gender carried by a valid ID number; the 17th digit is odd for men. */
export function parseIdNumber(id: string): { birthDate: string; gender: "M" | "F" } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? "M" : "F",
  };
}

/** Shows the region prefix and the last four characters only: 3307**********1234. */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Shows a person's name by its first character only (张三 → 张*, 欧阳娜娜 → 欧***), for pages anyone may open. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

const USCI_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCI_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character (the 18th) of a 统一社会信用代码's first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCI_CHARS.indexOf(first17[i]) * USCI_WEIGHTS[i];
  return USCI_CHARS[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = "format" | "checkChar";

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return "format";
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return "checkChar";
  return null;
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
