import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AdmissionBlock, WorkerStatus } from "@contracts/workforce/workers";

const STATUS_COLOR: Record<WorkerStatus, string> = { registered: "default", entered: "blue", on_site: "green", exited: "default" };

/** 登记 / 进场 / 在场 / 退场 as a coloured tag. */
export function WorkerStatusTag({ status }: { status: WorkerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} variant={status === "exited" ? "outlined" : "filled"} style={{ marginInlineEnd: 0 }}>
      {t(`workerStatus.${status}`)}
    </Tag>
  );
}

/** Why 进场 is refused right now, one red tag per reason; nothing when admission is possible. */
export function AdmissionBlockTags({ blocks }: { blocks: readonly AdmissionBlock[] }) {
  const { t } = useTranslation();
  return blocks.map((b) => (
    <Tag key={b} color="red" style={{ marginInlineEnd: 0 }}>
      {t(`admissionBlock.${b}`)}
    </Tag>
  ));
}
