import { useState } from "react";
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Tooltip } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { EQUIPMENT_CHECK_LABELS, EQUIPMENT_KIND_LABELS, EQUIPMENT_STATUS_LABELS, INSPECTION_STATE_LABELS, OPERATOR_ROLE_LABELS, type EquipmentDto } from "@contracts/safety/equipment";
import { useCan } from "../../../auth/use-can";
import { ExportButton } from "../../../components/export-button";
import { orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { useDeleteEquipment, useEquipment } from "../api";
import { EquipmentForm } from "./equipment-form";
import { InspectionTag } from "./work-tags";
import "../i18n";
import { projectColumn } from "../../../components/project-column";

/** 起重机械 list (the city's or one project's): inspection validity coloured, operators with their certificates, problems. */
export function EquipmentTable({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useEquipment(lp.query, projectId);
  const remove = useDeleteEquipment();
  const [editing, setEditing] = useState<EquipmentDto | "new" | null>(null);
  const manage = !!projectId && can("safety.manage");

  return (
    <Card size="small">
      <ListToolbar
        q={lp.q}
        onSearch={(q) => lp.set({ q })}
        onReset={lp.reset}
        filters={
          <>
            <Select allowClear mode="multiple" aria-label={t("safety.kind")} placeholder={t("safety.kind")} style={{ width: 170 }} value={lp.getList("kind")} options={options(EQUIPMENT_KIND_LABELS)} onChange={(v: string[]) => lp.set({ kind: v })} />
            <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("safety.inspection")} placeholder={t("safety.inspection")} style={{ width: 160 }} value={lp.getList("inspection")} options={options(INSPECTION_STATE_LABELS)} onChange={(v: string[]) => lp.set({ inspection: v })} />
            <Select allowClear mode="multiple" aria-label={t("safety.status")} placeholder={t("safety.status")} style={{ width: 140 }} value={lp.getList("status")} options={options(EQUIPMENT_STATUS_LABELS)} onChange={(v: string[]) => lp.set({ status: v })} />
            {!projectId && (
              <Select allowClear aria-label={t("safety.district")} placeholder={t("safety.district")} style={{ width: 130 }} value={lp.get("district")} options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} onChange={(district?: string) => lp.set({ district })} />
            )}
          </>
        }
        actions={
          <>
            <ExportButton basePath="/equipment" query={projectId ? { ...lp.query, projectId } : lp.query} />
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
                {t("safety.newEquipment")}
              </Button>
            )}
          </>
        }
      />
      <ListError error={error} />
      <Table<EquipmentDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={lp.pagination(data?.total)}
        onChange={lp.onTableChange}
        scroll={{ x: 1300 }}
        columns={[
          { title: t("safety.recordNo"), dataIndex: "recordNo", key: "recordNo", width: 150, sorter: true, sortOrder: lp.sortOrder("recordNo") },
          ...(projectId ? [] : [projectColumn<EquipmentDto>(t("safety.project"), "safety")]),
          { title: t("safety.kind"), dataIndex: "kind", width: 110, render: (v: string) => label(EQUIPMENT_KIND_LABELS, v) },
          { title: t("safety.model"), dataIndex: "model", width: 130, ellipsis: true },
          { title: t("safety.ratedCapacityT"), dataIndex: "ratedCapacityT", width: 100 },
          {
            title: t("safety.inspectionValidTo"),
            dataIndex: "inspectionValidTo",
            key: "inspectionValidTo",
            width: 170,
            sorter: true,
            sortOrder: lp.sortOrder("inspectionValidTo"),
            render: (v: string | null, r) => <InspectionTag state={r.inspectionState} validTo={v} />,
          },
          { title: t("safety.useRegistrationNo"), dataIndex: "useRegistrationNo", width: 140, render: (v: string | null) => (v ? v : <Tag color="error">{label(EQUIPMENT_CHECK_LABELS, "no_use_registration")}</Tag>) },
          { title: t("safety.device"), dataIndex: "deviceCode", width: 150, render: orDash },
          {
            title: t("safety.operators"),
            dataIndex: "operators",
            width: 220,
            render: (ops: EquipmentDto["operators"]) =>
              ops.length === 0
                ? "—"
                : ops.map((o) => (
                    <Tooltip key={`${o.personId}-${o.role}`} title={o.certified ? `${o.certNo ?? ""} ${o.certExpiresOn ?? ""}` : `${t("safety.uncertified")}（${o.requiredSpecialty}）`}>
                      <Tag color={o.certified ? "default" : "error"}>
                        {o.name}·{label(OPERATOR_ROLE_LABELS, o.role)}
                      </Tag>
                    </Tooltip>
                  )),
          },
          { title: t("safety.status"), dataIndex: "status", width: 80, render: (v: string) => label(EQUIPMENT_STATUS_LABELS, v) },
          ...(manage
            ? [
                {
                  title: t("safety.actions"),
                  key: "actions",
                  width: 130,
                  fixed: "right" as const,
                  render: (_: unknown, r: EquipmentDto) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => setEditing(r)}>
                        {t("common.edit")}
                      </Button>
                      <Popconfirm title={t("safety.deleteConfirm")} onConfirm={() => remove.mutateAsync(r.id).then(() => message.success(t("safety.deleted")))}>
                        <Button size="small" type="link" danger>
                          {t("safety.delete")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && projectId && <EquipmentForm projectId={projectId} equipment={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
