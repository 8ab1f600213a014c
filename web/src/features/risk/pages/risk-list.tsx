import { Space, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RISK_FACTOR_LABELS, RISK_LEVEL_LABELS, type ProjectRiskDto } from "@contracts/risk/risk";
import { formatDateTime } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { useRiskRanking } from "../api";
import { RiskLevelTag } from "../components/risk-level-tag";

/** 项目风险排名: every project in the caller's scope by its latest risk score, highest first, each with its main factors. */
export default function RiskListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <ListPage<ProjectRiskDto>
      title={t("risk.title")}
      permission="registry.project.read"
      useRows={useRiskRanking}
      rowKey="projectId"
      exportPath="/risk/projects"
      notice={<Typography.Text type="secondary">{t("risk.explain")}</Typography.Text>}
      filters={[
        { key: "level", label: t("risk.level"), labels: RISK_LEVEL_LABELS, width: 140 },
        { kind: "text", key: "district", label: t("risk.district"), width: 160 },
      ]}
      columns={[
        { title: t("risk.project"), dataIndex: "projectName", width: 280, render: (name: string, r) => <Link to={`/projects/${r.projectId}?tab=risk`}>{name}</Link> },
        { title: t("risk.score"), dataIndex: "score", width: 90, render: (s: number) => <Typography.Text strong>{s}</Typography.Text> },
        { title: t("risk.level"), dataIndex: "level", width: 100, render: (l: ProjectRiskDto["level"]) => <RiskLevelTag level={l} /> },
        {
          title: t("risk.factors"),
          key: "factors",
          render: (_: unknown, r) => (
            <Space wrap size={[12, 0]}>
              {r.factors.slice(0, 4).map((f) => (
                <span key={f.code}>
                  <Typography.Text type="secondary">{f.code in RISK_FACTOR_LABELS ? label(RISK_FACTOR_LABELS, f.code) : f.label} </Typography.Text>
                  <Typography.Text>{f.points}</Typography.Text>
                </span>
              ))}
            </Space>
          ),
        },
        { title: t("risk.computedAt"), dataIndex: "computedAt", width: 150, render: formatDateTime },
      ]}
    />
  );
}
