import { queryKeys } from "../../api/query-keys";

/** Query keys of the workforce module; a write to a worker refreshes every worker list and the headcount. */
export const wfKeys = {
  workers: queryKeys("workforce.workers"),
  projects: queryKeys("workforce.projects"),
  blacklist: queryKeys("workforce.blacklist"),
  keyPersonnel: queryKeys("workforce.keyPersonnel"),
  arrears: queryKeys("workforce.arrears"),
};
