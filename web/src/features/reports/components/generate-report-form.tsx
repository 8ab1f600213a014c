import { Col, Form, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { REPORT_KIND_LABELS, type CreatedReportDto, type ReportKind } from "@contracts/reports/reports";
import { DateInput } from "../../../components/date-input";
import { FormModal, useRequired } from "../../../components/form-modal";
import { useLabels } from "../../../i18n/labels";
import { useGenerateReport } from "../api";

interface Values {
  kind: ReportKind;
  from?: string | null;
  to?: string | null;
}

/** 立即生成: the kind, and a custom span of days or (empty) the last complete day, week or month. */
export function GenerateReportForm({ onClose, onDone }: { onClose: () => void; onDone: (r: CreatedReportDto) => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const generate = useGenerateReport();
  const required = useRequired();
  const submit = (v: Values) => generate.mutateAsync({ kind: v.kind, ...(v.from || v.to ? { from: v.from ?? undefined, to: v.to ?? undefined } : {}) });
  return (
    <FormModal<Values, CreatedReportDto>
      title={t("reports.generate")}
      okText={t("reports.generate")}
      onClose={onClose}
      submit={submit}
      pending={generate.isPending}
      fields={["kind", "from", "to"]}
      initialValues={{ kind: "weekly" }}
      success={null}
      onSaved={onDone}
      intro={<Typography.Text type="secondary">{t("reports.customRangeHint")}</Typography.Text>}
    >
      <Form.Item name="kind" label={t("reports.kind")} rules={required}>
        <Select options={options(REPORT_KIND_LABELS)} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="from" label={t("reports.customRange")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="to" label=" ">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      {generate.isPending && <Typography.Text type="secondary">{t("reports.generating")}</Typography.Text>}
    </FormModal>
  );
}
