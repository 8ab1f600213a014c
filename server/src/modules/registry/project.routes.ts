import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import {
  AddParticipantInput,
  AssignPostInput,
  CreateProjectInput,
  EndPostInput,
  ListProjectsQuery,
  ParticipantDto,
  PostDto,
  ProjectDto,
  ProjectStatsDto,
  ProjectSummaryDto,
  TransitionProjectInput,
  UpdateProjectInput,
} from "@contracts/registry/project";
import { sendXlsx } from "../../platform/excel/excel.js";
import { readXlsxUpload } from "../../platform/excel/upload.js";
import { addParticipant, assignPost, endPost, removeParticipant } from "./project-post.service.js";
import { getProject, listProjects, projectStats } from "./project.queries.js";
import { createProject, transitionProject, updateProject } from "./project.service.js";
import { exportProjects, importProjects, projectImportTemplate } from "./project.sheet.js";

const tags = ["registry: projects"];
const ParticipantParams = IdParams.extend({ participantId: z.uuid() });
const PostParams = IdParams.extend({ postId: z.uuid() });
const ExportQuery = ListProjectsQuery.omit({ page: true, pageSize: true });

/** 项目库 routes under /api/v1; thin: the verbs authorise, validate rules and audit. */
export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  // Static paths first, so none of them is ever read as a project id.
  app.get("/projects/stats", { schema: { tags, response: { 200: ProjectStatsDto } } }, async (req) => projectStats(req.ctx.db, req.ctx.actor));

  app.get("/projects/export", { schema: { tags, querystring: ExportQuery } }, async (req, reply) =>
    sendXlsx(reply, "项目库.xlsx", await exportProjects(req.ctx.db, req.ctx, req.query)),
  );

  app.get("/projects/import-template", { schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, "项目导入模板.xlsx", await projectImportTemplate()),
  );

  app.post("/projects/import", { schema: { tags, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) =>
    reply.code(202).send(await importProjects(req.ctx, () => readXlsxUpload(req))),
  );

  app.get("/projects", { schema: { tags, querystring: ListProjectsQuery, response: { 200: page(ProjectSummaryDto) } } }, async (req) =>
    listProjects(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/projects", { schema: { tags, body: CreateProjectInput, response: { 201: ProjectDto } } }, async (req, reply) =>
    reply.code(201).send(await createProject(req.ctx, req.body)),
  );

  app.get("/projects/:id", { schema: { tags, params: IdParams, response: { 200: ProjectDto } } }, async (req) =>
    getProject(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.patch("/projects/:id", { schema: { tags, params: IdParams, body: UpdateProjectInput, response: { 200: ProjectDto } } }, async (req) =>
    updateProject(req.ctx, req.params.id, req.body),
  );

  app.post("/projects/:id/transitions", { schema: { tags, params: IdParams, body: TransitionProjectInput, response: { 200: ProjectDto } } }, async (req) =>
    transitionProject(req.ctx, req.params.id, req.body),
  );

  app.post("/projects/:id/participants", { schema: { tags, params: IdParams, body: AddParticipantInput, response: { 201: ParticipantDto } } }, async (req, reply) =>
    reply.code(201).send(await addParticipant(req.ctx, req.params.id, req.body)),
  );

  app.delete("/projects/:id/participants/:participantId", { schema: { tags, params: ParticipantParams } }, async (req, reply) => {
    await removeParticipant(req.ctx, req.params.id, req.params.participantId);
    return reply.code(204).send();
  });

  app.post("/projects/:id/posts", { schema: { tags, params: IdParams, body: AssignPostInput, response: { 201: PostDto } } }, async (req, reply) =>
    reply.code(201).send(await assignPost(req.ctx, req.params.id, req.body)),
  );

  app.post("/projects/:id/posts/:postId/end", { schema: { tags, params: PostParams, body: EndPostInput.default({}), response: { 200: PostDto } } }, async (req) =>
    endPost(req.ctx, req.params.id, req.params.postId, req.body),
  );
};
