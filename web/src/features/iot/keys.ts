import { queryKeys } from "../../api/query-keys";

/** Query keys of the IoT module; invalidation is by prefix (`iotKeys.alarms.all` refreshes lists, details and stats). */
export const iotKeys = {
  devices: queryKeys("iot.devices"),
  alarms: queryKeys("iot.alarms"),
  rules: queryKeys("iot.rules"),
  commands: queryKeys("iot.commands"),
  map: ["iot.map"] as const,
};
