import { RuleVersionInput, type RuleDto } from "@contracts/iot/rules";

/** What the rule form edits: the contract's fields, with `effectiveFrom` as an ISO string or empty (= now). */
export type RuleFormValues = Omit<RuleVersionInput, "effectiveFrom" | "action"> & { effectiveFrom?: string | null; action: "spray" | "none" };

/** A new version starts from the current one; its effective date is left for the user (empty = now). */
export function ruleToFormValues(r: RuleDto): RuleFormValues {
  return {
    code: r.code,
    name: r.name,
    deviceType: r.deviceType,
    region: r.region,
    kind: r.kind,
    metric: r.metric,
    aggregation: r.aggregation,
    windowS: r.windowS,
    direction: r.direction,
    levels: r.levels.map((l) => ({ ...l })),
    hysteresis: r.hysteresis,
    period: r.period,
    missedIntervals: r.missedIntervals,
    action: r.action ?? "none",
    source: r.source,
    enabled: r.enabled,
    effectiveFrom: null,
  };
}

export type RuleFormResult = { ok: true; input: RuleVersionInput } | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/**
 * The form's values → the request body, checked with the contract's own schema (so the form says what
 * the server would: levels out of order, a windowed rule without a window…). An offline rule carries no
 * metric or levels; a threshold rule no missed-interval count.
 */
export function formValuesToInput(v: RuleFormValues): RuleFormResult {
  const offline = v.kind === "offline";
  const candidate = {
    ...v,
    metric: offline ? null : (v.metric ?? null),
    levels: offline ? [] : (v.levels ?? []),
    missedIntervals: offline ? (v.missedIntervals ?? null) : null,
    action: v.action === "none" ? null : v.action,
    effectiveFrom: v.effectiveFrom || undefined,
  };
  const r = RuleVersionInput.safeParse(candidate);
  if (r.success) return { ok: true, input: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message })) };
}

/** A rule window for people: 15 min, 1 h, 45 s; a dash for none. */
export function formatWindow(s: number): string {
  if (!s) return "—";
  if (s % 3_600 === 0) return `${s / 3_600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/** "≥ 90" for rules that fire above a threshold, "≤ 5" for those that fire below. */
export const levelText = (direction: "above" | "below", threshold: number) => `${direction === "above" ? "≥" : "≤"} ${threshold}`;
