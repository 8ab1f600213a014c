import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import type { PatrolPlanDto, PatrolPlanInput } from "@contracts/gas/patrol";
import { useMe } from "../../../../auth/use-can";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchGasCompanies, searchPipelines, useSavePlan } from "../api";
import { pipelineKeys } from "../keys";

const FIELDS = ["name", "enterpriseId", "pressureClasses", "pipelineIds", "intervalDays", "active"] as const;

/** 巡线计划: lines by pressure class and/or named lines, patrolled every N days. */
export function PlanForm({ initial, onClose }: { initial: PatrolPlanDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const me = useMe();
  const save = useSavePlan(initial?.id);
  const required = useRequired();
  return (
    <FormModal<PatrolPlanInput>
      title={t(initial ? "gasPipelines.editPlan" : "gasPipelines.newPlan")}
      width={640}
      onClose={onClose}
      submit={(v) => save.mutateAsync({ ...v, pressureClasses: v.pressureClasses ?? [], pipelineIds: v.pipelineIds ?? [] })}
      pending={save.isPending}
      fields={FIELDS}
      initialValues={initial ?? { intervalDays: 1, active: true, pressureClasses: ["medium"], pipelineIds: [] }}
    >
      <Form.Item name="name" label={t("gasPipelines.planName")} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      {!initial && me.data?.role === "admin" && (
        <Form.Item name="enterpriseId" label={t("gasPipelines.owner")} rules={required}>
          <RemoteSelect scope={[...pipelineKeys.plans.all, "companies"]} fetchOptions={searchGasCompanies} />
        </Form.Item>
      )}
      <Form.Item name="pressureClasses" label={t("gasPipelines.pressureClasses")}>
        <Select mode="multiple" options={options(PRESSURE_CLASS_LABELS)} />
      </Form.Item>
      <Form.Item name="pipelineIds" label={t("gasPipelines.pipelineIds")}>
        <RemoteSelect mode="multiple" scope={pipelineKeys.pipelines.all} fetchOptions={searchPipelines} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="intervalDays" label={t("gasPipelines.intervalDays")} rules={required}>
            <InputNumber min={1} max={365} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="active" label={t("gasPipelines.active")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
