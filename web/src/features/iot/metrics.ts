import { DERIVED_METRICS, METRICS, type DeviceType, type MetricSpec } from "@contracts/iot/devices";

/** A metric's spec for a device type, reported or derived; undefined when the type has no such metric. */
export const metricSpec = (type: DeviceType, metric: string): MetricSpec | undefined => METRICS[type][metric] ?? DERIVED_METRICS[type]?.[metric];

export const metricUnit = (type: DeviceType, metric: string) => metricSpec(type, metric)?.unit ?? "";

/** Every metric a chart of this device type can show: the reported ones, then the derived ones. */
export const metricsOf = (type: DeviceType): string[] => [...Object.keys(METRICS[type]), ...Object.keys(DERIVED_METRICS[type] ?? {})];

/** Switch-like metrics (0/1) read as on/off, not as numbers. */
export const isBinaryMetric = (type: DeviceType, metric: string) => metricSpec(type, metric)?.unit === "0/1";
