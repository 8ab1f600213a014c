import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ENTERPRISE_STATUS_LABELS, ENTERPRISE_TYPE_LABELS, EXPIRY_STATES, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { useEnterprises } from "../api";
import { useEnterpriseColumns } from "../components/enterprise-columns";
import { EnterpriseForm } from "../components/enterprise-form";

/** 企业库: list with type/status/district/qualification-expiry filters, export, import and create. */
export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage
      title={t("menu.enterprises")}
      useRows={useEnterprises}
      columns={useEnterpriseColumns()}
      exportPath="/enterprises"
      create={can("registry.enterprise.create") && { onClick: () => setCreating(true) }}
      importer={can("registry.import") && { entity: t("enterprise.entity"), invalidate: keys.enterprises.all }}
      filters={[
        { key: "type", label: t("list.filterType"), labels: ENTERPRISE_TYPE_LABELS, multiple: true, width: 130 },
        { key: "status", label: t("list.filterStatus"), labels: ENTERPRISE_STATUS_LABELS, multiple: true, width: 110 },
        { key: "district", label: t("list.filterDistrict"), options: YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d })), width: 125 },
        { key: "qualificationExpiry", label: t("enterprise.qualificationExpiry"), options: EXPIRY_STATES.map((s) => ({ value: s, label: t(`expiry.${s}`) })), width: 115 },
      ]}
    >
      <EnterpriseForm open={creating} onClose={() => setCreating(false)} />
    </ListPage>
  );
}
