import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { QualificationDto } from "@contracts/registry/enterprise";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { formatDate } from "../../../../components/format";

/** 资质 with their expiry state (expired red, expiring orange). */
export function QualificationsTable({ items }: { items: QualificationDto[] }) {
  const { t } = useTranslation();
  return (
    <Table<QualificationDto>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t("qualification.category"), dataIndex: "category" },
        { title: t("qualification.grade"), dataIndex: "grade", width: 100 },
        { title: t("qualification.certNo"), dataIndex: "certNo", width: 200, render: (v: string) => <span className="sc-mono">{v}</span> },
        { title: t("qualification.issuedOn"), dataIndex: "issuedOn", width: 120, render: formatDate },
        { title: t("qualification.expiresOn"), dataIndex: "expiresOn", width: 120, render: formatDate },
        { title: t("qualification.expiry"), dataIndex: "expiry", width: 100, render: (v: QualificationDto["expiry"]) => <ExpiryTag state={v} /> },
      ]}
    />
  );
}
