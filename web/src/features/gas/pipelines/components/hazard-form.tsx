import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { HAZARD_KIND_LABELS, type HazardDto, type HazardInput } from "@contracts/gas/patrol";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchPipelines, useReportHazard } from "../api";
import { pipelineKeys } from "../keys";

const FIELDS = ["pipelineId", "kind", "lng", "lat", "description", "foundAt", "enterpriseId", "patrolId"] as const;

type Values = Omit<HazardInput, "foundAt"> & { foundAt: Dayjs };

/** 上报隐患: a hazard found on patrol; the server opens its case and answers with the case number. */
export function HazardForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const report = useReportHazard();
  const required = useRequired();
  return (
    <FormModal<Values, HazardDto>
      title={t("gasPipelines.reportHazard")}
      width={640}
      onClose={onClose}
      submit={(v) => report.mutateAsync({ ...v, foundAt: v.foundAt.toISOString() })}
      pending={report.isPending}
      fields={FIELDS}
      success={null}
      onSaved={(h) => void message.success(`${t("common.saved")} · ${t("gasPipelines.case")} ${h.caseNo ?? ""}`)}
      initialValues={{ kind: "third_party_digging", foundAt: dayjs() }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t("gasPipelines.hazardKind")} rules={required}>
            <Select options={options(HAZARD_KIND_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="foundAt" label={t("gasPipelines.foundAt")} rules={required}>
            <DatePicker showTime style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="pipelineId" label={t("gasPipelines.pipeline")} extra={t("gasPipelines.hazardHint")}>
        <RemoteSelect scope={pipelineKeys.pipelines.all} fetchOptions={searchPipelines} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="lng" label={t("gasPipelines.lng")} rules={required}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lat" label={t("gasPipelines.lat")} rules={required}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t("gasPipelines.description")}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
