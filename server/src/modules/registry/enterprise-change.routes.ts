import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import {
  ApproveChangeRequestInput,
  CreateEnterpriseChangeRequestInput,
  EnterpriseChangeRequestDto,
  ListChangeRequestsQuery,
  RejectChangeRequestInput,
} from "@contracts/registry/enterprise-change";
import type { EnterpriseChangeFollowUps } from "./enterprise-change.port.js";
import { listChangeRequests, listEnterpriseChangeRequests } from "./enterprise-change.queries.js";
import { approveEnterpriseChange, rejectEnterpriseChange, requestEnterpriseChange } from "./enterprise-change.service.js";

/** 企业信息变更申请: an enterprise files identity changes for its own record; the bureau approves or rejects them. */
export const enterpriseChangeRoutes: FastifyPluginAsyncZod<{ followUps: EnterpriseChangeFollowUps }> = async (app, { followUps }) => {
  const tags = ["registry"];
  app.post(
    "/enterprises/:id/change-requests",
    { schema: { tags, params: IdParams, body: CreateEnterpriseChangeRequestInput, response: { 201: EnterpriseChangeRequestDto } } },
    async (req, reply) => reply.code(201).send(await requestEnterpriseChange(req.ctx, { ...req.body, enterpriseId: req.params.id }, followUps)),
  );

  app.get(
    "/enterprises/:id/change-requests",
    { schema: { tags, params: IdParams, querystring: ListChangeRequestsQuery, response: { 200: page(EnterpriseChangeRequestDto) } } },
    async (req) => listEnterpriseChangeRequests(req.ctx.db, req.ctx.actor, req.params.id, req.query),
  );

  app.get("/enterprise-change-requests", { schema: { tags, querystring: ListChangeRequestsQuery, response: { 200: page(EnterpriseChangeRequestDto) } } }, async (req) =>
    listChangeRequests(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post(
    "/enterprise-change-requests/:id/approve",
    { schema: { tags, params: IdParams, body: ApproveChangeRequestInput, response: { 200: EnterpriseChangeRequestDto } } },
    async (req) => approveEnterpriseChange(req.ctx, { ...req.body, id: req.params.id }, followUps),
  );

  app.post(
    "/enterprise-change-requests/:id/reject",
    { schema: { tags, params: IdParams, body: RejectChangeRequestInput, response: { 200: EnterpriseChangeRequestDto } } },
    async (req) => rejectEnterpriseChange(req.ctx, { ...req.body, id: req.params.id }, followUps),
  );
};
