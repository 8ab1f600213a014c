import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_KIND_LABELS, EXPIRY_STATES } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { enterpriseName, searchEnterprises } from "../../enterprises/api";
import { usePersons } from "../api";
import { usePersonColumns } from "../components/person-columns";
import { PersonForm } from "../components/person-form";

/** 人员库: list with certificate kind/expiry, employer and gender filters, export, import and create. */
export default function PersonListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage
      title={t("menu.persons")}
      useRows={usePersons}
      columns={usePersonColumns()}
      exportPath="/persons"
      create={can("registry.person.create") && { onClick: () => setCreating(true) }}
      importer={can("registry.import") && { entity: t("person.entity"), invalidate: keys.persons.all }}
      filters={[
        { key: "certificateKind", label: t("person.certificateKind"), labels: CERTIFICATE_KIND_LABELS, multiple: true, width: 200 },
        { key: "certificateExpiry", label: t("person.certificateExpiry"), options: EXPIRY_STATES.map((s) => ({ value: s, label: t(`expiry.${s}`) })), width: 130 },
        { kind: "remote", key: "employerId", label: t("person.employer"), scope: keys.enterprises.all, fetchOptions: searchEnterprises, nameOf: enterpriseName, width: 220 },
        { key: "gender", label: t("person.gender"), options: (["M", "F"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) })), width: 100 },
      ]}
    >
      <PersonForm open={creating} onClose={() => setCreating(false)} />
    </ListPage>
  );
}
