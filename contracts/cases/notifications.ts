import { z } from "zod";
import { PageQuery } from "../platform/common";
import type { Labels } from "../registry/enums";

/**
 * Kinds the cases module itself sends; other modules pass their own `<module>.<what>` kinds through
 * `notify`, so the DTO keeps `kind` a plain string and the web falls back to the title for unknown kinds.
 */
export const CASE_NOTIFICATION_KINDS = [
  "case.opened",
  "case.accepted",
  "case.replied",
  "case.passed",
  "case.returned",
  "case.overdue",
  "case.stop_work",
  "case.resume_applied",
  "case.resume_decided",
  "case.commented",
] as const;
export type CaseNotificationKind = (typeof CASE_NOTIFICATION_KINDS)[number];
export const CASE_NOTIFICATION_KIND_LABELS: Labels<CaseNotificationKind> = {
  "case.opened": { zh: "整改通知", en: "Rectification notice" },
  "case.accepted": { zh: "已签收", en: "Signed for" },
  "case.replied": { zh: "整改回复", en: "Reply received" },
  "case.passed": { zh: "复查通过", en: "Re-check passed" },
  "case.returned": { zh: "复查退回", en: "Sent back" },
  "case.overdue": { zh: "整改逾期", en: "Overdue" },
  "case.stop_work": { zh: "停工整改", en: "Stop-work order" },
  "case.resume_applied": { zh: "复工申请", en: "Resumption applied" },
  "case.resume_decided": { zh: "复工审批结果", en: "Resumption decided" },
  "case.commented": { zh: "新备注", en: "New comment" },
};

export const NotificationDto = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A web path to open, e.g. `/cases/<id>`. */
  link: z.string().nullable(),
  caseId: z.uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const ListNotificationsQuery = PageQuery.omit({ q: true }).extend({
  /** true: only unread. */
  unread: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const UnreadCountDto = z.object({ unread: z.number().int() });
export type UnreadCountDto = z.infer<typeof UnreadCountDto>;

/** The answer to read-all: how many were marked. */
export const MarkedReadDto = z.object({ marked: z.number().int() });
export type MarkedReadDto = z.infer<typeof MarkedReadDto>;
