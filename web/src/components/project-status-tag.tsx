import { Tag } from "antd";
import { PROJECT_STATUS_LABELS, type ProjectStatus } from "@contracts/registry/enums";
import { useLabels } from "../i18n/labels";

/** Lifecycle colours: 立项 blue, 在建 green, 停工 red, 复工 cyan, 竣工 grey. */
export const PROJECT_STATUS_COLOR: Record<ProjectStatus, string> = {
  approved: "blue",
  in_progress: "green",
  suspended: "red",
  resumed: "cyan",
  completed: "default",
};

/** A project's status as a coloured tag with its zh/en label. */
export function ProjectStatusTag({ status }: { status: string }) {
  const { label } = useLabels();
  return <Tag color={PROJECT_STATUS_COLOR[status as ProjectStatus] ?? "default"}>{label(PROJECT_STATUS_LABELS, status)}</Tag>;
}
