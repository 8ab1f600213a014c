import { useState } from "react";
import { App, Button, Popconfirm, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { EQUIPMENT_CHECK_LABELS, EQUIPMENT_KIND_LABELS, EQUIPMENT_STATUS_LABELS, INSPECTION_STATE_LABELS, OPERATOR_ROLE_LABELS, type EquipmentDto } from "@contracts/safety/equipment";
import { useCan } from "../../../auth/use-can";
import { orDash } from "../../../components/format";
import { ListPage, RowActions } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { useDeleteEquipment, useEquipment } from "../api";
import { EquipmentForm } from "./equipment-form";
import { InspectionTag } from "./work-tags";
import { projectColumn } from "../../../components/project-column";

/** 起重机械 list (the city's or one project's): inspection validity coloured, operators with their certificates, problems. */
export function EquipmentTable({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const can = useCan();
  const remove = useDeleteEquipment();
  const [editing, setEditing] = useState<EquipmentDto | "new" | null>(null);
  const manage = !!projectId && can("safety.manage");

  return (
    <ListPage<EquipmentDto>
      useRows={(q) => useEquipment(q, projectId)}
      exportPath="/equipment"
      exportQuery={{ projectId }}
      create={manage && { label: t("safety.newEquipment"), onClick: () => setEditing("new") }}
      filters={[
        { key: "kind", label: t("safety.kind"), labels: EQUIPMENT_KIND_LABELS, multiple: true, width: 170 },
        { key: "inspection", label: t("safety.inspection"), labels: INSPECTION_STATE_LABELS, multiple: true, width: 160 },
        { key: "status", label: t("safety.status"), labels: EQUIPMENT_STATUS_LABELS, multiple: true, width: 140 },
        !projectId && { key: "district", label: t("safety.district"), options: YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d })), width: 130 },
      ]}
      columns={[
        { title: t("safety.recordNo"), dataIndex: "recordNo", width: 150, sorter: true },
        ...(projectId ? [] : [projectColumn<EquipmentDto>(t("safety.project"), "safety")]),
        { title: t("safety.kind"), dataIndex: "kind", width: 110, render: (v: string) => label(EQUIPMENT_KIND_LABELS, v) },
        { title: t("safety.model"), dataIndex: "model", width: 130, ellipsis: true },
        { title: t("safety.ratedCapacityT"), dataIndex: "ratedCapacityT", width: 100 },
        { title: t("safety.inspectionValidTo"), dataIndex: "inspectionValidTo", width: 170, sorter: true, render: (v: string | null, r) => <InspectionTag state={r.inspectionState} validTo={v} /> },
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
                  <RowActions>
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      {t("common.edit")}
                    </Button>
                    <Popconfirm title={t("safety.deleteConfirm")} onConfirm={() => remove.mutateAsync(r.id).then(() => message.success(t("safety.deleted")))}>
                      <Button size="small" type="link" danger>
                        {t("safety.delete")}
                      </Button>
                    </Popconfirm>
                  </RowActions>
                ),
              },
            ]
          : []),
      ]}
    >
      {editing && projectId && <EquipmentForm projectId={projectId} equipment={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
