import { and, eq, ne } from "drizzle-orm";
import type { CreateTemplateInput, TemplateDetailDto } from "@contracts/cases/inspections";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict } from "../../platform/errors.js";
import { casesTemplates as TP } from "./schema.js";
import { DEFAULT_TEMPLATES } from "./template.defaults.js";
import { latestTemplateVersion, templateDetailDto } from "./template.queries.js";

export const TEMPLATE_CREATED = "cases.template.created";

/** Files version 1 of each default checklist that is missing (idempotent; safe in parallel starts). Call at start. */
export async function ensureDefaultTemplates(db: Executor): Promise<void> {
  await db
    .insert(TP)
    .values(DEFAULT_TEMPLATES.map((t) => ({ code: t.code, version: 1, name: t.name, domain: t.domain, source: t.source, items: t.items })))
    .onConflictDoNothing();
}

/**
 * Issues a new version of a checklist (version 1 for a new code). Earlier versions become inactive but
 * stay: inspections made with them keep pointing at the exact items they were judged by.
 * @throws AppError FORBIDDEN without `cases.template.manage`; CONFLICT when another version was issued at the same moment.
 */
export async function createTemplate(ctx: ServiceContext, input: CreateTemplateInput): Promise<TemplateDetailDto> {
  requirePermission(ctx.actor, "cases.template.manage");
  const row = await ctx.db
    .transaction(async (tx) => {
      const version = (await latestTemplateVersion(tx, input.code)) + 1;
      const [created] = await tx.insert(TP).values({ code: input.code, version, name: input.name, domain: input.domain, source: input.source, items: input.items }).returning();
      await tx
        .update(TP)
        .set({ active: 0 })
        .where(and(eq(TP.code, input.code), ne(TP.id, created.id)));
      await recordAudit(tx, ctx, { action: "cases.template.created", entity: "inspection_template", entityId: created.id, after: created });
      return created;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? conflict("检查表版本冲突，请重试 (a version was issued at the same time; retry)", { issues: [{ path: "code", message: "version taken" }] }) : err;
    });
  ctx.events.publish(TEMPLATE_CREATED, { templateId: row.id, code: row.code, version: row.version });
  return templateDetailDto(row);
}
