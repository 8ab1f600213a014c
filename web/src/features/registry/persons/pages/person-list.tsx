import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_KIND_LABELS, EXPIRY_STATES } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { RegistryListPage } from "../../../../components/registry-list-page";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises, useEnterprise } from "../../enterprises/api";
import { usePersons } from "../api";
import { usePersonColumns } from "../columns";
import { PersonForm } from "../components/person-form";

/** 人员库: list with certificate kind/expiry, employer and gender filters, export, import and create. */
export default function PersonListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  return (
    <RegistryListPage
      title={t("menu.persons")}
      basePath="/persons"
      entity={t("person.entity")}
      createPermission="registry.person.create"
      invalidate={keys.persons.all}
      useRows={usePersons}
      useColumns={usePersonColumns}
      scrollX={1160}
      renderForm={(open, onClose) => <PersonForm open={open} onClose={onClose} />}
      filters={(lp) => (
        <>
          <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("person.certificateKind")} placeholder={t("person.certificateKind")} style={{ minWidth: 200 }} value={lp.getList("certificateKind")} options={options(CERTIFICATE_KIND_LABELS)} onChange={(v) => lp.set({ certificateKind: v })} />
          <Select allowClear aria-label={t("person.certificateExpiry")} placeholder={t("person.certificateExpiry")} style={{ width: 130 }} value={lp.get("certificateExpiry")} options={EXPIRY_STATES.map((s) => ({ value: s, label: t(`expiry.${s}`) }))} onChange={(v) => lp.set({ certificateExpiry: v })} />
          <EmployerFilter value={lp.get("employerId")} onChange={(employerId) => lp.set({ employerId })} />
          <Select allowClear aria-label={t("person.gender")} placeholder={t("person.gender")} style={{ width: 100 }} value={lp.get("gender")} options={(["M", "F"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} onChange={(v) => lp.set({ gender: v })} />
        </>
      )}
    />
  );
}

/** 所属企业 filter: a server-side enterprise search; after a reload the chosen id is shown by name. */
function EmployerFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { data } = useEnterprise(value ?? "", !!value);
  return (
    <RemoteSelect
      scope={keys.enterprises.all}
      fetchOptions={searchEnterprises}
      knownOptions={data ? [{ value: data.id, label: data.name }] : []}
      aria-label={t("person.employer")}
      placeholder={t("person.employer")}
      style={{ width: 220 }}
      value={value ?? null}
      onChange={(v) => onChange(typeof v === "string" ? v : null)}
    />
  );
}
