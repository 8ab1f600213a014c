import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PROJECT_TYPE_LABELS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { CreateProjectInput, type ProjectDto } from "@contracts/registry/project";
import { DateInput } from "../../../../components/date-input";
import { FormModal } from "../../../../components/form-modal";
import { nullIfEmpty, zodRule } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useCreateProject, useUpdateProject } from "../api";

type Values = CreateProjectInput;

const FIELDS = ["code", "name", "type", "district", "address", "lng", "lat", "areaM2", "contractValueWan", "permitNo", "plannedStart", "plannedEnd", "contractSignedOn"] as const;
const NULLABLE = ["lng", "lat", "areaM2", "contractValueWan", "permitNo", "plannedStart", "plannedEnd", "contractSignedOn"] as const;

/** 新建 / 编辑项目 in a drawer; checks mirror CreateProjectInput, server issues land on their fields. */
export function ProjectForm({ open, onClose, project }: { open: boolean; onClose: () => void; project?: ProjectDto }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const navigate = useNavigate();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? "");
  const saving = create.isPending || update.isPending;

  const submit = (values: Values) => {
    const body = nullIfEmpty(values, NULLABLE);
    const { code: _code, ...patch } = body;
    return project ? update.mutateAsync(patch) : create.mutateAsync(body);
  };

  const shape = CreateProjectInput.shape;
  return (
    <FormModal<Values, ProjectDto>
      drawer
      open={open}
      onClose={onClose}
      title={t(project ? "project.editTitle" : "project.createTitle")}
      width={640}
      submit={submit}
      pending={saving}
      fields={FIELDS}
      success={t(project ? "common.saved" : "common.created")}
      onSaved={(saved) => !project && navigate(`/projects/${saved.id}`)}
      initialValues={project ?? { address: "" }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="code" label={t("project.code")} rules={[{ required: !project, message: t("common.required") }, zodRule(shape.code)]}>
            <Input disabled={!!project} placeholder="YK-2025-001" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label={t("project.type")} rules={[{ required: true, message: t("common.required") }]}>
            <Select options={options(PROJECT_TYPE_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t("project.name")} rules={[{ required: true, message: t("common.required") }, zodRule(shape.name)]}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="district" label={t("project.district")} rules={[{ required: true, message: t("common.required") }]}>
            <Select showSearch options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="permitNo" label={t("project.permitNo")} rules={[zodRule(shape.permitNo)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t("project.address")} rules={[zodRule(shape.address)]}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="lng" label={t("project.lng")}>
            <InputNumber style={{ width: "100%" }} min={-180} max={180} placeholder="120.04" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lat" label={t("project.lat")}>
            <InputNumber style={{ width: "100%" }} min={-90} max={90} placeholder="28.89" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="areaM2" label={t("project.areaM2")}>
            <InputNumber style={{ width: "100%" }} min={0} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contractValueWan" label={t("project.contractValueWan")}>
            <InputNumber style={{ width: "100%" }} min={0} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="plannedStart" label={t("project.plannedStart")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="plannedEnd"
            label={t("project.plannedEnd")}
            dependencies={["plannedStart"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, v: string | null) => {
                  const start = getFieldValue("plannedStart") as string | null;
                  if (v && start && v < start) throw new Error(`${t("project.plannedEnd")} < ${t("project.plannedStart")}`);
                },
              }),
            ]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contractSignedOn" label={t("project.contractSignedOn")} tooltip={t("project.contractSignedOnHint")}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
