import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonDto } from "@contracts/registry/person";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { formatDateTime, orDash } from "../../../../components/format";
import { InfoDescriptions } from "../../../../components/info-descriptions";

/** 基本信息 of a person; the ID number is shown as the server sends it (masked unless the role may read it). */
export function PersonInfo({ person: p }: { person: PersonDto }) {
  const { t } = useTranslation();
  return (
    <InfoDescriptions
      items={[
        { key: "name", label: t("person.name"), children: p.name },
        { key: "idNumber", label: t("person.idNumber"), children: <span className="sc-mono">{p.idNumber}</span> },
        { key: "gender", label: t("person.gender"), children: t(`gender.${p.gender}`) },
        { key: "birthDate", label: t("person.birthDate"), children: p.birthDate },
        { key: "mobile", label: t("person.mobile"), children: orDash(p.mobile) },
        { key: "employer", label: t("person.employer"), children: p.employerId && p.employerName ? <Link to={`/enterprises/${p.employerId}`}>{p.employerName}</Link> : "—" },
        { key: "certificateExpiry", label: t("person.certificateExpiry"), children: <ExpiryTag state={p.certificateExpiry} /> },
        { key: "createdAt", label: t("person.createdAt"), children: formatDateTime(p.createdAt) },
        { key: "updatedAt", label: t("person.updatedAt"), children: formatDateTime(p.updatedAt) },
      ]}
    />
  );
}
