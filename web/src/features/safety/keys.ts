import { queryKeys } from "../../api/query-keys";

/** Query keys of the safety module; a workflow step refreshes every 危大 list and detail. */
export const safetyKeys = {
  works: queryKeys("safety.works"),
  weekly: queryKeys("safety.weekly"),
  equipment: queryKeys("safety.equipment"),
  experts: queryKeys("safety.experts"),
};
