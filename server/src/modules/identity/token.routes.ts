import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiTokenDto, CreateApiTokenInput, CreatedApiTokenDto } from "@contracts/platform/auth";
import { IdParams, page, PageQuery } from "@contracts/platform/common";
import { createApiToken, listApiTokens, revokeApiToken } from "./token.service.js";

const ListApiTokensQuery = PageQuery.omit({ q: true }).extend({ userId: z.uuid().optional() });

/** `/admin/tokens`: API tokens for devices and integrations (permission `admin.users`, checked in the verbs). */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["admin"];
  app.get("/admin/tokens", { schema: { tags, querystring: ListApiTokensQuery, response: { 200: page(ApiTokenDto) } } }, async (req) =>
    listApiTokens(req.ctx, req.query),
  );

  app.post("/admin/tokens", { schema: { tags, body: CreateApiTokenInput, response: { 201: CreatedApiTokenDto } } }, async (req, reply) =>
    reply.code(201).send(await createApiToken(req.ctx, req.body)),
  );

  app.post("/admin/tokens/:id/revoke", { schema: { tags, params: IdParams, response: { 200: ApiTokenDto } } }, async (req) =>
    revokeApiToken(req.ctx, req.params.id),
  );
};
