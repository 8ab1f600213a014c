import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { EnterpriseChangeRequestDto } from "@contracts/registry/enterprise-change";
import { ENTERPRISE_TYPE_LABELS } from "@contracts/registry/enums";
import { useLabels } from "../../../../i18n/labels";

/** What a change request changes, one line per field: the value when filed → the proposed one. */
export function ChangeDiff({ request: r }: { request: EnterpriseChangeRequestDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const p = r.proposed;
  const line = (field: string, from: string, to: string) => (
    <div key={field}>
      <Typography.Text type="secondary">{t(`enterprise.${field}`)}：</Typography.Text>
      <Typography.Text delete>{from}</Typography.Text> → <Typography.Text strong>{to}</Typography.Text>
    </div>
  );
  return (
    <>
      {p.name !== undefined && line("name", r.base.name, p.name)}
      {p.creditCode !== undefined && line("creditCode", r.base.creditCode, p.creditCode)}
      {p.type !== undefined && line("type", label(ENTERPRISE_TYPE_LABELS, r.base.type), label(ENTERPRISE_TYPE_LABELS, p.type))}
      {p.legalRep !== undefined && line("legalRep", r.base.legalRep, p.legalRep)}
      {p.qualifications !== undefined && (
        <div>
          <Typography.Text type="secondary">{t("enterpriseChange.qualifications", { from: r.base.qualifications.length, to: p.qualifications.length })}</Typography.Text>
          {p.qualifications.map((q) => (
            <div key={q.certNo} style={{ fontSize: 12 }}>
              {q.category} {q.grade} <span className="sc-mono">{q.certNo}</span> {q.expiresOn}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
