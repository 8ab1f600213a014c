/**
 * A threshold's value (any JSON its rule's schema allows) in one line for a table cell: numbers and strings as
 * they are, objects as `key: value` pairs, lists item by item. The full document is shown beside it on demand.
 */
export function summarizeValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(summarizeValue).join("; ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${v !== null && typeof v === "object" ? `{${summarizeValue(v)}}` : summarizeValue(v)}`)
      .join(", ");
  }
  return String(value);
}

/** The value as the filing form edits it: indented JSON. */
export const valueText = (value: unknown): string => JSON.stringify(value ?? null, null, 2);

/** The form's JSON text back to a value, or not ok when it is not JSON. */
export function parseValue(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
