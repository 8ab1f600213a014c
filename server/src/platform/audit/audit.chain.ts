import { createHash } from "node:crypto";

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedContent {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every depth, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Normalises a snapshot the way jsonb will hand it back (Dates become ISO strings, undefined drops). */
export const toJsonValue = (v: unknown): unknown => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

export function chainHash(prevHash: string, c: ChainedContent): string {
  const body = canonicalJson({
    at: c.at.toISOString(),
    actorId: c.actorId,
    actorName: c.actorName,
    action: c.action,
    entity: c.entity,
    entityId: c.entityId,
    before: c.before,
    after: c.after,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
