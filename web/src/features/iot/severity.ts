import { severityRank, type Severity } from "@contracts/iot/alarms";

/** Severity colours the whole module shares: 提示 blue, 一般 gold, 严重 orange, 紧急 red (antd presets). */
export const SEVERITY_TAG_COLOR: Record<Severity, string> = { info: "blue", minor: "gold", major: "orange", critical: "red" };

/** The same colours as hex, for charts and the map; `ok` is a site or value with no alarm. */
export const SEVERITY_HEX: Record<Severity, string> = { info: "#1677ff", minor: "#faad14", major: "#fa8c16", critical: "#f5222d" };
export const OK_HEX = "#52c41a";

export const severityHex = (s: Severity | null | undefined) => (s ? SEVERITY_HEX[s] : OK_HEX);

/** The worst of some severities, null when there are none. */
export function worstSeverity(list: readonly (Severity | null | undefined)[]): Severity | null {
  let worst: Severity | null = null;
  for (const s of list) if (s && (worst === null || severityRank(s) > severityRank(worst))) worst = s;
  return worst;
}
