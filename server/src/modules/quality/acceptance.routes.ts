import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AcceptanceDto, CreateAcceptanceInput, ListAcceptancesQuery, SignAcceptanceInput } from "@contracts/quality/acceptance";
import { IdParams, page } from "@contracts/platform/common";
import { z } from "zod";
import { sendPdf, siteUrlOf } from "../../platform/pdf/official-document.js";
import { acceptanceRecordNo, renderAcceptanceRecord } from "./acceptance.pdf.js";
import { getAcceptance, listAcceptances, projectAcceptances } from "./acceptance.queries.js";
import { openAcceptance, signAcceptance } from "./acceptance.service.js";

const tags = ["quality: acceptance"];

/** 分部/竣工验收 under /api/v1: a project's milestones, the city list, opening one, each party's sign-off, the printed record. */
export const acceptanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/acceptances", { schema: { tags, querystring: ListAcceptancesQuery, response: { 200: page(AcceptanceDto) } } }, async (req) =>
    listAcceptances(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/projects/:id/acceptances", { schema: { tags, params: IdParams, response: { 200: z.array(AcceptanceDto) } } }, async (req) =>
    projectAcceptances(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.post("/projects/:id/acceptances", { schema: { tags, params: IdParams, body: CreateAcceptanceInput, response: { 201: AcceptanceDto } } }, async (req, reply) =>
    reply.code(201).send(await openAcceptance(req.ctx, req.params.id, req.body)),
  );

  app.get("/acceptances/:id/record.pdf", { schema: { tags, params: IdParams } }, async (req, reply) => {
    const a = await getAcceptance(req.ctx.db, req.ctx.actor, req.params.id);
    return sendPdf(reply, await renderAcceptanceRecord(a, siteUrlOf(req)), "acceptance", `验收记录-${acceptanceRecordNo(a)}`);
  });

  app.post("/acceptances/:id/sign", { schema: { tags, params: IdParams, body: SignAcceptanceInput, response: { 200: AcceptanceDto } } }, async (req) =>
    signAcceptance(req.ctx, req.params.id, req.body),
  );
};
