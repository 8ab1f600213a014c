import { Alert, Card, Descriptions, Result, Spin, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { CONCLUSION_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { ApiError } from "../../../api/client";
import { formatDateTime, orDash } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { usePublicReport } from "../api";
import { errorText } from "../../../components/form-utils";

/**
 * 检测报告真伪查验, reached by scanning a report's QR code: no login, phone-sized. A known code shows
 * 真实有效 with the report's key data and every change since issue; an unknown one says so plainly.
 */
export default function VerifyReportPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { code = "" } = useParams();
  const { data, error, isLoading } = usePublicReport(code);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div style={{ maxWidth: 560, margin: "0 auto", padding: "16px 12px" }}>
      <Typography.Title level={4} style={{ textAlign: "center" }}>
        {t("testing.verify.title")}
      </Typography.Title>
      {isLoading && <Spin style={{ display: "block", margin: 48 }} />}
      {notFound && <Result status="error" title={t("testing.verify.notFound")} subTitle={t("testing.verify.notFoundHint")} extra={<Typography.Text code>{code}</Typography.Text>} />}
      {error && !notFound && <Alert type="error" showIcon title={t("common.loadFailed")} description={errorText(error)} />}
      {data && (
        <>
          <Result status="success" title={t("testing.verify.genuine")} subTitle={t("testing.verify.genuineHint")} style={{ padding: "16px 0" }} />
          <Card size="small">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t("testing.reportNo")}>{data.reportNo}</Descriptions.Item>
              <Descriptions.Item label={t("testing.project")}>{data.projectName}</Descriptions.Item>
              <Descriptions.Item label={t("testing.agency")}>{data.agencyName}</Descriptions.Item>
              <Descriptions.Item label={t("testing.sampleType")}>{label(SAMPLE_TYPE_LABELS, data.sampleType)}</Descriptions.Item>
              <Descriptions.Item label={t("testing.strengthClass")}>{orDash(data.strengthClass)}</Descriptions.Item>
              <Descriptions.Item label={t("testing.lotNo")}>{orDash(data.lotNo)}</Descriptions.Item>
              <Descriptions.Item label={t("testing.part")}>{orDash(data.part)}</Descriptions.Item>
              <Descriptions.Item label={t("testing.witness")}>{data.witnessed ? orDash(data.witnessName) : t("common.no")}</Descriptions.Item>
              <Descriptions.Item label={t("testing.testedOn")}>{data.testedOn}</Descriptions.Item>
              <Descriptions.Item label={t("testing.conclusion")}>
                <Tag color={data.conclusion === "pass" ? "success" : "error"}>{label(CONCLUSION_LABELS, data.conclusion)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("testing.verify.issuedAt")}>{formatDateTime(data.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label={t("testing.revision")}>{data.revision}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t("testing.verify.history")} style={{ marginTop: 12 }}>
            {data.revisions.length === 0 ? (
              <Typography.Text type="secondary">{t("testing.verify.noHistory")}</Typography.Text>
            ) : (
              <Timeline
                items={data.revisions.map((r) => ({
                  content: (
                    <>
                      <div>
                        {formatDateTime(r.at)} · {t("testing.verify.revisedTo", { n: r.revision })}
                      </div>
                      <Typography.Text type="secondary">{r.reason}</Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
