import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { KeyPersonDto, KeyPersonnelAbsencesQuery, KeyPersonnelQuery, ProjectKeyPersonnelDto } from "@contracts/workforce/presence";
import { keyPersonnelAbsences, projectKeyPersonnel } from "./presence.queries.js";

const tags = ["workforce: key personnel"];

/** 关键岗位人员到岗 under /api/v1: one project's month, and the city list of holders below their required rate. */
export const presenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/projects/:id/key-personnel", { schema: { tags, params: IdParams, querystring: KeyPersonnelQuery, response: { 200: ProjectKeyPersonnelDto } } }, async (req) =>
    projectKeyPersonnel(req.ctx, req.params.id, req.query.month),
  );

  app.get("/key-personnel/absences", { schema: { tags, querystring: KeyPersonnelAbsencesQuery, response: { 200: page(KeyPersonDto) } } }, async (req) =>
    keyPersonnelAbsences(req.ctx, req.query),
  );
};
