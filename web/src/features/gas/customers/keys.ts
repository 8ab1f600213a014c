import { queryKeys } from "../../../api/query-keys";

/** Query keys of the delivery area; a delivery write refreshes customers (cylinders held) and anomalies too. */
export const gasDeliveryKeys = {
  customers: queryKeys("gas.customers"),
  checks: queryKeys("gas.safetyChecks"),
  deliveries: queryKeys("gas.deliveries"),
  anomalies: queryKeys("gas.anomalies"),
};
