import { useEffect, useState } from "react";
import { App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { COMMANDS } from "@contracts/iot/commands";
import type { DeviceDto } from "@contracts/iot/devices";
import { showSaveError } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchDevices } from "../../devices/api";
import { iotKeys } from "../../keys";
import { COMMAND_NAME_LABELS } from "@contracts/iot/labels";
import { parseCommandParams } from "../params";
import { useSendCommand } from "../api";

interface Values {
  deviceId: string;
  name: string;
  params?: string;
  ttlS: number;
}

/**
 * 下发指令: pick a device (or use the given one), then one of the commands its type understands.
 * Parameters are an optional JSON object of strings, numbers and booleans.
 */
export function SendCommandModal({ open, onClose, device }: { open: boolean; onClose: () => void; device?: DeviceDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = useSendCommand();
  // The picked device's type decides the command names; searched devices are remembered by id.
  const [picked, setPicked] = useState<Map<string, DeviceDto>>(new Map());
  const deviceId = Form.useWatch("deviceId", form);
  const current = device ?? (deviceId ? picked.get(deviceId) : undefined);
  const names = current ? (COMMANDS[current.type] ?? []) : [];

  useEffect(() => {
    if (open) form.setFieldsValue({ deviceId: device?.id, ttlS: 300, name: undefined, params: undefined });
  }, [open, device, form]);

  const fetchOptions = async (q: string) => {
    const found = await searchDevices(q);
    setPicked((prev) => new Map([...prev, ...found.map((o) => [o.value, o.device] as const)]));
    return found.map(({ value, label: l }) => ({ value, label: l }));
  };

  const submit = async (v: Values) => {
    const params = parseCommandParams(v.params);
    if (!params.ok) {
      form.setFields([{ name: "params", errors: [t("command.paramsInvalid")] }]);
      return;
    }
    try {
      await send.mutateAsync({ deviceId: v.deviceId, name: v.name, params: params.value, ttlS: v.ttlS });
      message.success(t("command.sent"));
      onClose();
    } catch (e) {
      showSaveError(form, e, ["name", "params", "ttlS"], message);
    }
  };

  const required = { required: true, message: t("common.required") };
  return (
    <Modal open={open} title={t("command.sendTitle")} onCancel={onClose} onOk={() => form.submit()} okText={t("command.send")} okButtonProps={{ loading: send.isPending }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} onValuesChange={(changed: Partial<Values>) => "deviceId" in changed && form.setFieldValue("name", undefined)}>
        <Form.Item name="deviceId" label={t("command.device")} rules={[required]}>
          <RemoteSelect
            scope={[...iotKeys.devices.all, "picker"]}
            fetchOptions={fetchOptions}
            disabled={!!device}
            knownOptions={device ? [{ value: device.id, label: `${device.code} ${device.name}` }] : []}
            placeholder={t("command.pickDevice")}
          />
        </Form.Item>
        <Form.Item name="name" label={t("command.name")} rules={[required]} extra={current && !names.length ? t("command.noCommands") : undefined}>
          <Select disabled={!names.length} options={names.map((n) => ({ value: n, label: `${label(COMMAND_NAME_LABELS, n)} (${n})` }))} />
        </Form.Item>
        <Form.Item name="params" label={t("command.params")} extra={t("command.paramsHelp")}>
          <Input.TextArea rows={2} className="sc-mono" placeholder='{"durationS": 600}' />
        </Form.Item>
        <Form.Item name="ttlS" label={t("command.ttlS")} rules={[required]}>
          <InputNumber min={10} max={86_400} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
