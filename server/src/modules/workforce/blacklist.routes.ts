import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { BlacklistEntryDto, BlacklistInput, ListBlacklistQuery, RevokeBlacklistInput } from "@contracts/workforce/workers";
import { addToBlacklist, listBlacklist, revokeBlacklist } from "./blacklist.service.js";

const tags = ["workforce: blacklist"];

/** The city-wide blacklist (黑名单). */
export const blacklistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/blacklist", { schema: { tags, querystring: ListBlacklistQuery, response: { 200: page(BlacklistEntryDto) } } }, async (req) =>
    listBlacklist(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/blacklist", { schema: { tags, body: BlacklistInput, response: { 201: BlacklistEntryDto } } }, async (req, reply) =>
    reply.code(201).send(await addToBlacklist(req.ctx, req.body)),
  );

  app.post("/blacklist/:id/revoke", { schema: { tags, params: IdParams, body: RevokeBlacklistInput, response: { 200: BlacklistEntryDto } } }, async (req) =>
    revokeBlacklist(req.ctx, req.params.id, req.body),
  );
};
