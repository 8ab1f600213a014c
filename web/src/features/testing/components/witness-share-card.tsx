import { Alert, Card, Progress, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import type { WitnessShareDto } from "@contracts/testing/commission";
import { useLabels } from "../../../i18n/labels";
import { useWitnessShare } from "../api";
import { errorText } from "../../../components/form-utils";

type Row = WitnessShareDto["rows"][number];

/** 见证取样比例 of one project by sample type, each against the rule's share, the ones below flagged. */
export function WitnessShareCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { data, isLoading, error } = useWitnessShare(projectId);
  const pct = Math.round((data?.minShare ?? 0.3) * 100);
  return (
    <Card size="small" title={t("testing.share.title")} extra={<span>{t("testing.share.required", { pct })}</span>} style={{ marginBottom: 12 }}>
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      {data?.below && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${t("testing.share.below")}：${data.rows.filter((r) => r.below).map((r) => label(SAMPLE_TYPE_LABELS, r.sampleType)).join("、")}`} />}
      <Table<Row>
        size="small"
        rowKey="sampleType"
        loading={isLoading}
        pagination={false}
        dataSource={data?.rows}
        columns={[
          { title: t("testing.sampleType"), dataIndex: "sampleType", render: (v: string) => label(SAMPLE_TYPE_LABELS, v) },
          { title: t("testing.share.total"), dataIndex: "total", align: "right", width: 90 },
          { title: t("testing.share.witnessed"), dataIndex: "witnessed", align: "right", width: 90 },
          {
            title: t("testing.share.share"),
            dataIndex: "share",
            width: 200,
            render: (s: number, r) => <Progress size="small" percent={Math.round(s * 1000) / 10} status={r.below ? "exception" : "normal"} format={(p) => `${p}%`} />,
          },
          {
            title: "",
            key: "flag",
            width: 90,
            render: (_: unknown, r) =>
              !r.required ? <Tag>{t("testing.share.notRequired")}</Tag> : r.below ? <Tag color="error">{t("testing.share.below")}</Tag> : r.total > 0 ? <Tag color="success">{t("testing.share.ok")}</Tag> : null,
          },
        ]}
      />
    </Card>
  );
}
