import type { DeviceType } from "@contracts/iot/devices";
import {
  craneProfile,
  craneValues,
  envValues,
  hashString,
  hoistProfile,
  hoistValues,
  MINUTE_MS,
  rand,
  round,
  shanghaiHour,
  siteModel,
  smooth,
  sprayState,
} from "./site.model.js";

/** What a model needs to know about a device; the credentials file carries exactly this. */
export interface ModelDevice {
  code: string;
  type: DeviceType;
  projectId: string;
}

/** Default reporting interval (s) per type; hoists report every 15 s as GB/T 37537 requires. */
export const REPORT_INTERVAL_S: Record<DeviceType, number> = {
  env_monitor: 60,
  spray: 60,
  tower_crane: 20,
  hoist: 15,
  camera: 300,
  gate: 60,
  gas_detector: 30,
};

/**
 * The values a device of its type reports at time t (the `values` of one telemetry message); `i` is the
 * reading's sequence number and drives the sensor jitter. Only metrics of the type (METRICS) appear.
 */
export type DeviceReading = (t: number, i: number) => Record<string, number>;

export function deviceModel(d: ModelDevice): DeviceReading {
  const site = siteModel(d.projectId);
  const seed = hashString(d.code);
  switch (d.type) {
    case "env_monitor":
      return (t, i) => envValues(site, seed, t, i);
    case "tower_crane": {
      const p = craneProfile(d.code);
      return (t, i) => craneValues(p, t, i);
    }
    case "hoist": {
      const p = hoistProfile(d.code);
      return (t) => hoistValues(p, t);
    }
    case "spray":
      return (t) => ({ state: sprayState(site, t) });
    case "camera":
      return () => ({ online_streams: 1 });
    case "gate":
      // Passes per interval: the morning and evening shift changes are the rush.
      return (t, i) => {
        const h = shanghaiHour(t);
        const rush = h >= 6.5 && h < 7.5 ? 30 : h >= 17.5 && h < 18.5 ? 25 : h >= 7.5 && h < 17.5 ? 3 : 0;
        return { passes: Math.floor(rush * rand(seed, i)) };
      };
    case "gas_detector":
      // Ambient methane is about 2 ppm.
      return (t, i) => ({ ch4_ppm: round(2 + 0.3 * smooth(seed, t, 10 * MINUTE_MS) + 0.1 * rand(seed, i), 2) });
  }
}

/** The first reading time at or after `from` on the device's own reporting grid (each device has its phase). */
export function readingGrid(code: string, intervalMs: number) {
  const phase = hashString(code) % intervalMs;
  return {
    /** Index of the first reading at or after t. */
    indexAtOrAfter: (t: number) => Math.ceil((t - phase) / intervalMs),
    /** Index of the last reading at or before t. */
    indexAtOrBefore: (t: number) => Math.floor((t - phase) / intervalMs),
    timeOf: (i: number) => phase + i * intervalMs,
  };
}
