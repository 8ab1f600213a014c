import { sql } from "drizzle-orm";
import { COMMANDS, type CommandDto, type SendCommandInput } from "@contracts/iot/commands";
import type { CommandChangeDto } from "@contracts/iot/realtime";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { conflict, invalidField } from "../../../platform/errors.js";
import { getCommand } from "./command.queries.js";
import { visibleDevice } from "../device.queries.js";
import { COMMAND_CHANNEL } from "../iot.notify.js";
import { iotCommands as C } from "../schema.js";

/** Published after a command row commits; the dispatcher publishes it to the device at once. */
export const COMMAND_CREATED = "iot.command.created";

export interface NewCommand {
  deviceId: string;
  projectId: string;
  name: string;
  params: Record<string, unknown>;
  source: "auto" | "manual" | "schedule";
  operatorId: string | null;
  operatorName: string | null;
  alarmId: string | null;
  /** Seconds to keep re-sending before the command expires. */
  ttlS: number;
}

/**
 * Queues a command (`pending`, expiring `ttlS` from now) and announces it on COMMAND_CHANNEL, on the
 * caller's executor: the operator's route and the automatic linkage share it. The caller authorises,
 * validates the name for the device's type and publishes COMMAND_CREATED after its commit.
 */
export async function insertCommand(executor: Executor, c: NewCommand) {
  const [row] = await executor
    .insert(C)
    .values({ ...c, status: "pending", expiresAt: sql`now() + make_interval(secs => ${c.ttlS})` })
    .returning();
  const change: CommandChangeDto = { commandId: row.id, deviceId: row.deviceId, projectId: row.projectId, name: row.name, status: "pending" };
  await executor.execute(sql`select pg_notify(${COMMAND_CHANNEL}, ${JSON.stringify(change)})`);
  return row;
}

/**
 * An operator sends a command to a device by hand.
 * @throws AppError FORBIDDEN without `iot.command.send`; NOT_FOUND out of scope; VALIDATION naming `name`
 * for a command the device type does not understand; CONFLICT for a disabled device.
 */
export async function sendCommand(ctx: ServiceContext, deviceId: string, input: SendCommandInput): Promise<CommandDto> {
  requirePermission(ctx.actor, "iot.command.send");
  const device = await visibleDevice(ctx.db, ctx.actor, deviceId);
  const allowed = COMMANDS[device.type] ?? [];
  if (!allowed.includes(input.name)) {
    throw invalidField("name", `设备类型 ${device.type} 不支持命令 ${input.name}，可用：${allowed.join(", ") || "无"} (unknown command for this device type)`);
  }
  if (!device.enabled) throw conflict(`设备 ${device.code} 已停用 (device is disabled)`, { issues: [{ path: "deviceId", message: "device disabled" }] });
  // Commands are a site's operations log (iot_commands.project_id); a device off-site takes none.
  const projectId = device.projectId;
  if (!projectId) throw conflict(`设备 ${device.code} 不在工地上，不能下发命令 (a device not on a site takes no commands)`, { issues: [{ path: "deviceId", message: "not on a site" }] });
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertCommand(tx, {
      deviceId,
      projectId,
      name: input.name,
      params: input.params,
      source: "manual",
      operatorId: ctx.actor.userId,
      operatorName: ctx.actor.displayName,
      alarmId: null,
      ttlS: input.ttlS,
    });
    await recordAudit(tx, ctx, { action: "iot.command.sent", entity: "command", entityId: row.id, after: row });
    return row.id;
  });
  ctx.events.publish(COMMAND_CREATED, { commandId: id });
  return getCommand(ctx.db, ctx.actor, id, { scoped: false });
}
