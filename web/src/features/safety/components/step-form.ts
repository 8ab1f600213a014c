import { STEP_FIELDS, STEP_FIELD_KEYS, type NextStepDto, type StepField, type TransitionInput } from "@contracts/safety/dangerous-works";

/**
 * What the step modal's form holds: the note and, under `data` (the path the server names in a refusal), each
 * field as it is sent (date `YYYY-MM-DD`, datetime ISO instant, text).
 */
export interface StepValues {
  note?: string;
  data?: Partial<Record<StepField, string | null>>;
}

/** How a step's button looks: reporting an emergency and a return (a step that must say why) are red. */
export type StepTone = "emergency" | "return" | "forward";

export function stepTone(step: Pick<NextStepDto, "to" | "needsNote">): StepTone {
  if (step.to === "emergency") return "emergency";
  return step.needsNote ? "return" : "forward";
}

/** One field's form value as the server takes it: text trimmed, dates and instants as held; blank is absent. */
export function fieldPayload(key: StepField, value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const v = STEP_FIELDS[key].kind === "text" ? value.trim() : value;
  return v === "" ? undefined : v;
}

/** The transition request for a step: its note and exactly the `data` keys the step names (none: no `data`). */
export function stepInput(step: Pick<NextStepDto, "to" | "fields">, values: StepValues): TransitionInput {
  const data: Record<string, string> = {};
  for (const key of step.fields) {
    const v = fieldPayload(key, values.data?.[key]);
    if (v !== undefined) data[key] = v;
  }
  return { to: step.to, note: values.note?.trim() ?? "", data: step.fields.length ? data : undefined };
}

/**
 * The step fields an event recorded (its `data`), in STEP_FIELDS order, for the timeline: dates as sent, instants
 * through `formatInstant`, text as written. Anything else in `data` (file ids, revisions …) is not a step field.
 */
export function recordedFields(data: unknown, formatInstant: (iso: string) => string): { key: StepField; value: string }[] {
  if (!data || typeof data !== "object") return [];
  const d = data as Record<string, unknown>;
  return STEP_FIELD_KEYS.flatMap((key) => {
    const v = d[key];
    if (typeof v !== "string" || v.trim() === "") return [];
    return [{ key, value: STEP_FIELDS[key].kind === "datetime" ? formatInstant(v) : v }];
  });
}
