import { Tag } from "antd";
import { ENTERPRISE_STATUS_LABELS, type EnterpriseStatus } from "@contracts/registry/enums";
import { useLabels } from "../i18n/labels";

const COLOR: Record<EnterpriseStatus, string> = { normal: "green", suspended: "orange", revoked: "red" };

/** 正常 / 暂停 / 注销 as a coloured tag. */
export function EnterpriseStatusTag({ status }: { status: EnterpriseStatus }) {
  const { label } = useLabels();
  return <Tag color={COLOR[status]}>{label(ENTERPRISE_STATUS_LABELS, status)}</Tag>;
}
