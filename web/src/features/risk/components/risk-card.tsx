import { Card, Descriptions, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { EChart } from "../../../charts/echart";
import { formatDateTime } from "../../../components/format";
import { QueryState } from "../../../components/query-state";
import { useProjectRisk } from "../api";
import { RiskFactors } from "./risk-factors";
import { RiskLevelTag } from "./risk-level-tag";

/** The project page's risk tab: score, level, the factors with their evidence, and the trend. */
export function RiskCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const q = useProjectRisk(projectId);
  const r = q.data;
  if (!r) return <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()} />;
  return (
        <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="risk-card">
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
              <Descriptions.Item label={t("risk.score")}>
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="risk-score">
                  {r.score}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("risk.level")}>
                <RiskLevelTag level={r.level} />
              </Descriptions.Item>
              <Descriptions.Item label={t("risk.computedAt")}>{formatDateTime(r.computedAt)}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">{t("risk.explain")}</Typography.Text>
          </Card>
          <RiskFactors factors={r.factors} projectId={projectId} />
          {r.history.length > 1 && (
            <Card size="small" title={t("risk.trend")}>
              <EChart
                style={{ height: 220 }}
                ariaLabel={t("risk.trend")}
                option={{
                  grid: { left: 36, right: 16, top: 16, bottom: 28 },
                  tooltip: { trigger: "axis" },
                  xAxis: { type: "category", data: r.history.map((h) => h.day) },
                  yAxis: { type: "value", min: 0, max: 100 },
                  series: [{ type: "line", data: r.history.map((h) => h.score), areaStyle: { opacity: 0.15 } }],
                }}
              />
            </Card>
          )}
        </Space>
  );
}
