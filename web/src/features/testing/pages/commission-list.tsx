import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { CommissionTable } from "../components/commission-table";

/** 检测委托: every commission the user may see (the bureau: the city; a party: its projects; an agency: those addressed to it). */
export default function CommissionList() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="testing.read">
      <PageHeader title={t("testing.menu.commissions")} />
      <CommissionTable />
    </RequirePermission>
  );
}
