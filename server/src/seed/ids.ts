import { creditCodeCheckChar, idNumberCheckChar } from "@contracts/registry/identifiers";
import { dayBetween } from "./calendar.js";
import type { Rng } from "./prng.js";

/** Address codes (GB/T 2260) of the ID numbers: mostly 永康 itself, then the rest of 金华 and a few Zhejiang counties. */
const REGION_CODES: readonly (readonly [string, number])[] = [
  ["330784", 60], // 永康市
  ["330702", 4], // 婺城区
  ["330703", 3], // 金东区
  ["330723", 6], // 武义县
  ["330726", 2], // 浦江县
  ["330727", 4], // 磐安县
  ["330781", 2], // 兰溪市
  ["330782", 4], // 义乌市
  ["330783", 5], // 东阳市
  ["331022", 2], // 三门县
  ["331082", 2], // 临海市
  ["330327", 2], // 苍南县
  ["331121", 2], // 青田县
];

/**
 * A valid, unique 18-character 公民身份号码: region, a real birth date in [bornFrom, bornTo], a sequence whose
 * last digit is odd for men and even for women, and the GB 11643 check character.
 */
export function idNumber(rng: Rng, gender: "M" | "F", bornFrom: string, bornTo: string, taken: Set<string>): { id: string; birthDate: string } {
  for (;;) {
    const birthDate = dayBetween(rng, bornFrom, bornTo);
    const genderDigit = gender === "M" ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]);
    const first17 = `${rng.weighted(REGION_CODES)}${birthDate.replaceAll("-", "")}${String(rng.int(0, 99)).padStart(2, "0")}${genderDigit}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return { id, birthDate };
    }
  }
}

const USCI_LETTERS = "ABCDEFGHJKLMNPQRTUWXY";
const USCI_DIGITS_AND_LETTERS = "0123456789" + USCI_LETTERS;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character 组织机构代码 body (positions 9–16 of a credit code). */
function orgCodeCheckChar(body: string): string {
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const sum = [...body].reduce((s, ch, i) => s + value(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/**
 * A valid, unique 统一社会信用代码 of a company registered in 永康 (91 330784 …): the organisation code
 * carries its own GB 11714 check character, the whole code the GB 32100 one.
 */
export function creditCode(rng: Rng, taken: Set<string>): string {
  for (;;) {
    // Codes issued since 2015 mostly start MA; older firms kept their numeric organisation code.
    const body = rng.chance(0.7)
      ? `MA${rng.pick([..."0123456789"])}${Array.from({ length: 5 }, () => rng.pick([...USCI_DIGITS_AND_LETTERS])).join("")}`
      : Array.from({ length: 8 }, () => rng.int(0, 9)).join("");
    const first17 = `91330784${body}${orgCodeCheckChar(body)}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "198", "199"];

/** An 11-digit mainland mobile number of the kind real carriers issue (not checked against any register). */
export const mobile = (rng: Rng) => rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, "0");
