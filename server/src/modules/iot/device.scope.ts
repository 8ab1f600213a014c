import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { isCityWide } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import { projectScope } from "../registry/index.js";
import { iotDevices as D } from "./schema.js";

/**
 * Which devices an actor may see or manage: those on a visible site, plus — for a user bound to an
 * enterprise — the devices that enterprise owns off-site (a gas company's detection vehicle). The bureau
 * sees all. A device with no project never matches `projectScope` (`null in (…)` is not true).
 */
export function deviceScope(actor: Actor, projectId: AnyPgColumn | SQL = D.projectId, enterpriseId: AnyPgColumn | SQL = D.enterpriseId): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  const onSite = projectScope(actor, projectId);
  if (!actor.enterpriseId) return onSite;
  // Parenthesised: drizzle's and() does not wrap its operands.
  return sql`(${onSite} or (${projectId} is null and ${enterpriseId} = ${actor.enterpriseId}))`;
}
