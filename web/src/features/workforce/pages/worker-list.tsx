import { useTranslation } from "react-i18next";
import { TRADE_LABELS, type WorkerDto } from "@contracts/workforce/workers";
import { ListPage } from "../../../components/list-page";
import { useProjectFilter } from "../../registry/projects/project-filter";
import { useWorkers } from "../api";
import { useWorkerColumns, useWorkerStatusOptions } from "../components/worker-columns";

/** 工人: every worker in the user's scope, by project, status and trade; 进场/退场 happen on the project's 人员 tab. */
export default function WorkerListPage() {
  const { t } = useTranslation();
  return (
    <ListPage<WorkerDto>
      title={t("menu.wfWorkers")}
      permission="workforce.read"
      useRows={useWorkers}
      filters={[useProjectFilter(), { key: "status", label: t("workforce.status"), options: useWorkerStatusOptions(), width: 110 }, { key: "trade", label: t("workforce.trade"), labels: TRADE_LABELS, search: true, width: 130 }]}
      columns={useWorkerColumns({ withProject: true })}
      sortable={["workerNo", "name", "trade", "status", "enteredOn"]}
    />
  );
}
