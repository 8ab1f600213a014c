/**
 * Parsing what a user types into the results and calculator forms: numbers separated by spaces, commas
 * or new lines (full-width commas too), one group or specimen per line. Pure, so it is unit-tested.
 */

export const splitNumbers = (line: string): number[] =>
  line
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
    .map(Number);

/** Every number in the text, in order. */
export const parseNumberList = (text: string): number[] => splitNumbers(text.replace(/\n/g, " "));

const lines = (text: string) =>
  text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Concrete groups: a line of three numbers is a raw group, a line of one is a group value. */
export function parseConcreteGroups(text: string): (number | [number, number, number])[] {
  return lines(text).map((l) => {
    const n = splitNumbers(l);
    return n.length === 3 ? ([n[0], n[1], n[2]] as [number, number, number]) : n.length === 1 ? n[0] : (NaN as number);
  });
}

/** Rebar specimens: `ReL Rm A Agt` per line, optionally followed by the paired bend result 合格 / 不合格. */
export function parseRebarSpecimens(text: string): { ReL: number; Rm: number; A: number; Agt: number; bendOk?: boolean }[] {
  return lines(text).map((l) => {
    const bend = /(不合格|合格)\s*$/.exec(l);
    const [ReL, Rm, A, Agt] = splitNumbers(bend ? l.slice(0, bend.index) : l);
    return bend ? { ReL, Rm, A, Agt, bendOk: bend[1] === "合格" } : { ReL, Rm, A, Agt };
  });
}

/** Other items: `name value requirement 合格|不合格` per line. */
export function parseItems(text: string): { name: string; value: string; requirement: string; pass: boolean }[] {
  return lines(text).map((l) => {
    const parts = l.split(/\s+/);
    const verdict = parts.length > 1 ? parts[parts.length - 1] : "";
    const pass = /^(合格|pass|ok|true)$/i.test(verdict);
    const body = /^(合格|不合格|pass|fail|ok|true|false)$/i.test(verdict) ? parts.slice(0, -1) : parts;
    return { name: body[0] ?? "", value: body[1] ?? "", requirement: body.slice(2).join(" "), pass };
  });
}
