import { useState } from "react";
import { Button, Card, Select, Table } from "antd";
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { useCan } from "../../../../app/auth";
import { ExportButton } from "../../../../components/export-button";
import { ImportModal } from "../../../../components/import-modal";
import { ListToolbar } from "../../../../components/list-toolbar";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useProjects } from "../api";
import { useProjectColumns } from "../columns";
import { ProjectForm } from "../components/project-form";

/** 项目库: searchable, filterable, server-sorted list with export, import and create. */
export default function ProjectListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useProjects(lp.query);
  const columns = useProjectColumns(lp.sortOrder);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t("menu.projects")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={() => lp.set({ q: "", status: "", type: "", district: "", sort: "" })}
          filters={
            <>
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterStatus")} placeholder={t("list.filterStatus")} style={{ minWidth: 160 }} value={lp.getList("status")} options={options(PROJECT_STATUS_LABELS)} onChange={(v) => lp.set({ status: v })} />
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterType")} placeholder={t("list.filterType")} style={{ minWidth: 160 }} value={lp.getList("type")} options={options(PROJECT_TYPE_LABELS)} onChange={(v) => lp.set({ type: v })} />
              <Select allowClear aria-label={t("list.filterDistrict")} placeholder={t("list.filterDistrict")} style={{ width: 140 }} value={lp.get("district")} options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} onChange={(v) => lp.set({ district: v })} />
            </>
          }
          actions={
            <>
              {can("registry.project.create") && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t("common.create")}
                </Button>
              )}
              {can("registry.import") && (
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                  {t("common.import")}
                </Button>
              )}
              <ExportButton basePath="/projects" query={lp.query} />
            </>
          }
        />
        <ListError error={error} />
        <Table
          rowKey="id"
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1200 }}
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath="/projects" entity={t("project.entity")} invalidate={keys.projects.all} />
      <ProjectForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
