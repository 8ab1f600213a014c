import { useEffect } from "react";
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { CreateDeviceInput, DEVICE_TYPES, SITELESS_DEVICE_TYPES, type DeviceDto, type DeviceType, type DeviceWithSecretDto, type UpdateDeviceInput } from "@contracts/iot/devices";
import type { EnterpriseSummaryDto } from "@contracts/registry/enterprise";
import { api } from "../../../../api/client";
import type { Page } from "../../../../api/page";
import { keys } from "../../../../api/query-keys";
import { zodRule, showSaveError } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchProjects } from "../../../registry/projects/api";
import { DEVICE_TYPE_LABELS } from "@contracts/iot/labels";
import { useCreateDevice, useUpdateDevice } from "../api";

/** Gas companies only: the owner of a device off-site must be one (the server refuses any other). */
async function searchGasCompanies(q: string) {
  const page = await api<Page<EnterpriseSummaryDto>>("/enterprises", { query: { q, type: "gas", pageSize: 20 } });
  return page.items.map((e) => ({ value: e.id, label: e.name }));
}

interface Values {
  /** Form-only: whether a siteless type is registered on a site or for its owning enterprise. */
  owner: "site" | "enterprise";
  projectId?: string;
  enterpriseId?: string;
  type: DeviceType;
  code: string;
  name: string;
  model?: string;
  vendor?: string;
  location?: string;
  reportIntervalS: number;
  equipmentRef?: string;
  streamUrl?: string;
}

const FIELDS = ["projectId", "enterpriseId", "type", "code", "name", "model", "vendor", "location", "reportIntervalS", "equipmentRef", "streamUrl"] as const;
const OPTIONAL = ["model", "vendor", "location", "equipmentRef", "streamUrl"] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  /** Edit this device (project, type and code are fixed: the code is its MQTT identity). */
  device?: DeviceDto;
  /** Preselects the project (registering from a project page). */
  projectId?: string;
  /** After registration: the answer carrying the one-time secret. */
  onCreated?: (d: DeviceWithSecretDto) => void;
}

/** 登记设备 / 编辑设备. */
export function DeviceForm({ open, onClose, device, projectId, onCreated }: Props) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDevice();
  const update = useUpdateDevice(device?.id ?? "");
  const type = Form.useWatch("type", form);
  const owner = Form.useWatch("owner", form);
  const siteless = !!type && SITELESS_DEVICE_TYPES.includes(type);
  const onSite = !siteless || owner !== "enterprise";

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (device) {
      form.setFieldsValue({
        ...device,
        owner: device.projectId ? "site" : "enterprise",
        projectId: device.projectId ?? undefined,
        enterpriseId: device.enterpriseId ?? undefined,
        model: device.model ?? undefined,
        vendor: device.vendor ?? undefined,
        location: device.location ?? undefined,
        equipmentRef: device.equipmentRef ?? undefined,
        streamUrl: device.streamUrl ?? undefined,
      });
    } else form.setFieldsValue({ owner: "site", projectId, reportIntervalS: 60 });
  }, [open, device, projectId, form]);

  const submit = async (v: Values) => {
    try {
      if (device) {
        const { owner: _o, projectId: _p, enterpriseId: _e, type: _t, code: _c, ...rest } = v;
        // The contract has no nulls here: an emptied text field is sent as "" so it is cleared.
        const body: UpdateDeviceInput = { ...rest, ...Object.fromEntries(OPTIONAL.map((k) => [k, rest[k] ?? ""])) };
        await update.mutateAsync(body);
        message.success(t("common.saved"));
        onClose();
      } else {
        const { owner: _o, ...fields } = v;
        // Exactly one owner is sent: the site, or (a siteless type) the enterprise.
        const owned = onSite ? { ...fields, enterpriseId: undefined } : { ...fields, projectId: undefined };
        const body = Object.fromEntries(Object.entries(owned).filter(([, x]) => x !== undefined && x !== "")) as unknown as CreateDeviceInput;
        const created = await create.mutateAsync(body);
        onClose();
        onCreated?.(created);
      }
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };

  const required = { required: true, message: t("common.required") };
  return (
    <Modal
      open={open}
      title={device ? t("device.editTitle") : t("device.createTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      width={720}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="type" label={t("device.type")} rules={[required]}>
              <Select options={options(DEVICE_TYPE_LABELS).filter((o) => DEVICE_TYPES.includes(o.value))} disabled={!!device} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="owner" label={t("iotOwner.owner")} hidden={!siteless} extra={siteless && !onSite ? t("iotOwner.ownerHelp") : undefined}>
              <Radio.Group
                disabled={!!device}
                optionType="button"
                options={[
                  { value: "site", label: t("iotOwner.ownerSite") },
                  { value: "enterprise", label: t("iotOwner.ownerEnterprise") },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            {onSite ? (
              <Form.Item name="projectId" label={t("device.project")} rules={[required]}>
                <RemoteSelect
                  scope={keys.projects.all}
                  fetchOptions={searchProjects}
                  disabled={!!device}
                  knownOptions={device?.projectId ? [{ value: device.projectId, label: device.projectName ?? "" }] : []}
                  placeholder={t("device.pickProject")}
                />
              </Form.Item>
            ) : (
              <Form.Item name="enterpriseId" label={t("iotOwner.enterprise")} rules={[required]}>
                <RemoteSelect
                  scope={keys.enterprises.all}
                  fetchOptions={searchGasCompanies}
                  disabled={!!device}
                  knownOptions={device?.enterpriseId ? [{ value: device.enterpriseId, label: device.enterpriseName ?? "" }] : []}
                  placeholder={t("iotOwner.pickEnterprise")}
                />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="code" label={t("device.code")} rules={[required, zodRule(CreateDeviceInput.shape.code)]} extra={!device && t("device.codeHelp")}>
              <Input className="sc-mono" disabled={!!device} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t("device.name")} rules={[required, zodRule(CreateDeviceInput.shape.name)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reportIntervalS" label={t("device.reportIntervalS")} rules={[required]}>
              <InputNumber min={1} max={86_400} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="vendor" label={t("device.vendor")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="model" label={t("device.model")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="location" label={t("device.location")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="equipmentRef" label={t("device.equipmentRef")} extra={t("device.equipmentRefHelp")}>
              <Input />
            </Form.Item>
          </Col>
          {type === "camera" && (
            <Col span={24}>
              <Form.Item name="streamUrl" label={t("device.streamUrl")}>
                <Input placeholder="rtsp:// · https://…m3u8" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
