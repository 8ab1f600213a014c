import { Tag, Tooltip, Typography } from "antd";
import { StopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CASE_GRADE_LABELS, CASE_STATE_LABELS, STOP_WORK_LABELS, type CaseGrade, type CaseState, type StopWorkState } from "@contracts/cases/enums";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { daysToDeadline, isOverdue, STATE_COLOR } from "../case-format";

/** 重大 in red, 一般 plain. */
export function GradeTag({ grade }: { grade: CaseGrade }) {
  const { label } = useLabels();
  return (
    <Tag color={grade === "major" ? "red" : "default"} style={{ marginInlineEnd: 0 }}>
      {label(CASE_GRADE_LABELS, grade)}
    </Tag>
  );
}

export function CaseStateTag({ state }: { state: CaseState }) {
  const { label } = useLabels();
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }}>
      {label(CASE_STATE_LABELS, state)}
    </Tag>
  );
}

/** 停工整改 / 复工申请中 while a stop-work order is in force; nothing otherwise. */
export function StopWorkTag({ stopWork }: { stopWork: StopWorkState }) {
  const { label } = useLabels();
  if (stopWork === "none") return null;
  const inForce = stopWork === "ordered" || stopWork === "resume_applied";
  return (
    <Tag color={inForce ? "volcano" : "default"} icon={inForce ? <StopOutlined /> : undefined} style={{ marginInlineEnd: 0 }}>
      {label(STOP_WORK_LABELS, stopWork)}
    </Tag>
  );
}

/** The deadline with what it means today: days left, due today, or days overdue in red. */
export function DeadlineCell({ c }: { c: { state: CaseState; overdue: boolean; deadline: string; closedAt?: string | null } }) {
  const { t } = useTranslation();
  const days = daysToDeadline(c.deadline);
  const overdue = isOverdue(c);
  const date = formatDateTime(c.deadline).slice(0, 10);
  if (c.state === "closed") return <Typography.Text type="secondary">{date}</Typography.Text>;
  const hint = overdue ? t("cases.daysOver", { days: Math.max(1, -days) }) : days === 0 ? t("cases.dueToday") : t("cases.daysLeft", { days });
  return (
    <Tooltip title={formatDateTime(c.deadline)}>
      <span>
        {date}{" "}
        <Typography.Text type={overdue ? "danger" : days <= 1 ? "warning" : "secondary"} strong={overdue} style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
