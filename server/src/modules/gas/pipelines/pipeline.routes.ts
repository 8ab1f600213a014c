import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HazardDto, HazardInput, ListHazardsQuery, ListPatrolPlansQuery, ListPatrolsQuery, PatrolDetailDto, PatrolDto, PatrolInput, PatrolPlanDto, PatrolPlanInput } from "@contracts/gas/patrol";
import {
  ListPipelinesQuery,
  PipelineDto,
  PipelineFeatureCollection,
  PipelineImportInput,
  PipelineImportResult,
  PipelineInput,
  PipelineMapQuery,
  UpdatePipelineInput,
} from "@contracts/gas/pipeline";
import { ListSiteLinksQuery, SiteLinkDto, SiteLinkRecomputeDto } from "@contracts/gas/site-link";
import { IdParams, page } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import { recordAudit } from "../../../platform/audit/audit.js";
import { isCityWide, requirePermission } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import { forbidden } from "../../../platform/errors.js";
import { sendXlsx, writeSheet } from "../../../platform/excel/excel.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { getHazard, listHazards } from "./hazard.queries.js";
import { reportHazard } from "./hazard.service.js";
import { getPatrol, getPatrolPlan, listPatrolPlans, listPatrols } from "./patrol.queries.js";
import { createPatrolPlan, recordPatrol, updatePatrolPlan } from "./patrol.service.js";
import { getPipeline, listPipelines, pipelineMap, pipelinesForExport } from "./pipeline.queries.js";
import { patrolCoverageRule } from "./pipeline.rules.js";
import { createPipeline, deletePipeline, importPipelines, updatePipeline } from "./pipeline.service.js";
import type { PipelineReferrer } from "./pipeline.port.js";
import { PIPELINE_EXPORT_COLUMNS } from "./pipeline.sheet.js";
import { listSiteLinks, siteLinksForExport } from "./site-link.queries.js";
import { relinkAll } from "./site-link.service.js";
import { SITE_LINK_EXPORT_COLUMNS } from "./site-link.sheet.js";

const tags = ["gas"];
const PipelineExportQuery = ListPipelinesQuery.omit({ page: true, pageSize: true });
const SiteLinkExportQuery = ListSiteLinksQuery.omit({ page: true, pageSize: true });

/** Pipelines, patrol plans and patrols, hazards, and the construction-site ↔ pipeline linkage. */
export const pipelineRoutes: FastifyPluginAsyncZod<{ referrers: readonly PipelineReferrer[] }> = async (app, { referrers }) => {
  // Static paths before `:id`, so none is ever read as an id.
  app.get("/gas/pipelines/export", { schema: { tags, querystring: PipelineExportQuery } }, async (req, reply) => {
    const rows = await pipelinesForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `燃气管线_${shanghaiDay()}.xlsx`, await writeSheet("燃气管线", PIPELINE_EXPORT_COLUMNS, rows));
  });
  app.get("/gas/pipelines/geojson", { schema: { tags, querystring: PipelineMapQuery, response: { 200: PipelineFeatureCollection } } }, async (req) =>
    pipelineMap(req.ctx.db, req.ctx.actor, req.query),
  );
  app.post("/gas/pipelines/import", { schema: { tags, body: PipelineImportInput, response: { 200: PipelineImportResult } } }, async (req) =>
    importPipelines(req.ctx, req.body),
  );
  app.get("/gas/pipelines", { schema: { tags, querystring: ListPipelinesQuery, response: { 200: page(PipelineDto) } } }, async (req) => listPipelines(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/pipelines", { schema: { tags, body: PipelineInput, response: { 201: PipelineDto } } }, async (req, reply) =>
    reply.code(201).send(await createPipeline(req.ctx, req.body)),
  );
  app.get("/gas/pipelines/:id", { schema: { tags, params: IdParams, response: { 200: PipelineDto } } }, async (req) => getPipeline(req.ctx.db, req.ctx.actor, req.params.id));
  app.patch("/gas/pipelines/:id", { schema: { tags, params: IdParams, body: UpdatePipelineInput, response: { 200: PipelineDto } } }, async (req) =>
    updatePipeline(req.ctx, req.params.id, req.body),
  );
  app.delete("/gas/pipelines/:id", { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deletePipeline(req.ctx, req.params.id, referrers);
    return reply.code(204).send();
  });

  app.get("/gas/patrol-plans", { schema: { tags, querystring: ListPatrolPlansQuery, response: { 200: page(PatrolPlanDto) } } }, async (req) =>
    listPatrolPlans(req.ctx.db, req.ctx.actor, req.query),
  );
  app.post("/gas/patrol-plans", { schema: { tags, body: PatrolPlanInput, response: { 201: PatrolPlanDto } } }, async (req, reply) =>
    reply.code(201).send(await createPatrolPlan(req.ctx, req.body)),
  );
  app.get("/gas/patrol-plans/:id", { schema: { tags, params: IdParams, response: { 200: PatrolPlanDto } } }, async (req) => getPatrolPlan(req.ctx.db, req.ctx.actor, req.params.id));
  app.put("/gas/patrol-plans/:id", { schema: { tags, params: IdParams, body: PatrolPlanInput, response: { 200: PatrolPlanDto } } }, async (req) =>
    updatePatrolPlan(req.ctx, req.params.id, req.body),
  );

  const coverageRuleOf = async (ctx: ServiceContext) => {
    const rule = await ruleInForce(ctx.db, patrolCoverageRule, ctx.region);
    return { radiusM: rule.value.radiusM, version: rule.version, region: rule.region };
  };
  app.get("/gas/patrols", { schema: { tags, querystring: ListPatrolsQuery, response: { 200: page(PatrolDto) } } }, async (req) => listPatrols(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/patrols", { schema: { tags, body: PatrolInput, response: { 201: PatrolDetailDto } } }, async (req, reply) => {
    const id = await recordPatrol(req.ctx, req.body);
    return reply.code(201).send(await getPatrol(req.ctx.db, req.ctx.actor, id, await coverageRuleOf(req.ctx)));
  });
  app.get("/gas/patrols/:id", { schema: { tags, params: IdParams, response: { 200: PatrolDetailDto } } }, async (req) =>
    getPatrol(req.ctx.db, req.ctx.actor, req.params.id, await coverageRuleOf(req.ctx)),
  );

  app.get("/gas/hazards", { schema: { tags, querystring: ListHazardsQuery, response: { 200: page(HazardDto) } } }, async (req) => listHazards(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/hazards", { schema: { tags, body: HazardInput, response: { 201: HazardDto } } }, async (req, reply) => {
    const id = await reportHazard(req.ctx, req.body);
    return reply.code(201).send(await getHazard(req.ctx.db, req.ctx.actor, id));
  });
  app.get("/gas/hazards/:id", { schema: { tags, params: IdParams, response: { 200: HazardDto } } }, async (req) => getHazard(req.ctx.db, req.ctx.actor, req.params.id));

  app.get("/gas/site-links/export", { schema: { tags, querystring: SiteLinkExportQuery } }, async (req, reply) => {
    const rows = await siteLinksForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `工地管线联动_${shanghaiDay()}.xlsx`, await writeSheet("工地管线联动", SITE_LINK_EXPORT_COLUMNS, rows));
  });
  app.get("/gas/site-links", { schema: { tags, querystring: ListSiteLinksQuery, response: { 200: page(SiteLinkDto) } } }, async (req) =>
    listSiteLinks(req.ctx.db, req.ctx.actor, req.query),
  );
  app.post("/gas/site-links/recompute", { schema: { tags, response: { 200: SiteLinkRecomputeDto } } }, async (req) => {
    requirePermission(req.ctx.actor, "gas.manage");
    // A city-wide rewrite is the bureau's call; a gas company's saves already relink its own lines.
    if (!isCityWide(req.ctx.actor)) throw forbidden("仅管理员可全量重算 (only the bureau's admin recomputes all links)");
    const result = await relinkAll(req.ctx);
    await recordAudit(req.ctx.db, req.ctx, { action: "gas.site_links.recomputed", entity: "gas_site_links", after: result });
    return result;
  });
};

