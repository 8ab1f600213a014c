import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { invalidField, notFound } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { gasStations as S } from "./schema.js";
import { gasEnterpriseOf, gasScope } from "../shared/index.js";

const E = enterprisesView();

/**
 * The gas company a station / staff write acts for, checked to be a registered enterprise of type gas.
 * @throws AppError VALIDATION naming `enterpriseId`.
 */
export async function gasCompanyFor(db: Executor, actor: Actor, requested?: string | null): Promise<string> {
  const enterpriseId = gasEnterpriseOf(actor, requested);
  const [e] = await db.select({ type: E.type }).from(E).where(eq(E.id, enterpriseId));
  if (!e || e.type !== "gas") throw invalidField("enterpriseId", "须为已登记的燃气企业 (must be a registered gas company)");
  return enterpriseId;
}

/**
 * A station the actor may see, by id (out of scope reads as absent).
 * @throws AppError NOT_FOUND.
 */
export async function stationInScope(db: Executor, actor: Actor, id: string, field?: string) {
  const [s] = await db.select().from(S).where(and(eq(S.id, id), gasScope(actor, S.enterpriseId)));
  if (!s) throw field ? invalidField(field, "充装站不存在 (no such station)") : notFound("station", id);
  return s;
}
