import type { ColumnsType } from "antd/es/table/interface";
import { Flex, Tooltip } from "antd";
import { StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { TRADE_LABELS, WORKER_STATUSES, type WorkerDto } from "@contracts/workforce/workers";
import { formatDate, orDash } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { AdmissionBlockTags, WorkerStatusTag } from "./worker-tags";
import { projectColumn } from "../../../components/project-column";

/**
 * The columns of a worker table: 工号, 姓名 (team leader marked), masked ID, 工种, 班组, 用工单位, 状态, 进场日期
 * and the reasons 进场 is refused (beside the status); a star marks the team leader. `withProject` adds the project for the city-wide list.
 */
export function useWorkerColumns({ withProject = false } = {}): ColumnsType<WorkerDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("workforce.workerNo"), dataIndex: "workerNo", key: "workerNo", width: 115, fixed: "left" },
    {
      title: t("workforce.name"),
      dataIndex: "name",
      key: "name",
      width: 105,
      render: (name: string, w) => (
        <Flex gap={4} align="center">
          {name}
          {w.isTeamLeader && (
            <Tooltip title={t("workforce.teamLeader")}>
              <StarFilled aria-label={t("workforce.teamLeader")} style={{ color: "#faad14", fontSize: 12 }} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: t("workforce.idNumber"), dataIndex: "idNumber", key: "idNumber", width: 165, render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
    { title: t("workforce.trade"), dataIndex: "trade", key: "trade", width: 100, render: (v: WorkerDto["trade"]) => label(TRADE_LABELS, v) },
    { title: t("workforce.team"), dataIndex: "teamName", key: "teamName", width: 110, ellipsis: true, render: orDash },
    ...(withProject
      ? [
          projectColumn<WorkerDto>(t("workforce.project"), "workforce", 200),
        ]
      : []),
    { title: t("workforce.employer"), dataIndex: "employerName", key: "employerName", width: 200, ellipsis: true },
    {
      title: t("workforce.status"),
      dataIndex: "status",
      key: "status",
      width: 180,
      // The reasons 进场 is refused sit beside the status: that is where the operator looks before admitting.
      render: (s: WorkerDto["status"], w) => (
        <Flex wrap gap={4}>
          <WorkerStatusTag status={s} />
          {s !== "exited" && <AdmissionBlockTags blocks={w.admissionBlocks} />}
        </Flex>
      ),
    },
    { title: t("workforce.enteredOn"), dataIndex: "enteredOn", key: "enteredOn", width: 100, render: formatDate },
  ];
}

/** The worker statuses as filter options. */
export function useWorkerStatusOptions() {
  const { t } = useTranslation();
  return WORKER_STATUSES.map((s) => ({ value: s, label: t(`workerStatus.${s}`) }));
}
