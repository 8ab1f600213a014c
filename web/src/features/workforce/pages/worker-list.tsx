import { Card, Select, Table } from "antd";
import { useTranslation } from "react-i18next";
import { TRADE_LABELS, WORKER_STATUSES, type WorkerDto } from "@contracts/workforce/workers";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { ProjectFilter } from "../../iot/components/project-filter";
import { useWorkers } from "../api";
import { useWorkerColumns } from "../components/worker-columns";

/** 工人: every worker in the user's scope, by project, status and trade; 进场/退场 happen on the project's 人员 tab. */
function WorkerList() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const lp = useListParams();
  const { data, isFetching, error } = useWorkers(lp.query);
  const columns = useWorkerColumns({ withProject: true });
  return (
    <>
      <PageHeader title={t("menu.wfWorkers")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <ProjectFilter value={lp.get("projectId")} onChange={(projectId) => lp.set({ projectId })} />
              <Select
                allowClear
                aria-label={t("workforce.status")}
                placeholder={t("workforce.status")}
                style={{ width: 110 }}
                value={lp.get("status")}
                options={WORKER_STATUSES.map((s) => ({ value: s, label: t(`workerStatus.${s}`) }))}
                onChange={(status?: string) => lp.set({ status })}
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                aria-label={t("workforce.trade")}
                placeholder={t("workforce.trade")}
                style={{ width: 130 }}
                value={lp.get("trade")}
                options={options(TRADE_LABELS)}
                onChange={(trade?: string) => lp.set({ trade })}
              />
            </>
          }
        />
        <ListError error={error} />
        <Table<WorkerDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          columns={columns.map((c) => (c.key && ["workerNo", "name", "trade", "status", "enteredOn"].includes(String(c.key)) ? { ...c, sorter: true, sortOrder: lp.sortOrder(String(c.key)) } : c))}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1300 }}
        />
      </Card>
    </>
  );
}

export default function WorkerListPage() {
  return (
    <RequirePermission permission="workforce.read">
      <WorkerList />
    </RequirePermission>
  );
}
