import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { AlarmDetailDto } from "@contracts/iot/alarms";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/client.js";
import { conflict, invalidField, notFound } from "../../../platform/errors.js";
import { activeUsers } from "../../identity/index.js";
import { projectScope } from "../../registry/index.js";
import { getAlarm } from "./alarm.queries.js";
import { recordAlarmEvent, type AlarmEventInput } from "./alarm.notify.js";
import { iotAlarms as A } from "../schema.js";

/**
 * The operators' side of the alarm lifecycle: acknowledge, clear by hand, assign, comment. Each is one
 * transaction: the alarm's change, its history entry (which also notifies the realtime stream) and the
 * audit entry commit together.
 */

type AlarmRow = typeof A.$inferSelect;
type Kind = AlarmEventInput["kind"];

interface Change {
  /** Columns to set on the alarm; none for a comment. */
  set?: PgUpdateSetSource<typeof A>;
  note: string | null;
}

async function handleAlarm(ctx: ServiceContext, id: string, kind: Kind, plan: (tx: Tx, before: AlarmRow) => Promise<Change> | Change): Promise<AlarmDetailDto> {
  requirePermission(ctx.actor, "iot.alarm.handle");
  const projectId = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(A)
      .where(and(eq(A.id, id), projectScope(ctx.actor, A.projectId)))
      .for("update");
    if (!before) throw notFound("alarm", id);
    const change = await plan(tx, before);
    const [after] = change.set ? await tx.update(A).set(change.set).where(eq(A.id, id)).returning() : [before];
    await recordAlarmEvent(tx, { alarmId: id, kind, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, note: change.note, severity: after.severity, value: after.value });
    await recordAudit(tx, ctx, {
      action: `iot.alarm.${kind}`,
      entity: "alarm",
      entityId: id,
      before: change.set ? pick(before, Object.keys(change.set)) : undefined,
      after: { ...(change.set ? pick(after, Object.keys(change.set)) : {}), note: change.note },
    });
    return before.projectId;
  });
  ctx.events.publish(`iot.alarm.${kind}`, { alarmId: id, projectId });
  return getAlarm(ctx.db, ctx.actor, id, { scoped: false });
}

const pick = (row: AlarmRow, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k as keyof AlarmRow]]));

/**
 * Acknowledges an alarm (someone has seen it); it stays active until cleared.
 * @throws AppError FORBIDDEN without `iot.alarm.handle`; NOT_FOUND out of scope; CONFLICT when already acknowledged.
 */
export const ackAlarm = (ctx: ServiceContext, id: string, input: { note?: string }) =>
  handleAlarm(ctx, id, "acknowledged", (_tx, before) => {
    if (before.ackedAt) throw conflict("告警已确认 (alarm already acknowledged)", { ackedAt: before.ackedAt.toISOString(), ackedBy: before.ackedBy });
    return { set: { ackedAt: sql`now()`, ackedBy: ctx.actor.displayName }, note: input.note || null };
  });

/**
 * Clears an alarm by hand (the condition is over or was a false alarm). A new reading above the
 * threshold raises a new alarm.
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT when already cleared.
 */
export const clearAlarm = (ctx: ServiceContext, id: string, input: { note?: string }) =>
  handleAlarm(ctx, id, "cleared", (_tx, before) => {
    if (before.clearedAt) throw conflict("告警已解除 (alarm already cleared)", { clearedAt: before.clearedAt.toISOString(), clearedBy: before.clearedBy });
    return { set: { clearedAt: sql`now()`, clearedBy: ctx.actor.displayName }, note: input.note || null };
  });

/**
 * Assigns the alarm to an active user, or unassigns it with null.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `assigneeId` for an unknown or inactive user.
 */
export const assignAlarm = (ctx: ServiceContext, id: string, input: { assigneeId: string | null }) =>
  handleAlarm(ctx, id, "assigned", async (tx) => {
    if (input.assigneeId === null) return { set: { assigneeId: null, assigneeName: null }, note: "取消指派 (unassigned)" };
    const [user] = await activeUsers(tx, { ids: [input.assigneeId] });
    if (!user) throw invalidField("assigneeId", "指派对象不存在或已停用 (no such active user)");
    return { set: { assigneeId: user.id, assigneeName: user.displayName }, note: user.displayName };
  });

/**
 * Adds a comment to the alarm's history.
 * @throws AppError FORBIDDEN; NOT_FOUND.
 */
export const commentAlarm = (ctx: ServiceContext, id: string, input: { text: string }) => handleAlarm(ctx, id, "commented", () => ({ note: input.text }));
