import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { WorkTable } from "../components/work-table";

/** 危大工程: the register of every work the user may see (the bureau: the city). */
export default function WorkList() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="safety.read">
      <PageHeader title={t("safety.menu.works")} />
      <WorkTable />
    </RequirePermission>
  );
}
