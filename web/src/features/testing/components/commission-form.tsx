import { useMemo, useState } from "react";
import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { CreateCommissionInput } from "@contracts/testing/commission";
import { CONCRETE_GRADES, REBAR_GRADES, SAMPLE_TYPE_LABELS, type SampleType } from "@contracts/testing/enums";
import { keys } from "../../../api/query-keys";
import { FormModal, useRequired } from "../../../components/form-modal";
import { RemoteSelect } from "../../../components/remote-select";
import { useLabels } from "../../../i18n/labels";
import { searchPersons } from "../../registry/persons/api";
import { searchProjects, useProject } from "../../registry/projects/api";
import { searchAgencies, useCreateCommission } from "../api";
import { testingKeys } from "../keys";

const FIELDS = ["agencyId", "sampleType", "strengthClass", "lotNo", "part", "spec", "specimenCount", "specimenSizeMm", "batchTonnes", "witnessed", "witnessPersonId", "samplerPersonId"] as const;
/** Participant roles whose staff may witness (mirrors the server's rule; the server has the last word). */
const WITNESS_ROLES = new Set(["builder", "supervisor"]);

type Values = CreateCommissionInput & { projectId?: string };

/** 新建委托: sample, agency qualified for it, and for a witnessed sample the witness from the client's or supervisor's staff on the project. */
export function CommissionForm({ open, onClose, projectId: fixedProject }: { open: boolean; onClose: () => void; projectId?: string }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<string | undefined>(fixedProject);
  const projectId = fixedProject ?? picked;
  const project = useProject(projectId ?? "");
  const create = useCreateCommission(projectId ?? "");
  const sampleType = Form.useWatch("sampleType", form) as SampleType | undefined;
  const witnessed = Form.useWatch("witnessed", form) as boolean | undefined;

  const witnessOptions = useMemo(() => {
    const roles = new Map((project.data?.participants ?? []).map((p) => [p.enterpriseId, p.role]));
    return (project.data?.posts ?? []).filter((p) => !p.endedOn && WITNESS_ROLES.has(roles.get(p.enterpriseId) ?? "")).map((p) => ({ value: p.personId, label: `${p.personName}（${p.enterpriseName}）` }));
  }, [project.data]);

  const required = useRequired();
  const classOptions = sampleType === "concrete" ? CONCRETE_GRADES : sampleType === "rebar" ? REBAR_GRADES : null;

  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t("testing.newCommission")}
      width={720}
      okDisabled={!projectId}
      onClose={onClose}
      submit={({ projectId: _p, ...values }) => create.mutateAsync({ ...values, witnessPersonId: values.witnessed ? values.witnessPersonId : null })}
      pending={create.isPending}
      fields={FIELDS}
      success={t("common.created")}
      initialValues={{ sampleType: "concrete", specimenCount: 3, specimenSizeMm: 150, witnessed: true }}
    >
      {!fixedProject && (
        <Form.Item name="projectId" label={t("testing.project")} rules={required}>
          <RemoteSelect scope={keys.projects.all} fetchOptions={searchProjects} placeholder={t("testing.pickProject")} onChange={(v) => setPicked((v as string) ?? undefined)} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="sampleType" label={t("testing.sampleType")} rules={required}>
            <Select options={options(SAMPLE_TYPE_LABELS)} onChange={() => form.setFieldsValue({ strengthClass: undefined, agencyId: undefined })} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="agencyId" label={t("testing.agency")} rules={required}>
            <RemoteSelect key={sampleType} scope={[...testingKeys.agencies.all, sampleType]} fetchOptions={(q) => searchAgencies(q, sampleType)} placeholder={t("testing.pickAgency")} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="strengthClass" label={t("testing.strengthClass")} rules={classOptions ? required : []}>
            {classOptions ? <Select showSearch options={classOptions.map((c) => ({ value: c, label: c }))} /> : <Input maxLength={20} />}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lotNo" label={t("testing.lotNo")} rules={classOptions ? required : []}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="part" label={t("testing.part")}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="spec" label={t("testing.spec")}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="specimenCount" label={t("testing.specimenCount")} rules={required}>
            <InputNumber min={1} max={1000} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        {sampleType === "rebar" && (
          <Col span={8}>
            <Form.Item name="batchTonnes" label={t("testing.batchTonnes")} extra={t("testing.batchTonnesHint")}>
              <InputNumber min={0.01} max={10000} step={1} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
        {sampleType === "concrete" && (
          <Col span={8}>
            <Form.Item name="specimenSizeMm" label={t("testing.specimenSize")}>
              <Select options={[100, 150, 200].map((v) => ({ value: v, label: `${v} mm` }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="witnessed" label={t("testing.witnessed")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="witnessPersonId" label={t("testing.witness")} rules={witnessed ? required : []} extra={t("testing.witnessHint")}>
            <Select disabled={!witnessed} allowClear loading={project.isLoading} options={witnessOptions} placeholder={t("testing.pickPerson")} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="samplerPersonId" label={t("testing.sampler")}>
            <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} placeholder={t("testing.pickPerson")} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
