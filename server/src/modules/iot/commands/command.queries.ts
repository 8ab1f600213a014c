import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { CommandDto, CommandStatus, ListCommandsQuery } from "@contracts/iot/commands";
import { COMMAND_SOURCES } from "@contracts/iot/commands";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { projectScope } from "../../registry/index.js";
import { iotCommands as C, iotDevices as D } from "../schema.js";

/** Read side of device commands: their state, newest first. */

const commandColumns = {
  id: C.id,
  deviceId: C.deviceId,
  deviceCode: D.code,
  deviceName: D.name,
  projectId: C.projectId,
  name: C.name,
  params: C.params,
  source: C.source,
  operatorName: C.operatorName,
  alarmId: C.alarmId,
  status: C.status,
  attempts: C.attempts,
  createdAt: C.createdAt,
  sentAt: C.sentAt,
  ackedAt: C.ackedAt,
  expiresAt: C.expiresAt,
  result: C.result,
};

const selectCommands = (db: Executor) => db.select(commandColumns).from(C).innerJoin(D, eq(D.id, C.deviceId));
type CommandRow = Awaited<ReturnType<typeof selectCommands>>[number];

function toCommandDto(r: CommandRow): CommandDto {
  return {
    ...r,
    source: r.source as (typeof COMMAND_SOURCES)[number],
    status: r.status as CommandStatus,
    result: r.result ?? null,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    ackedAt: r.ackedAt ? r.ackedAt.toISOString() : null,
    expiresAt: r.expiresAt.toISOString(),
  };
}

function commandFilters(actor: Actor, q: ListCommandsQuery): SQL | undefined {
  const pattern = q.q ? likePattern(q.q) : undefined;
  return andAll([
    projectScope(actor, C.projectId),
    q.projectId ? eq(C.projectId, q.projectId) : undefined,
    q.deviceId ? eq(C.deviceId, q.deviceId) : undefined,
    q.status?.length ? sql`${C.status} = any(${sql.param(q.status)}::text[])` : undefined,
    pattern ? or(ilike(D.code, pattern), ilike(D.name, pattern), ilike(C.name, pattern)) : undefined,
  ]);
}

export async function listCommands(db: Executor, actor: Actor, q: ListCommandsQuery): Promise<Page<CommandDto>> {
  requirePermission(actor, "iot.read");
  const rows = await db
    .select({ ...commandColumns, total: totalOver })
    .from(C)
    .innerJoin(D, eq(D.id, C.deviceId))
    .where(commandFilters(actor, q))
    .orderBy(desc(C.createdAt), desc(C.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toCommandDto);
}

/**
 * One command. `scoped: false` is for a verb that has already authorised it.
 * @throws AppError NOT_FOUND when absent or outside the actor's scope.
 */
export async function getCommand(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<CommandDto> {
  requirePermission(actor, "iot.read");
  const [row] = await selectCommands(db).where(and(eq(C.id, id), opts.scoped === false ? undefined : projectScope(actor, C.projectId)));
  if (!row) throw notFound("command", id);
  return toCommandDto(row);
}
