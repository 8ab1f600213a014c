import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { ENTERPRISE_CHANGE_DECIDED, ENTERPRISE_CHANGE_REQUESTED } from "../registry/index.js";
import { CASES_NOTIFIED, insertNotifications, type NotificationContent, type NotifyTarget } from "./notification.service.js";

/**
 * Inbox notices of enterprise change requests (企业信息变更申请). The registry is the shared kernel and
 * cannot call the inbox (cases depends on it, not the reverse), so it publishes after commit and the
 * notices follow here: a filed request to the bureau's reviewers, a decision to the enterprise's users.
 * A notice is its own small write after the change committed; a process dying in between loses the
 * notice, never the change.
 */

/** The roles holding `registry.enterprise.reviewChange`. */
const REVIEWERS: NotifyTarget = { roles: ["admin", "inspector"] };
const KIND = "registry.enterpriseChange";

export function startEnterpriseChangeNotices(deps: { db: Db; events: EventBus }): void {
  const send = async (target: NotifyTarget, content: NotificationContent) => {
    const ids = await insertNotifications(deps.db, target, content);
    if (ids.length > 0) deps.events.publish(CASES_NOTIFIED, { notificationIds: ids });
  };

  deps.events.on(ENTERPRISE_CHANGE_REQUESTED, async ({ payload }) => {
    await send(REVIEWERS, {
      kind: KIND,
      title: `企业信息变更申请待审核：${String(payload.enterpriseName)}`,
      body: "企业提交了名称、信用代码、类型、法定代表人或资质的变更申请 (an enterprise asks to change its identity fields)",
      link: "/enterprise-change-requests",
    });
  });

  deps.events.on(ENTERPRISE_CHANGE_DECIDED, async ({ payload }) => {
    const approved = payload.state === "approved";
    await send(
      { enterpriseId: String(payload.enterpriseId) },
      {
        kind: KIND,
        title: `企业信息变更申请${approved ? "已通过" : "被驳回"}：${String(payload.enterpriseName)}`,
        body: typeof payload.note === "string" ? payload.note : "",
        link: `/enterprises/${String(payload.enterpriseId)}`,
      },
    );
  });
}
