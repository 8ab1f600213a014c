/** A command's parameters as the contract takes them: a flat object of strings, numbers and booleans. */
export type CommandParams = Record<string, string | number | boolean>;

/** Reads the optional JSON typed into the send form; empty means no parameters. */
export function parseCommandParams(text: string | undefined): { ok: true; value: CommandParams } | { ok: false } {
  if (!text?.trim()) return { ok: true, value: {} };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false };
  const entries = Object.entries(v);
  const flat = entries.every(([, x]) => typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x)) || (typeof x === "string" && x.length <= 200));
  return flat ? { ok: true, value: Object.fromEntries(entries) as CommandParams } : { ok: false };
}

/** Parameters shown in a table cell: `k=v, k=v`, or a dash. */
export function formatParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  return entries.length ? entries.map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ") : "—";
}
