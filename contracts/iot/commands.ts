import { z } from "zod";
import { csvEnum, PageQuery } from "../platform/common";
import type { DeviceType } from "./devices";

/** Commands each device type understands (the `name` in the command payload). */
export const COMMANDS: Partial<Record<DeviceType, readonly string[]>> = {
  spray: ["spray.on", "spray.off"],
  camera: ["camera.snapshot", "camera.reboot"],
  gate: ["gate.open", "gate.sync"],
  env_monitor: ["device.reboot"],
  tower_crane: ["device.reboot"],
  hoist: ["device.reboot"],
  gas_detector: ["device.reboot"],
};

/**
 * `pending` not yet published; `sent` published, waiting for the ack (re-sent until it comes);
 * `acked` the device confirmed; `failed` the device answered ok=false; `expired` no ack before `expiresAt`.
 */
export const COMMAND_STATUSES = ["pending", "sent", "acked", "failed", "expired"] as const;
export const CommandStatus = z.enum(COMMAND_STATUSES);
export type CommandStatus = z.infer<typeof CommandStatus>;
export const COMMAND_SOURCES = ["auto", "manual", "schedule"] as const;

export const SendCommandInput = z.object({
  name: z.string().trim().min(1).max(60),
  params: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
  /** Seconds to keep re-sending before the command expires. */
  ttlS: z.number().int().min(10).max(86_400).default(300),
});
export type SendCommandInput = z.infer<typeof SendCommandInput>;

export const CommandDto = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  deviceCode: z.string(),
  deviceName: z.string(),
  projectId: z.uuid(),
  name: z.string(),
  params: z.record(z.string(), z.unknown()),
  source: z.enum(COMMAND_SOURCES),
  operatorName: z.string().nullable(),
  alarmId: z.uuid().nullable(),
  status: CommandStatus,
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  ackedAt: z.string().nullable(),
  expiresAt: z.string(),
  result: z.unknown().nullable(),
});
export type CommandDto = z.infer<typeof CommandDto>;

export const ListCommandsQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  status: csvEnum(COMMAND_STATUSES),
});
export type ListCommandsQuery = z.infer<typeof ListCommandsQuery>;
