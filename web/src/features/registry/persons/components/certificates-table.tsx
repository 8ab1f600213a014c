import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_KIND_LABELS } from "@contracts/registry/enums";
import type { CertificateDto } from "@contracts/registry/person";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { formatDate, orDash } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";

/** 证书 with their expiry state (expired red, expiring orange). */
export function CertificatesTable({ items }: { items: CertificateDto[] }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <Table<CertificateDto>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t("certificate.kind"), dataIndex: "kind", render: (v: string) => label(CERTIFICATE_KIND_LABELS, v) },
        { title: t("certificate.specialty"), dataIndex: "specialty", width: 120, render: orDash },
        { title: t("certificate.level"), dataIndex: "level", width: 80, render: orDash },
        { title: t("certificate.certNo"), dataIndex: "certNo", width: 200, render: (v: string) => <span className="sc-mono">{v}</span> },
        { title: t("certificate.issuedOn"), dataIndex: "issuedOn", width: 120, render: formatDate },
        { title: t("certificate.expiresOn"), dataIndex: "expiresOn", width: 120, render: formatDate },
        { title: t("certificate.expiry"), dataIndex: "expiry", width: 100, render: (v: CertificateDto["expiry"]) => <ExpiryTag state={v} /> },
      ]}
    />
  );
}
