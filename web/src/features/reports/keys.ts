import { queryKeys } from "../../api/query-keys";

/** Query keys of the briefings: a new briefing refreshes the archive; subscriptions are the caller's own. */
export const reportKeys = {
  reports: queryKeys("reports.reports"),
  subscriptions: queryKeys("reports.subscriptions"),
};
