import { and, eq, isNull, sql } from "drizzle-orm";
import type { NotificationDto } from "@contracts/cases/notifications";
import type { ServiceContext } from "../../platform/context.js";
import { type Executor, type Tx, rowsOf } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import { targetedUserIds, type UserTarget } from "../identity/index.js";
import { casesNotifications as N } from "./schema.js";
import { toNotificationDto } from "./notification.queries.js";

/** Published with the ids of inbox notifications; the outbound channels (notification.sweeps.ts) send them. */
export const CASES_NOTIFIED = "cases.notified";

/** Who a notice goes to (identity's user target: named users, roles, a project's or an enterprise's users). */
export type NotifyTarget = UserTarget;

export interface NotificationContent {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  caseId?: string;
}

/** Inserts one inbox row per recipient in one statement; returns the new ids. */
export async function insertNotifications(tx: Executor, target: NotifyTarget, n: NotificationContent): Promise<string[]> {
  const who = targetedUserIds(target);
  if (!who) return [];
  const result = await tx.execute(sql`
    insert into cases_notifications (user_id, kind, title, body, link, case_id)
    select r.id, ${n.kind}, ${n.title}, ${n.body ?? ""}, ${n.link ?? null}, ${n.caseId ?? null}::uuid
      from (${who}) r
    returning id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Inbox notification(s) inside the caller's transaction. The outbound channels hear `cases.notified` with
 * the new ids at once; they wait for the caller's commit by re-reading until the rows are visible (a
 * rolled-back transaction's rows never are, so nothing goes out for them). Returns how many users were notified.
 */
export async function notify(tx: Tx, ctx: ServiceContext, target: NotifyTarget, n: NotificationContent): Promise<number> {
  const ids = await insertNotifications(tx, target, n);
  if (ids.length > 0) ctx.events.publish(CASES_NOTIFIED, { notificationIds: ids });
  return ids.length;
}

/**
 * Marks one of the caller's notifications read (idempotent: an already read one keeps its time).
 * @throws AppError NOT_FOUND for someone else's notification.
 */
export async function markNotificationRead(ctx: ServiceContext, id: string): Promise<NotificationDto> {
  const userId = ctx.actor.userId;
  if (!userId) throw notFound("notification", id);
  const [row] = await ctx.db
    .update(N)
    .set({ readAt: sql`coalesce(${N.readAt}, now())` })
    .where(and(eq(N.id, id), eq(N.userId, userId)))
    .returning();
  if (!row) throw notFound("notification", id);
  return toNotificationDto(row);
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllNotificationsRead(ctx: ServiceContext): Promise<number> {
  const userId = ctx.actor.userId;
  if (!userId) return 0;
  const rows = await ctx.db
    .update(N)
    .set({ readAt: sql`now()` })
    .where(and(eq(N.userId, userId), isNull(N.readAt)))
    .returning({ id: N.id });
  return rows.length;
}
