import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectDto } from "@contracts/registry/project";
import { TRADE_LABELS, type WorkerDto } from "@contracts/workforce/workers";
import { useCan } from "../../../auth/use-can";
import { ListPage } from "../../../components/list-page";
import { useLocalListParams } from "../../../components/use-list-params";
import { useProjectWorkers, useTeams } from "../api";
import { RegisterWorkerForm } from "./register-worker-form";
import { WorkerActions } from "./worker-actions";
import { useWorkerColumns, useWorkerStatusOptions } from "./worker-columns";
import { wfKeys } from "../keys";

/**
 * 花名册 of one project: filters, 登记 / 导入 / 导出, and 进场 / 退场 per row (with workforce.manage). Its
 * filters stay out of the URL, which the project page shares with the attendance and wages beside it.
 */
export function ProjectWorkers({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const manage = useCan()("workforce.manage");
  const lp = useLocalListParams();
  const teams = useTeams(project.id);
  const columns = useWorkerColumns();
  const [registering, setRegistering] = useState(false);
  const base = `/projects/${project.id}/workers`;

  return (
    <ListPage<WorkerDto>
      bare
      lp={lp}
      useRows={(q) => useProjectWorkers(project.id, q)}
      query={(q) => ({ sort: "workerNo", ...q })}
      exportPath={base}
      exportLabel={t("workforce.exportRoster")}
      create={manage && { label: t("workforce.register"), onClick: () => setRegistering(true) }}
      importer={manage && { templatePath: "/workers/import-template", entity: t("workforce.rosterEntity"), invalidate: wfKeys.workers.all, label: t("workforce.importRoster") }}
      filters={[
        { key: "status", label: t("workforce.status"), options: useWorkerStatusOptions(), width: 110 },
        { key: "teamId", label: t("workforce.team"), options: (teams.data ?? []).map((tm) => ({ value: tm.id, label: `${tm.name} (${tm.workers})` })), width: 150 },
        { key: "trade", label: t("workforce.trade"), labels: TRADE_LABELS, search: true, width: 130 },
      ]}
      columns={manage ? [...columns, { title: t("common.actions"), key: "actions", width: 70, fixed: "right", render: (_, w) => <WorkerActions worker={w} /> }] : columns}
    >
      <RegisterWorkerForm project={project} open={registering} onClose={() => setRegistering(false)} />
    </ListPage>
  );
}
