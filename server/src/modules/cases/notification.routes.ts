import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ListNotificationsQuery, MarkedReadDto, NotificationDto, UnreadCountDto } from "@contracts/cases/notifications";
import { IdParams, page } from "@contracts/platform/common";
import { listNotifications, unreadCount } from "./notification.queries.js";
import { markAllNotificationsRead, markNotificationRead } from "./notification.service.js";

const tags = ["notifications"];

/** The caller's own inbox (消息中心); every signed-in user has one and sees only it. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/notifications", { schema: { tags, querystring: ListNotificationsQuery, response: { 200: page(NotificationDto) } } }, async (req) =>
    listNotifications(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/notifications/unread-count", { schema: { tags, response: { 200: UnreadCountDto } } }, async (req) => ({ unread: await unreadCount(req.ctx.db, req.ctx.actor) }));

  app.post("/notifications/read-all", { schema: { tags, response: { 200: MarkedReadDto } } }, async (req) => ({ marked: await markAllNotificationsRead(req.ctx) }));

  app.post("/notifications/:id/read", { schema: { tags, params: IdParams, response: { 200: NotificationDto } } }, async (req) => markNotificationRead(req.ctx, req.params.id));
};
