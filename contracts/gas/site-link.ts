import { z } from "zod";
import { PageQuery, csvEnum, sortParam } from "../platform/common.js";
import { PRESSURE_CLASSES, PressureClass } from "./pipeline.js";

/** A construction site within the linkage distance of a medium-pressure-or-higher main (工地—管线联动). */
export const SiteLinkDto = z.object({
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  projectStatus: z.string(),
  /** The site's location (WGS-84), for the map. */
  projectLng: z.number(),
  projectLat: z.number(),
  pipelineId: z.uuid(),
  pipelineCode: z.string(),
  pipelineName: z.string(),
  pressureClass: PressureClass,
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  distanceM: z.number(),
  /** Excavation-type 危大 works (基坑, 暗挖) on the project that are not finished. */
  excavations: z.number().int(),
  /** …of which have no gas clearance recorded. */
  excavationsUncleared: z.number().int(),
  computedAt: z.string(),
});
export type SiteLinkDto = z.infer<typeof SiteLinkDto>;

export const ListSiteLinksQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  pressureClass: csvEnum(PRESSURE_CLASSES),
  uncleared: z.enum(["true", "false"]).optional(),
  sort: sortParam(["distanceM", "projectName", "pipelineCode", "computedAt"] as const),
});
export type ListSiteLinksQuery = z.infer<typeof ListSiteLinksQuery>;

export const SiteLinkRecomputeDto = z.object({ projects: z.number().int(), pipelines: z.number().int(), links: z.number().int(), distanceM: z.number(), ruleVersion: z.number().int() });
export type SiteLinkRecomputeDto = z.infer<typeof SiteLinkRecomputeDto>;
