import { and, desc, eq, gte, ilike, lte, type SQL } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditEntryDto, AuditVerifyDto, ListAuditQuery } from "@contracts/platform/auth";
import { page } from "@contracts/platform/common";
import { requirePermission } from "../auth/actor.js";
import { likePattern, offsetOf, totalOver } from "../db/pagination.js";
import { auditLog } from "./schema.js";
import { verifyAuditChain } from "./audit.js";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/audit", { schema: { tags: ["audit"], querystring: ListAuditQuery, response: { 200: page(AuditEntryDto) } } }, async (req) => {
    requirePermission(req.ctx.actor, "audit.read");
    const q = req.query;
    const conds: (SQL | undefined)[] = [
      q.actor ? eq(auditLog.actorName, q.actor) : undefined,
      q.action ? ilike(auditLog.action, likePattern(q.action)) : undefined,
      q.entity ? eq(auditLog.entity, q.entity) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
      q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    ];
    const rows = await req.ctx.db
      .select({ row: auditLog, total: totalOver })
      .from(auditLog)
      .where(and(...conds))
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset(offsetOf(q));
    return {
      items: rows.map(({ row }) => ({ ...row, at: row.at.toISOString() })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });

  app.get("/audit/verify", { schema: { tags: ["audit"], response: { 200: AuditVerifyDto } } }, async (req) => {
    requirePermission(req.ctx.actor, "audit.read");
    return verifyAuditChain(req.ctx.db);
  });
};
