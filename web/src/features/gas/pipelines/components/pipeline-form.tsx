import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { LineStringInput, PIPE_MATERIAL_SUGGESTIONS, PRESSURE_CLASS_LABELS, type PipelineDto, type PipelineInput } from "@contracts/gas/pipeline";
import { keys } from "../../../../api/query-keys";
import { useMe } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchGasCompanies, useCreatePipeline, useUpdatePipeline } from "../api";

const FIELDS = ["code", "name", "enterpriseId", "pressureClass", "material", "diameterMm", "laidOn", "geometry"] as const;

type Values = Omit<PipelineInput, "geometry"> & { coordinatesText: string };

/** Parses the coordinates box: a JSON array of [lng, lat] pairs, checked by the same contract as the server. */
function parseCoordinates(text: string) {
  try {
    const parsed = LineStringInput.safeParse({ type: "LineString", coordinates: JSON.parse(text) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** 新增/编辑管线: the bureau (admin) names the owner; a gas company files its own lines. */
export function PipelineForm({ initial, onClose }: { initial: PipelineDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const me = useMe();
  const create = useCreatePipeline();
  const update = useUpdatePipeline(initial?.id ?? "");
  const pending = create.isPending || update.isPending;
  const submit = ({ coordinatesText, ...v }: Values) => {
    const geometry = parseCoordinates(coordinatesText)!;
    return initial ? update.mutateAsync({ ...v, enterpriseId: undefined, geometry } as never) : create.mutateAsync({ ...v, geometry });
  };
  const required = useRequired();
  return (
    <FormModal<Values>
      title={t(initial ? "gasPipelines.editPipeline" : "gasPipelines.newPipeline")}
      width={720}
      onClose={onClose}
      submit={submit}
      pending={pending}
      fields={FIELDS}
      initialValues={initial ? { ...initial, coordinatesText: JSON.stringify(initial.geometry.coordinates) } : { pressureClass: "medium", material: "PE100 SDR11", coordinatesText: "" }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t("gasPipelines.code")} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t("gasPipelines.name")} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      {!initial && me.data?.role === "admin" && (
        <Form.Item name="enterpriseId" label={t("gasPipelines.owner")} rules={required}>
          <RemoteSelect scope={[...keys.enterprises.all, "gas"]} fetchOptions={searchGasCompanies} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="pressureClass" label={t("gasPipelines.pressureClass")} rules={required}>
            <Select options={options(PRESSURE_CLASS_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="material" label={t("gasPipelines.material")} rules={required}>
            <AutoComplete options={PIPE_MATERIAL_SUGGESTIONS.map((value) => ({ value }))} maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="diameterMm" label={t("gasPipelines.diameter")}>
            <InputNumber min={10} max={2000} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="laidOn" label={t("gasPipelines.laidOn")}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="coordinatesText"
        label={t("gasPipelines.geometry")}
        extra={t("gasPipelines.geometryHint")}
        rules={[...required, { validator: async (_, v: string) => (!v || parseCoordinates(v) ? undefined : Promise.reject(new Error(t("gasPipelines.geometryInvalid")))) }]}
      >
        <Input.TextArea rows={4} spellCheck={false} style={{ fontFamily: "monospace" }} />
      </Form.Item>
    </FormModal>
  );
}
