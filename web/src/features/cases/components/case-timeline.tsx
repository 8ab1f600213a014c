import { Empty, Flex, Tag, Timeline, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { CASE_EVENT_LABELS, STOP_WORK_SCOPE_LABELS, type CaseEventAction, type CaseEventDto, type StopWorkScope } from "@contracts/cases/cases";
import { CASE_STATE_LABELS } from "@contracts/cases/enums";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { PhotoThumbs } from "./photo-input";

/** Red for what went wrong (退回, 逾期, 停工, 不同意复工), green for what closed it, blue for the rest. */
const EVENT_COLOR: Record<CaseEventAction, string> = {
  opened: "blue",
  accepted: "blue",
  replied: "blue",
  passed: "green",
  returned: "red",
  overdue: "red",
  stop_work_ordered: "red",
  resume_applied: "blue",
  resume_approved: "green",
  resume_denied: "red",
  commented: "gray",
};

/** 整改过程: every step of the case, oldest first — who, when, what, the state it moved to, the reason and photos. */
export function CaseTimeline({ events }: { events: CaseEventDto[] }) {
  const { label } = useLabels();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="case-timeline">
      <Timeline
        items={events.map((e) => {
          const scope = typeof e.data?.scope === "string" ? (e.data.scope as StopWorkScope) : null;
          return {
            key: e.id,
            color: EVENT_COLOR[e.action] ?? "gray",
            content: (
              <div data-testid={`event-${e.action}`}>
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{label(CASE_EVENT_LABELS, e.action)}</Typography.Text>
                  {scope && <Tag color="volcano">{label(STOP_WORK_SCOPE_LABELS, scope)}</Tag>}
                  {e.fromState && e.toState && e.fromState !== e.toState && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {label(CASE_STATE_LABELS, e.fromState)} <ArrowRightOutlined /> {label(CASE_STATE_LABELS, e.toState)}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.actorName}
                </Typography.Text>
                {e.note && <div className="sc-timeline-note">{e.note}</div>}
                {e.photoIds.length > 0 && (
                  <div style={{ marginTop: 6 }}>
                    <PhotoThumbs ids={e.photoIds} size={56} />
                  </div>
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
