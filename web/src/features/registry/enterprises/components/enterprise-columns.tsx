import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EnterpriseSummaryDto } from "@contracts/registry/enterprise";
import { ENTERPRISE_TYPE_LABELS } from "@contracts/registry/enums";
import { EnterpriseStatusTag } from "../../../../components/enterprise-status-tag";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { formatDateTime, orDash } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";

/** Columns of the enterprise list; sortable ones are the server's sort keys. */
export function useEnterpriseColumns(): ColumnsType<EnterpriseSummaryDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("enterprise.name"), dataIndex: "name", ellipsis: true, minWidth: 220, sorter: true, render: (v: string, r) => <Link to={`/enterprises/${r.id}`}>{v}</Link> },
    { title: t("enterprise.creditCode"), dataIndex: "creditCode", width: 185, sorter: true, render: (v: string) => <span className="sc-mono">{v}</span> },
    { title: t("enterprise.type"), dataIndex: "type", width: 90, render: (v: string) => label(ENTERPRISE_TYPE_LABELS, v) },
    { title: t("enterprise.legalRep"), dataIndex: "legalRep", width: 85 },
    { title: t("list.filterDistrict"), dataIndex: "district", width: 95, render: orDash },
    { title: t("enterprise.status"), dataIndex: "status", width: 70, render: (v: EnterpriseSummaryDto["status"]) => <EnterpriseStatusTag status={v} /> },
    { title: t("enterprise.qualificationCount"), dataIndex: "qualificationCount", width: 70, align: "right" },
    { title: t("enterprise.qualificationExpiry"), dataIndex: "qualificationExpiry", width: 90, render: (v: EnterpriseSummaryDto["qualificationExpiry"]) => <ExpiryTag state={v} /> },
    { title: t("enterprise.projectCount"), dataIndex: "projectCount", width: 95, align: "right", sorter: true },
    { title: t("enterprise.updatedAt"), dataIndex: "updatedAt", width: 135, sorter: true, render: formatDateTime },
  ];
}
