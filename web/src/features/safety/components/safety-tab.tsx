import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { EquipmentTable } from "./equipment-table";
import { WorkTable } from "./work-table";

/** 安全 tab of a project: its 危大 register and its lifting machinery. */
export function SafetyTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  return (
    <Tabs
      size="small"
      type="card"
      items={[
        { key: "works", label: t("safety.tabWorks"), children: <WorkTable projectId={projectId} /> },
        { key: "equipment", label: t("safety.tabEquipment"), destroyOnHidden: true, children: <EquipmentTable projectId={projectId} /> },
      ]}
    />
  );
}
