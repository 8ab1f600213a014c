import { eq, inArray } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { NotificationDto } from "@contracts/cases/notifications";
import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { usersView } from "../identity/index.js";
import { toNotificationDto } from "./notification.queries.js";
import { CASES_NOTIFIED } from "./notification.service.js";
import { casesNotifications as N } from "./schema.js";

const U = usersView();

/** The recipient as a channel needs it; a channel looks up its own addresses (e-mail, phone) by id. */
export interface NotificationRecipient {
  id: string;
  username: string;
  displayName: string;
  role: string;
}

/**
 * An outbound channel (e-mail, SMS, a messaging app). The inbox row is the record; a channel only
 * delivers it. A deployment registers its channels; `send` failing is logged and never retried here.
 */
export interface NotificationChannel {
  name: string;
  send(n: NotificationDto, user: NotificationRecipient): Promise<void>;
}

/** The channels of this process, in registration order. */
export class NotificationChannelRegistry {
  private readonly channels = new Map<string, NotificationChannel>();

  register(channel: NotificationChannel): this {
    this.channels.set(channel.name, channel);
    return this;
  }

  list(): NotificationChannel[] {
    return [...this.channels.values()];
  }
}

/** The default channel: writes one log line per delivery, so operators see what would go out. */
export function loggingChannel(log: FastifyBaseLogger): NotificationChannel {
  return {
    name: "log",
    send: async (n, user) => log.info({ notificationId: n.id, kind: n.kind, userId: user.id, username: user.username, title: n.title }, "notification"),
  };
}

/**
 * Waits before re-reading ids not yet visible: `notify` announces rows inside its caller's transaction,
 * which commits a moment later (or rolls back, and its rows never appear).
 */
const RETRY_MS = [50, 250, 1000, 3000, 10_000, 30_000];

/**
 * Runs the channels for every `cases.notified` event. Rows are read by id and sent once each; ids not yet
 * committed are retried on the schedule above and dropped after it.
 */
export function startNotificationDispatch(deps: { db: Db; events: EventBus; channels: NotificationChannelRegistry; log: FastifyBaseLogger }): { close(): void } {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const deliver = async (ids: string[], attempt: number): Promise<void> => {
    if (closed || ids.length === 0) return;
    const rows = await deps.db
      .select({ n: N, user: { id: U.id, username: U.username, displayName: U.displayName, role: U.role } })
      .from(N)
      .innerJoin(U, eq(U.id, N.userId))
      .where(inArray(N.id, ids));
    for (const row of rows) {
      const dto = toNotificationDto(row.n);
      for (const channel of deps.channels.list()) {
        await channel.send(dto, row.user).catch((err: unknown) => deps.log.error({ err, channel: channel.name, notificationId: dto.id }, "notification channel failed"));
      }
    }
    const found = new Set(rows.map((r) => r.n.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length === 0 || attempt >= RETRY_MS.length || closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void deliver(missing, attempt + 1).catch((err: unknown) => deps.log.error({ err }, "notification dispatch failed"));
    }, RETRY_MS[attempt]);
    timer.unref();
    timers.add(timer);
  };

  deps.events.on(CASES_NOTIFIED, async (event) => {
    const ids = (event.payload.notificationIds as string[] | undefined) ?? [];
    await deliver(ids, 0);
  });
  return {
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
