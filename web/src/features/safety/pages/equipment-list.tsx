import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { EquipmentTable } from "../components/equipment-table";

/** 起重机械: the city's tower cranes and hoists (a party: its projects'), expired inspections first. */
export default function EquipmentList() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="safety.read">
      <PageHeader title={t("safety.menu.equipment")} />
      <EquipmentTable />
    </RequirePermission>
  );
}
