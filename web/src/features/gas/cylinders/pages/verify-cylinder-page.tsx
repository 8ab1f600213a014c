import { Alert, Card, Descriptions, Result, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { CYLINDER_TYPE_LABELS } from "@contracts/gas/cylinder-status";
import { ApiError } from "../../../../api/client";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { usePublicCylinder } from "../api";

/**
 * 钢瓶查询, reached by scanning a cylinder's QR code: no login, phone-sized. A plain 安全 / 不安全 verdict with
 * the reasons, the owner, the last fill and the dates; an unknown code says 查无此瓶. No personal data.
 */
export default function VerifyCylinderPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { code = "" } = useParams();
  const { data, error, isLoading } = usePublicCylinder(code);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div style={{ maxWidth: 560, margin: "0 auto", padding: "16px 12px" }}>
      <Typography.Title level={4} style={{ textAlign: "center" }}>
        {t("gasCyl.verify.title")}
      </Typography.Title>
      {isLoading && <Spin style={{ display: "block", margin: 48 }} />}
      {notFound && <Result status="error" title={t("gasCyl.verify.notFound")} subTitle={t("gasCyl.verify.notFoundHint")} extra={<Typography.Text code>{code}</Typography.Text>} />}
      {error && !notFound && <Alert type="error" showIcon title={t("common.loadFailed")} description={errorText(error)} />}
      {data && (
        <>
          <Result
            status={data.safe ? "success" : "error"}
            title={data.safe ? t("gasCyl.verify.safe") : t("gasCyl.verify.unsafe")}
            subTitle={data.safe ? t("gasCyl.verify.safeHint") : t("gasCyl.verify.unsafeHint")}
            style={{ padding: "16px 0" }}
          />
          {!data.safe && (
            <Alert
              type="error"
              style={{ marginBottom: 12 }}
              title={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {data.reasons.map((r) => (
                    <li key={r.code}>{r.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Card size="small">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t("gasCyl.code")}>{data.code}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.verify.owner")}>{data.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.verify.ownerStation")}>{data.stationName}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.type")}>
                <Tag>{label(CYLINDER_TYPE_LABELS, data.type)}</Tag> {data.spec} · {data.nominalFillKg} kg
              </Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.manufacturedOn")}>{data.manufacturedOn}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.verify.lastFill")}>{data.lastFill ? `${formatDateTime(data.lastFill.at)} · ${data.lastFill.stationName}` : t("gasCyl.verify.never")}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.nextInspectionOn")}>{data.nextInspectionOn}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.scrapOn")}>{data.scrapOn}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.verify.checkedOn")}>{data.checkedOn}</Descriptions.Item>
            </Descriptions>
          </Card>
        </>
      )}
    </div>
  );
}
