import { useTranslation } from "react-i18next";
import type { EnterpriseDto } from "@contracts/registry/enterprise";
import { ENTERPRISE_TYPE_LABELS } from "@contracts/registry/enums";
import { EnterpriseStatusTag } from "../../../../components/enterprise-status-tag";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { formatDateTime, orDash } from "../../../../components/format";
import { InfoDescriptions } from "../../../../components/info-descriptions";
import { useLabels } from "../../../../i18n/labels";

/** 基本信息 of an enterprise. */
export function EnterpriseInfo({ enterprise: e }: { enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <InfoDescriptions
      items={[
        { key: "name", label: t("enterprise.name"), children: e.name },
        { key: "creditCode", label: t("enterprise.creditCode"), children: <span className="sc-mono">{e.creditCode}</span> },
        { key: "type", label: t("enterprise.type"), children: label(ENTERPRISE_TYPE_LABELS, e.type) },
        { key: "legalRep", label: t("enterprise.legalRep"), children: e.legalRep },
        { key: "status", label: t("enterprise.status"), children: <EnterpriseStatusTag status={e.status} /> },
        { key: "district", label: t("enterprise.district"), children: orDash(e.district) },
        { key: "address", label: t("enterprise.address"), children: orDash(e.address), span: { xs: 1, md: 2, xl: 3 } },
        { key: "contactName", label: t("enterprise.contactName"), children: orDash(e.contactName) },
        { key: "contactPhone", label: t("enterprise.contactPhone"), children: orDash(e.contactPhone) },
        { key: "qualificationExpiry", label: t("enterprise.qualificationExpiry"), children: <ExpiryTag state={e.qualificationExpiry} /> },
        { key: "projectCount", label: t("enterprise.projectCount"), children: e.projectCount },
        { key: "personCount", label: t("enterprise.personCount"), children: e.personCount },
        { key: "updatedAt", label: t("enterprise.updatedAt"), children: formatDateTime(e.updatedAt) },
      ]}
    />
  );
}
