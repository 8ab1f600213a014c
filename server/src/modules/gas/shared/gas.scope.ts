import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { isCityWide } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import { forbidden, invalidField } from "../../../platform/errors.js";

/**
 * Gas data scope: every gas record belongs to one gas company. The bureau sees the whole city; a
 * gas-company user sees its own enterprise's records; everyone else sees none (answers as if absent).
 */
export function gasScope(actor: Actor, enterpriseId: AnyPgColumn | SQL): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  if (actor.role === "gas_company" && actor.enterpriseId) return sql`${enterpriseId} = ${actor.enterpriseId}`;
  return sql`false`;
}

/** The enterprise a write acts for: a gas company writes for itself; the bureau (admin) must name one. */
export function gasEnterpriseOf(actor: Actor, requested?: string | null): string {
  if (actor.role === "gas_company") {
    if (!actor.enterpriseId) throw forbidden("该账号未绑定燃气企业 (this account is not bound to a gas company)");
    return actor.enterpriseId;
  }
  if (!requested) throw invalidField("enterpriseId", "须指定燃气企业 (name the gas company)");
  return requested;
}
