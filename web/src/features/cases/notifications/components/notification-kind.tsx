import { Tag } from "antd";
import { CASE_NOTIFICATION_KINDS, CASE_NOTIFICATION_KIND_LABELS, type CaseNotificationKind } from "@contracts/cases/notifications";
import { useLabels } from "../../../../i18n/labels";

const KNOWN = new Set<string>(CASE_NOTIFICATION_KINDS);
const ALERT_KINDS = new Set<string>(["case.opened", "case.returned", "case.overdue", "case.stop_work"]);

/** The kind of a notification as a tag; kinds sent by other modules show their own code's last part. */
export function NotificationKindTag({ kind }: { kind: string }) {
  const { label } = useLabels();
  const text = KNOWN.has(kind) ? label(CASE_NOTIFICATION_KIND_LABELS, kind as CaseNotificationKind) : (kind.split(".").pop() ?? kind);
  return (
    <Tag color={ALERT_KINDS.has(kind) ? "red" : "blue"} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
