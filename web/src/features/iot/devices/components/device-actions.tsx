import { useState } from "react";
import { App, Button, Form, Input, Modal, Popconfirm, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { DeviceDto, DeviceWithSecretDto } from "@contracts/iot/devices";
import { useRotateSecret, useSetDeviceEnabled } from "../api";
import { errorText } from "../../../../components/form-utils";

/**
 * 重置密钥 (confirm, then the new secret once) and 停用 (with a reason) / 启用 (confirm).
 * Only rendered for users with `iot.device.manage`.
 */
export function DeviceActions({ device, onSecret, size = "small", type = "link" }: { device: DeviceDto; onSecret: (d: DeviceWithSecretDto) => void; size?: "small" | "middle"; type?: "link" | "default" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rotate = useRotateSecret();
  const setEnabled = useSetDeviceEnabled();
  const [disabling, setDisabling] = useState(false);
  const [reason, setReason] = useState("");

  const fail = (e: unknown) => message.error(errorText(e));

  const onRotate = async () => {
    try {
      onSecret(await rotate.mutateAsync(device.id));
    } catch (e) {
      fail(e);
    }
  };

  const onSetEnabled = async (enabled: boolean) => {
    try {
      await setEnabled.mutateAsync({ id: device.id, enabled, reason: reason.trim() || undefined });
      message.success(enabled ? t("device.enabledOk") : t("device.disabledOk"));
      setDisabling(false);
      setReason("");
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space size={0} wrap={false}>
      <Popconfirm title={t("device.rotateConfirm")} onConfirm={onRotate} okButtonProps={{ danger: true, loading: rotate.isPending }}>
        <Button type={type} size={size}>
          {t("device.rotate")}
        </Button>
      </Popconfirm>
      {device.enabled ? (
        <Button type={type} size={size} danger onClick={() => setDisabling(true)}>
          {t("device.disable")}
        </Button>
      ) : (
        <Popconfirm title={t("device.enableConfirm")} onConfirm={() => onSetEnabled(true)}>
          <Button type={type} size={size}>
            {t("device.enable")}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={disabling}
        title={t("device.disableTitle", { code: device.code })}
        onCancel={() => setDisabling(false)}
        onOk={() => void onSetEnabled(false)}
        okText={t("device.disable")}
        okButtonProps={{ danger: true, loading: setEnabled.isPending }}
        destroyOnHidden
      >
        <p>{t("device.disableConfirm")}</p>
        <Form layout="vertical">
          <Form.Item label={t("device.disableReason")}>
            <Input.TextArea rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
