import { queryKeys } from "../../api/query-keys";

/** Query keys of the risk index: the city ranking and one project's risk. */
export const riskKeys = {
  ranking: queryKeys("risk.ranking"),
  project: queryKeys("risk.project"),
};
