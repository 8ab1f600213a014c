import { useState } from "react";
import { App, Button, Popconfirm, Tag } from "antd";
import { ImportOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PRESSURE_CLASS_LABELS, type PipelineDto } from "@contracts/gas/pipeline";
import { useCan } from "../../../../auth/use-can";
import { errorText } from "../../../../components/form-utils";
import { formatDate } from "../../../../components/format";
import { actionColumn, ListPage, RowActions } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { useDeletePipeline, usePipelines } from "../api";
import { GeojsonImport } from "../components/geojson-import";
import { PRESSURE_HEX } from "../components/map-option";
import { PipelineForm } from "../components/pipeline-form";

/** 燃气管线台账: the network's lines with class, material, age, length and nearby sites (a code opens the line's page); file, import, export. */
export default function PipelineListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const remove = useDeletePipeline();
  const [editing, setEditing] = useState<PipelineDto | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  return (
    <ListPage<PipelineDto>
      title={t("gasPipelines.menu.pipelines")}
      permission="gas.read"
      useRows={usePipelines}
      exportPath="/gas/pipelines"
      create={manage && { label: t("gasPipelines.newPipeline"), onClick: () => setEditing(null) }}
      actions={
        manage && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t("gasPipelines.importGeojson")}
          </Button>
        )
      }
      filters={[
        { key: "pressureClass", label: t("gasPipelines.pressureClass"), labels: PRESSURE_CLASS_LABELS, multiple: true, width: 160 },
        { key: "linked", label: t("gasPipelines.siteLinks"), bool: [t("gasPipelines.yes"), t("gasPipelines.no")] },
      ]}
      emptyText={t("gasPipelines.empty")}
      columns={[
        { title: t("gasPipelines.code"), dataIndex: "code", width: 130, sorter: true, render: (v: string, r) => <Link to={`/gas/pipelines/${r.id}`}>{v}</Link> },
        { title: t("gasPipelines.name"), dataIndex: "name", ellipsis: true, sorter: true },
        { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
        { title: t("gasPipelines.pressureClass"), dataIndex: "pressureClass", width: 100, sorter: true, render: (v: PipelineDto["pressureClass"]) => <Tag color={PRESSURE_HEX[v]}>{label(PRESSURE_CLASS_LABELS, v)}</Tag> },
        { title: t("gasPipelines.material"), dataIndex: "material", width: 130, ellipsis: true },
        { title: t("gasPipelines.diameter"), dataIndex: "diameterMm", width: 90, align: "right", render: (v: number | null) => v ?? "—" },
        { title: t("gasPipelines.laidOn"), dataIndex: "laidOn", width: 110, sorter: true, render: formatDate },
        { title: t("gasPipelines.age"), dataIndex: "ageYears", width: 80, align: "right", render: (v: number | null) => v ?? "—" },
        { title: t("gasPipelines.length"), dataIndex: "lengthM", width: 100, align: "right", sorter: true },
        { title: t("gasPipelines.siteLinks"), dataIndex: "siteLinks", width: 90, align: "right", render: (n: number) => (n ? <Tag color="purple">{n}</Tag> : 0) },
        ...actionColumn<PipelineDto>(
          manage,
          t,
          (r) => (
            <RowActions>
              <Button size="small" type="link" onClick={() => setEditing(r)}>
                {t("common.edit")}
              </Button>
              <Popconfirm
                title={t("gasPipelines.deleteConfirm", { code: r.code })}
                onConfirm={() =>
                  remove
                    .mutateAsync(r.id)
                    .then(() => void message.success(t("gasPipelines.deleted")))
                    .catch((e: unknown) => void message.error(errorText(e)))
                }
              >
                <Button size="small" type="link" danger>
                  {t("gasPipelines.delete")}
                </Button>
              </Popconfirm>
            </RowActions>
          ),
          120,
        ),
      ]}
    >
      {editing !== undefined && <PipelineForm initial={editing} onClose={() => setEditing(undefined)} />}
      {importing && <GeojsonImport onClose={() => setImporting(false)} />}
    </ListPage>
  );
}
