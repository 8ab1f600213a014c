/** PostgreSQL NOTIFY channels of the IoT module: how processes (API, ingest) tell each other what changed. */

/** A rule version was added; payload: the rule code. Every process reloads its rule set. */
export const RULES_CHANNEL = "sc_iot_rules";
/** A device's credentials, enablement, interval, type or project changed; payload: the device code (trigger in migration 0003). */
export const DEVICE_CHANNEL = "sc_iot_device";
/** A device went online or offline; payload: DeviceStatusChangeDto JSON. */
export const DEVICE_STATUS_CHANNEL = "sc_iot_device_status";
/** A command changed state; payload: CommandChangeDto JSON. */
export const COMMAND_CHANNEL = "sc_iot_command";
export { ALARM_CHANNEL } from "./alarms/alarm.notify.js";
