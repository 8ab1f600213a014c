import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { ENTERPRISE_STATUS_LABELS, ENTERPRISE_TYPE_LABELS, EXPIRY_STATES, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { RegistryListPage } from "../../../../components/registry-list-page";
import { useLabels } from "../../../../i18n/labels";
import { useEnterprises } from "../api";
import { useEnterpriseColumns } from "../columns";
import { EnterpriseForm } from "../components/enterprise-form";

/** 企业库: list with type/status/district/qualification-expiry filters, export, import and create. */
export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  return (
    <RegistryListPage
      title={t("menu.enterprises")}
      basePath="/enterprises"
      entity={t("enterprise.entity")}
      createPermission="registry.enterprise.create"
      invalidate={keys.enterprises.all}
      useRows={useEnterprises}
      useColumns={useEnterpriseColumns}
      scrollX={1160}
      renderForm={(open, onClose) => <EnterpriseForm open={open} onClose={onClose} />}
      filters={(lp) => (
        <>
          <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterType")} placeholder={t("list.filterType")} style={{ minWidth: 130 }} value={lp.getList("type")} options={options(ENTERPRISE_TYPE_LABELS)} onChange={(v) => lp.set({ type: v })} />
          <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterStatus")} placeholder={t("list.filterStatus")} style={{ minWidth: 110 }} value={lp.getList("status")} options={options(ENTERPRISE_STATUS_LABELS)} onChange={(v) => lp.set({ status: v })} />
          <Select allowClear aria-label={t("list.filterDistrict")} placeholder={t("list.filterDistrict")} style={{ width: 125 }} value={lp.get("district")} options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} onChange={(v) => lp.set({ district: v })} />
          <Select allowClear aria-label={t("enterprise.qualificationExpiry")} placeholder={t("enterprise.qualificationExpiry")} style={{ width: 115 }} value={lp.get("qualificationExpiry")} options={EXPIRY_STATES.map((s) => ({ value: s, label: t(`expiry.${s}`) }))} onChange={(v) => lp.set({ qualificationExpiry: v })} />
        </>
      )}
    />
  );
}
