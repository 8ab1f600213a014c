import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { ListNotificationsQuery, NotificationDto } from "@contracts/cases/notifications";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { casesNotifications as N } from "./schema.js";

export function toNotificationDto(r: typeof N.$inferSelect): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    caseId: r.caseId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

/** The caller's own inbox, newest first. Everyone has one; nobody sees another's. */
export async function listNotifications(db: Executor, actor: Actor, q: ListNotificationsQuery): Promise<Page<NotificationDto>> {
  if (!actor.userId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(eq(N.userId, actor.userId), q.unread ? isNull(N.readAt) : undefined);
  const rows = await db
    .select({ n: N, total: totalOver })
    .from(N)
    .where(where)
    .orderBy(desc(N.createdAt), desc(N.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  if (rows.length === 0 && q.page > 1) {
    const [{ n }] = await db.select({ n: count() }).from(N).where(where);
    return { items: [], total: n, page: q.page, pageSize: q.pageSize };
  }
  return toPage(rows, q, (r) => toNotificationDto(r.n));
}

/** Unread count, answered from the partial index on unread rows. */
export async function unreadCount(db: Executor, actor: Actor): Promise<number> {
  if (!actor.userId) return 0;
  const [{ n }] = await db
    .select({ n: count() })
    .from(N)
    .where(and(eq(N.userId, actor.userId), isNull(N.readAt)));
  return n;
}
