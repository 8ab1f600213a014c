import { queryKeys } from "../../../api/query-keys";

/** Query keys of the leak area; a re-check refreshes leaks and vehicles (open-suspect counts). */
export const leakKeys = {
  leaks: queryKeys("gas.leaks"),
  vehicles: queryKeys("gas.vehicles"),
  drives: queryKeys("gas.drives"),
};
