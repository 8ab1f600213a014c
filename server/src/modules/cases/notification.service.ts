import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { NotificationDto } from "@contracts/cases/notifications";
import { ENTERPRISE_BOUND_ROLES, type InspectorDomain, type Role } from "@contracts/platform/auth";
import type { ServiceContext } from "../../platform/context.js";
import { type Executor, type Tx, rowsOf } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import { casesNotifications as N } from "./schema.js";
import { toNotificationDto } from "./notification.queries.js";

/** Published with the ids of inbox notifications; the outbound channels (notification.channels.ts) send them. */
export const CASES_NOTIFIED = "cases.notified";

export interface NotifyTarget {
  userIds?: string[];
  roles?: Role[];
  /** With `roles`: only users of this inspector domain. */
  domain?: InspectorDomain;
  /** Every active user scoped to the project: enterprise-bound users of its participants and its project users. */
  projectId?: string;
  /** Every active user of this enterprise (the responsible unit of a case). */
  enterpriseId?: string;
  /** Only the users bound to this project (role project), not its participants' users. */
  projectUsersOf?: string;
  /** Never this user (the one who acted). */
  exceptUserId?: string | null;
}

export interface NotificationContent {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  caseId?: string;
}

/** The active users a target names, as one SQL condition on auth_users `u`; undefined when it names nobody. */
function recipientCondition(target: NotifyTarget): SQL | undefined {
  const parts: SQL[] = [];
  if (target.userIds?.length) parts.push(sql`u.id = any(${sql.param(target.userIds)}::uuid[])`);
  if (target.roles?.length) {
    parts.push(target.domain ? sql`(u.role = any(${sql.param(target.roles)}::text[]) and u.domain = ${target.domain})` : sql`u.role = any(${sql.param(target.roles)}::text[])`);
  }
  if (target.projectId) {
    parts.push(sql`(u.role = any(${sql.param([...ENTERPRISE_BOUND_ROLES])}::text[]) and u.enterprise_id in (select pp.enterprise_id from registry_project_participants pp where pp.project_id = ${target.projectId}))`);
    parts.push(sql`u.id in (select up.user_id from auth_user_projects up where up.project_id = ${target.projectId})`);
  }
  if (target.enterpriseId) parts.push(sql`u.enterprise_id = ${target.enterpriseId}`);
  if (target.projectUsersOf) parts.push(sql`u.id in (select up.user_id from auth_user_projects up where up.project_id = ${target.projectUsersOf})`);
  if (parts.length === 0) return undefined;
  const except = target.exceptUserId ? sql` and u.id <> ${target.exceptUserId}` : sql``;
  return sql`u.is_active${except} and (${sql.join(parts, sql` or `)})`;
}

/** Inserts one inbox row per recipient in one statement; returns the new ids. */
export async function insertNotifications(tx: Executor, target: NotifyTarget, n: NotificationContent): Promise<string[]> {
  const who = recipientCondition(target);
  if (!who) return [];
  const result = await tx.execute(sql`
    insert into cases_notifications (user_id, kind, title, body, link, case_id)
    select u.id, ${n.kind}, ${n.title}, ${n.body ?? ""}, ${n.link ?? null}, ${n.caseId ?? null}::uuid
      from auth_users u where ${who}
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
