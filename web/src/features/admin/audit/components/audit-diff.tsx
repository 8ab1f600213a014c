import { Col, Descriptions, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntryDto } from "@contracts/platform/auth";

const pretty = (v: unknown) => (v == null ? "—" : JSON.stringify(v, null, 2));

/** Before / after JSON of one audit entry, side by side, with the request it came from. */
export function AuditDiff({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t("audit.before")}</Typography.Text>
          <pre className="sc-json">{pretty(entry.before)}</pre>
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t("audit.after")}</Typography.Text>
          <pre className="sc-json">{pretty(entry.after)}</pre>
        </Col>
      </Row>
      <Descriptions
        size="small"
        column={2}
        style={{ marginTop: 8 }}
        items={[
          { key: "requestId", label: t("audit.requestId"), children: <span className="sc-mono">{entry.requestId ?? "—"}</span> },
          { key: "hash", label: t("audit.hash"), children: <span className="sc-mono">{entry.hash}</span> },
        ]}
      />
    </>
  );
}
