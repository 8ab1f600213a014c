import { useState } from "react";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CERTIFICATE_KIND_LABELS } from "@contracts/registry/enums";
import type { PersonSummaryDto } from "@contracts/registry/person";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { useLabels } from "../../../../i18n/labels";
import { usePersons } from "../../persons/api";

/** 人员: the enterprise's employees (`/persons?employerId=`), paged on the server. */
export function EnterprisePersons({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching } = usePersons({ employerId: enterpriseId, ...page });
  return (
    <Table<PersonSummaryDto>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data?.items}
      pagination={{ current: page.page, pageSize: page.pageSize, total: data?.total ?? 0, size: "small", showTotal: (n) => t("common.total", { count: n }) }}
      onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
      columns={[
        { title: t("person.name"), dataIndex: "name", width: 120, render: (v: string, r) => <Link to={`/persons/${r.id}`}>{v}</Link> },
        { title: t("person.idNumber"), dataIndex: "idNumber", width: 200, render: (v: string) => <span className="sc-mono">{v}</span> },
        { title: t("person.gender"), dataIndex: "gender", width: 70, render: (v: "M" | "F") => t(`gender.${v}`) },
        { title: t("person.mobile"), dataIndex: "mobile", width: 130, render: (v: string | null) => v ?? "—" },
        { title: t("person.certificateKinds"), dataIndex: "certificateKinds", render: (v: string[]) => v.map((k) => label(CERTIFICATE_KIND_LABELS, k)).join("、") || "—" },
        { title: t("person.certificateExpiry"), dataIndex: "certificateExpiry", width: 110, render: (v: PersonSummaryDto["certificateExpiry"]) => <ExpiryTag state={v} /> },
      ]}
    />
  );
}
