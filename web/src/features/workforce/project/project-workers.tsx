import { useState } from "react";
import { Button, Flex, Input, Select, Table } from "antd";
import { DownloadOutlined, ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ProjectDto } from "@contracts/registry/project";
import { TRADE_LABELS, WORKER_STATUSES, type WorkerDto } from "@contracts/workforce/workers";
import { apiUrl } from "../../../api/client";
import { useCan } from "../../../auth/use-can";
import { ImportModal } from "../../../components/import-modal";
import { ListError } from "../../../components/list-error";
import { useLabels } from "../../../i18n/labels";
import { useProjectWorkers, useTeams } from "../api";
import { RegisterWorkerForm } from "../components/register-worker-form";
import { WorkerActions } from "../components/worker-actions";
import { useWorkerColumns } from "../components/worker-columns";
import { wfKeys } from "../keys";

interface Filters {
  q?: string;
  status?: string;
  teamId?: string;
  trade?: string;
}

/** 花名册 of one project: filters, 登记 / 导入 / 导出, and 进场 / 退场 per row (with workforce.manage). */
export function ProjectWorkers({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const can = useCan();
  const manage = can("workforce.manage");
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching, error } = useProjectWorkers(project.id, { ...filters, ...paging, sort: "workerNo" });
  const teams = useTeams(project.id);
  const columns = useWorkerColumns();
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const base = `/projects/${project.id}/workers`;

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <Input.Search allowClear aria-label={t("common.search")} placeholder={t("common.search")} style={{ width: 200 }} onSearch={(q) => set({ q: q.trim() || undefined })} />
          <Select
            allowClear
            aria-label={t("workforce.status")}
            placeholder={t("workforce.status")}
            style={{ width: 110 }}
            value={filters.status}
            options={WORKER_STATUSES.map((s) => ({ value: s, label: t(`workerStatus.${s}`) }))}
            onChange={(status?: string) => set({ status })}
          />
          <Select
            allowClear
            aria-label={t("workforce.team")}
            placeholder={t("workforce.team")}
            style={{ width: 150 }}
            value={filters.teamId}
            options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: `${tm.name} (${tm.workers})` }))}
            onChange={(teamId?: string) => set({ teamId })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            aria-label={t("workforce.trade")}
            placeholder={t("workforce.trade")}
            style={{ width: 130 }}
            value={filters.trade}
            options={options(TRADE_LABELS)}
            onChange={(trade?: string) => set({ trade })}
          />
        </Flex>
        <Flex wrap gap={8}>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t("workforce.register")}
            </Button>
          )}
          {manage && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t("workforce.importRoster")}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={apiUrl(`${base}/export`, { ...filters })} download>
            {t("workforce.exportRoster")}
          </Button>
        </Flex>
      </Flex>
      <ListError error={error} />
      <Table<WorkerDto>
        rowKey="id"
        size="small"
        loading={isFetching && !data}
        columns={manage ? [...columns, { title: t("common.actions"), key: "actions", width: 70, fixed: "right", render: (_, w) => <WorkerActions worker={w} /> }] : columns}
        dataSource={data?.items}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          size: "small",
          showSizeChanger: true,
          showTotal: (n) => t("common.total", { count: n }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        scroll={{ x: 1165 }}
      />
      <RegisterWorkerForm project={project} open={registering} onClose={() => setRegistering(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath={base} templatePath="/workers/import-template" entity={t("workforce.rosterEntity")} invalidate={wfKeys.workers.all} />
    </>
  );
}
