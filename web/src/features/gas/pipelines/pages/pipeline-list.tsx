import { useState } from "react";
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag } from "antd";
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PRESSURE_CLASS_LABELS, type PipelineDto } from "@contracts/gas/pipeline";
import { useCan } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { errorText } from "../../../../components/form-utils";
import { formatDate } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useDeletePipeline, usePipelines } from "../api";
import { GeojsonImport } from "../components/geojson-import";
import { PRESSURE_HEX } from "../components/map-option";
import { PipelineForm } from "../components/pipeline-form";
import "../i18n";

/** 燃气管线台账: the network's lines with class, material, age, length and nearby sites; file, import, export. */
function PipelineList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useLabels();
  const can = useCan();
  const manage = can("gas.manage");
  const lp = useListParams();
  const { data, isFetching, error } = usePipelines(lp.query);
  const remove = useDeletePipeline();
  const [editing, setEditing] = useState<PipelineDto | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader title={t("gasPipelines.menu.pipelines")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select
                allowClear
                mode="multiple"
                maxTagCount={1}
                aria-label={t("gasPipelines.pressureClass")}
                placeholder={t("gasPipelines.pressureClass")}
                style={{ width: 160 }}
                value={lp.getList("pressureClass")}
                options={options(PRESSURE_CLASS_LABELS)}
                onChange={(v: string[]) => lp.set({ pressureClass: v.join(",") || undefined })}
              />
              <Select
                allowClear
                aria-label={t("gasPipelines.siteLinks")}
                placeholder={t("gasPipelines.siteLinks")}
                style={{ width: 120 }}
                value={lp.get("linked")}
                options={[
                  { value: "true", label: t("gasPipelines.yes") },
                  { value: "false", label: t("gasPipelines.no") },
                ]}
                onChange={(linked?: string) => lp.set({ linked })}
              />
            </>
          }
          actions={
            <Space>
              <ExportButton basePath="/gas/pipelines" query={lp.query} />
              {manage && (
                <>
                  <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                    {t("gasPipelines.importGeojson")}
                  </Button>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                    {t("gasPipelines.newPipeline")}
                  </Button>
                </>
              )}
            </Space>
          }
        />
        <ListError error={error} />
        <Table<PipelineDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          locale={{ emptyText: t("gasPipelines.empty") }}
          columns={[
            { title: t("gasPipelines.code"), dataIndex: "code", key: "code", width: 130, sorter: true, sortOrder: lp.sortOrder("code") },
            { title: t("gasPipelines.name"), dataIndex: "name", key: "name", ellipsis: true, sorter: true, sortOrder: lp.sortOrder("name") },
            { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
            {
              title: t("gasPipelines.pressureClass"),
              dataIndex: "pressureClass",
              key: "pressureClass",
              width: 100,
              sorter: true,
              sortOrder: lp.sortOrder("pressureClass"),
              render: (v: PipelineDto["pressureClass"]) => <Tag color={PRESSURE_HEX[v]}>{label(PRESSURE_CLASS_LABELS, v)}</Tag>,
            },
            { title: t("gasPipelines.material"), dataIndex: "material", width: 130, ellipsis: true },
            { title: t("gasPipelines.diameter"), dataIndex: "diameterMm", width: 90, align: "right", render: (v: number | null) => v ?? "—" },
            { title: t("gasPipelines.laidOn"), dataIndex: "laidOn", key: "laidOn", width: 110, sorter: true, sortOrder: lp.sortOrder("laidOn"), render: formatDate },
            { title: t("gasPipelines.age"), dataIndex: "ageYears", width: 80, align: "right", render: (v: number | null) => v ?? "—" },
            { title: t("gasPipelines.length"), dataIndex: "lengthM", key: "lengthM", width: 100, align: "right", sorter: true, sortOrder: lp.sortOrder("lengthM") },
            { title: t("gasPipelines.siteLinks"), dataIndex: "siteLinks", width: 90, align: "right", render: (n: number) => (n ? <Tag color="purple">{n}</Tag> : 0) },
            ...(manage
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 120,
                    render: (_: unknown, r: PipelineDto) => (
                      <Space size={0}>
                        <Button size="small" type="link" onClick={() => setEditing(r)}>
                          {t("common.edit")}
                        </Button>
                        <Popconfirm
                          title={t("gasPipelines.deleteConfirm", { code: r.code })}
                          onConfirm={() => remove.mutateAsync(r.id).then(() => void message.success(t("gasPipelines.deleted"))).catch((e: unknown) => void message.error(errorText(e)))}
                        >
                          <Button size="small" type="link" danger>
                            {t("gasPipelines.delete")}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined && <PipelineForm initial={editing} onClose={() => setEditing(undefined)} />}
      {importing && <GeojsonImport onClose={() => setImporting(false)} />}
    </>
  );
}

export default function PipelineListPage() {
  return (
    <RequirePermission permission="gas.read">
      <PipelineList />
    </RequirePermission>
  );
}
