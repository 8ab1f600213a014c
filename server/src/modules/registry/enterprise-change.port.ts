import type { ServiceContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";

/** A change request as the modules following it are told: filed (no state) or decided. */
export interface EnterpriseChangeNotice {
  requestId: string;
  enterpriseId: string;
  enterpriseName: string;
  state?: "approved" | "rejected";
  note?: string | null;
}

/**
 * What other modules do when a change request is filed or decided, inside the request's own transaction
 * (the one mechanism for cross-module effects: a verb of the module that owns the effect, called with the
 * cause's transaction; docs/architecture.md). The registry is the kernel and imports no module, so the
 * module that owns the effect (cases: the inbox) hands its verbs to registryPlugin at app build (app.ts).
 */
export interface EnterpriseChangeFollowUps {
  requested(tx: Tx, ctx: ServiceContext, notice: EnterpriseChangeNotice): Promise<void>;
  decided(tx: Tx, ctx: ServiceContext, notice: EnterpriseChangeNotice): Promise<void>;
}

/** Without the modules that follow a request, nothing follows it. */
export const noFollowUps: EnterpriseChangeFollowUps = { requested: async () => undefined, decided: async () => undefined };
