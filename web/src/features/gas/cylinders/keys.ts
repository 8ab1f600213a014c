import { queryKeys } from "../../../api/query-keys";

/** Query keys of the cylinder area; any write here refreshes them all (a fill changes cylinders and stations' counts). */
export const gasCylinderKeys = {
  stations: queryKeys("gas.stations"),
  staff: queryKeys("gas.staff"),
  cylinders: queryKeys("gas.cylinders"),
  fills: queryKeys("gas.fills"),
  scan: queryKeys("gas.publicCylinder"),
};
