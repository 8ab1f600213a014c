import type { FormInstance } from "antd";
import type { MessageInstance } from "antd/es/message/interface";
import type { Rule } from "antd/es/form";
import type { z } from "zod";
import { ApiError, toNamePath } from "../api/client";

/**
 * An antd rule that runs a contract's zod schema on one field, so the form shows the same message the
 * server would (e.g. the credit-code check character). Empty values pass; `required` is a separate rule.
 */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? "invalid");
    },
  };
}

/**
 * Puts the server's field issues (`details.issues[].path`) onto the form fields they name. Returns true
 * when at least one issue landed on a field, so the caller shows a toast only for the rest.
 */
export function applyServerErrors(form: FormInstance, err: unknown, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError)) return false;
  const known = new Set(fields);
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of err.fieldIssues()) {
    const name = toNamePath(issue.path);
    if (!known.has(String(name[0]))) continue;
    const key = name.join(".");
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  // A rule failure (409/422) without issues may still name its field in details (e.g. {field:"code"}).
  if (!byField.size && fields.length) {
    const field = (err.details as { field?: unknown } | undefined)?.field;
    if (typeof field === "string" && known.has(field)) byField.set(field, { name: [field], errors: [err.message] });
  }
  if (!byField.size) return false;
  form.setFields([...byField.values()]);
  return true;
}

/** The text of anything thrown: an Error's message, else the value itself. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A failed save: the server's field issues on their fields, anything else as one message. */
export function showSaveError(form: FormInstance, err: unknown, fields: readonly string[], message: MessageInstance): void {
  if (!applyServerErrors(form, err, fields)) message.error(errorText(err));
}

/**
 * Turns empty inputs of nullable fields into null, so clearing a field clears it on the server (PATCH)
 * and an empty optional field does not fail its format check (e.g. Mobile).
 */
export function nullIfEmpty<T extends object>(values: T, keys: readonly (keyof T)[]): T {
  const out = { ...values };
  for (const k of keys) {
    const v = out[k] as unknown;
    if (v === "" || v === undefined) (out as Record<keyof T, unknown>)[k] = null;
  }
  return out;
}
