import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CERTIFICATE_KIND_LABELS } from "@contracts/registry/enums";
import type { PersonSummaryDto } from "@contracts/registry/person";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { formatDateTime, orDash } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";

/** Columns of the personnel list; ID numbers are shown exactly as the server sends them (masked per role). */
export function usePersonColumns(): ColumnsType<PersonSummaryDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("person.name"), dataIndex: "name", width: 90, sorter: true, render: (v: string, r) => <Link to={`/persons/${r.id}`}>{v}</Link> },
    { title: t("person.idNumber"), dataIndex: "idNumber", width: 170, render: (v: string) => <span className="sc-mono">{v}</span> },
    { title: t("person.gender"), dataIndex: "gender", width: 60, render: (v: "M" | "F") => t(`gender.${v}`) },
    { title: t("person.birthDate"), dataIndex: "birthDate", width: 105, sorter: true },
    { title: t("person.mobile"), dataIndex: "mobile", width: 115, render: orDash },
    { title: t("person.employer"), dataIndex: "employerName", ellipsis: true, minWidth: 200, render: (v: string | null, r) => (r.employerId && v ? <Link to={`/enterprises/${r.employerId}`}>{v}</Link> : "—") },
    { title: t("person.certificateKinds"), dataIndex: "certificateKinds", ellipsis: true, width: 200, render: (v: string[]) => v.map((k) => label(CERTIFICATE_KIND_LABELS, k)).join("、") || "—" },
    { title: t("person.certificateExpiry"), dataIndex: "certificateExpiry", width: 90, render: (v: PersonSummaryDto["certificateExpiry"]) => <ExpiryTag state={v} /> },
    { title: t("person.updatedAt"), dataIndex: "updatedAt", width: 135, sorter: true, render: formatDateTime },
  ];
}
