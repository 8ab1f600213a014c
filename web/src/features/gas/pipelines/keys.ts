import { queryKeys } from "../../../api/query-keys";

/** Query keys of the pipeline area; any write refreshes all of them (lines, links and coverage move together). */
export const pipelineKeys = {
  pipelines: queryKeys("gas.pipelines"),
  map: queryKeys("gas.pipelines.map"),
  plans: queryKeys("gas.patrolPlans"),
  patrols: queryKeys("gas.patrols"),
  hazards: queryKeys("gas.hazards"),
  links: queryKeys("gas.siteLinks"),
};
