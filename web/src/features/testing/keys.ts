import { queryKeys } from "../../api/query-keys";

/** Query keys of the testing module; a result or report write refreshes commissions and results alike. */
export const testingKeys = {
  commissions: queryKeys("testing.commissions"),
  results: queryKeys("testing.results"),
  agencies: queryKeys("testing.agencies"),
  share: queryKeys("testing.share"),
  reports: queryKeys("testing.reports"),
};
