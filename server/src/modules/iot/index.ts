import type { FastifyPluginAsync } from "fastify";
import { alarmRoutes } from "./alarms/alarm.routes.js";
import { commandRoutes } from "./commands/command.routes.js";
import { deviceRoutes } from "./device.routes.js";
import { ingestRoutes } from "./ingest/ingest.routes.js";
import type { IotRuntime } from "./iot.runtime.js";
import { realtimeRoutes } from "./realtime.routes.js";
import { ruleRoutes } from "./rules/rule.routes.js";

/**
 * Smart site IoT (智慧工地): device registry and credentials, MQTT/HTTP telemetry ingest, rules,
 * alarms, device commands and linkage. HTTP routes here; the runtime (broker, ingest, sweeper,
 * dispatcher) is started by `startIotRuntime` in iot.runtime.ts.
 */
export const iotPlugin: FastifyPluginAsync<{ runtime: IotRuntime }> = async (app, { runtime }) => {
  await app.register(deviceRoutes);
  await app.register(alarmRoutes);
  await app.register(ruleRoutes);
  await app.register(commandRoutes);
  await app.register(ingestRoutes, { runtime });
  await app.register(realtimeRoutes, { runtime });
};

export { IotRuntime } from "./iot.runtime.js";
export type { DeviceInfo } from "./device.cache.js";
export type { ReadingsHandler, StoredReadings } from "./ingest/ingest.pipeline.js";
export { deviceScope } from "./device.scope.js";
export { offSiteDevicesView } from "./off-site-device.reads.js";
export { deviceOf, devicesOf, devicesView, type DeviceRef } from "./device.reads.js";
export { listAlarms } from "./alarms/alarm.queries.js";
export type { AlarmVerdict } from "./alarms/alarm.store.js";
export type { DeviceEventHandler } from "./ingest/device-message.pipeline.js";
export { parseTimestamp } from "./ingest/telemetry.parse.js";
export { insertCommand } from "./commands/command.service.js";
export { BrokerPortInUseError } from "./ingest/broker.runtime.js";
export { ALARM_CHANNEL } from "./alarms/alarm.notify.js";
export { activeAlarmOnDevice, activeAlarmsByProject } from "./alarms/alarm.reads.js";
export { listDevices } from "./device.queries.js";
export { loadIotRows, type IotRows } from "./device.load.js";
export { alarmRiskFacts } from "./alarms/alarm-risk.reads.js";
