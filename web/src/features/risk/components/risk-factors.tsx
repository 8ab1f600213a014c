import { Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { RISK_FACTOR_LABELS, type RiskFactorDto } from "@contracts/risk/risk";
import { useLabels } from "../../../i18n/labels";
import { EvidenceLink } from "./evidence-link";

/** The factors of a score: label, points and the evidence records behind them. */
export function RiskFactors({ factors, projectId }: { factors: RiskFactorDto[]; projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  if (factors.length === 0) return <Typography.Text type="secondary">{t("risk.noFactors")}</Typography.Text>;
  return (
    <Table<RiskFactorDto>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={factors}
      columns={[
        { title: t("risk.factors"), key: "label", width: 200, render: (_: unknown, f) => (f.code in RISK_FACTOR_LABELS ? label(RISK_FACTOR_LABELS, f.code) : f.label) },
        { title: t("risk.score"), dataIndex: "points", width: 90, render: (p: number) => t("risk.points", { points: p }) },
        {
          title: t("risk.evidence"),
          key: "evidence",
          render: (_: unknown, f) => (
            <Space wrap size={[8, 0]}>
              {f.evidence.map((e) => (
                <EvidenceLink key={`${e.type}:${e.id}`} evidence={e} projectId={projectId} />
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
