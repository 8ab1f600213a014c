import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "@contracts/platform/common";
import { CreateTeamInput, TeamDto } from "@contracts/workforce/workers";
import { createTeam, listTeams } from "./team.service.js";

const tags = ["workforce: teams"];

/** 班组 of a project. */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/projects/:id/teams", { schema: { tags, params: IdParams, response: { 200: z.array(TeamDto) } } }, async (req) =>
    listTeams(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.post("/projects/:id/teams", { schema: { tags, params: IdParams, body: CreateTeamInput, response: { 201: TeamDto } } }, async (req, reply) =>
    reply.code(201).send(await createTeam(req.ctx, req.params.id, req.body)),
  );
};
