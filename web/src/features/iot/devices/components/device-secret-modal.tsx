import { Alert, App, Button, Descriptions, Flex, Modal, Typography } from "antd";
import { CopyOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { DeviceWithSecretDto } from "@contracts/iot/devices";
import { copyText } from "../../../../components/copy-text";

/**
 * The device secret, shown exactly once (after registration or rotation): MQTT username = device code,
 * password = secret; a copy button and a warning that it cannot be seen again.
 */
export function DeviceSecretModal({ device, onClose }: { device: DeviceWithSecretDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async (text: string) => {
    if (await copyText(text)) message.success(t("common.copied"));
  };
  return (
    <Modal
      open={!!device}
      title={t("device.secretTitle")}
      onCancel={onClose}
      mask={{ closable: false }}
      width={620}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("device.secretSaved")}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t("device.secretOnce")} style={{ marginBottom: 16 }} />
      {device && (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: "name", label: t("device.name"), children: device.name },
            { key: "user", label: t("device.mqttUsername"), children: <span className="sc-mono">{device.code}</span> },
            {
              key: "secret",
              label: t("device.secret"),
              children: (
                <Flex gap={8} align="center">
                  <Typography.Text code style={{ wordBreak: "break-all", flex: 1 }} aria-label="secret">
                    {device.secret}
                  </Typography.Text>
                  <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(device.secret)}>
                    {t("common.copy")}
                  </Button>
                </Flex>
              ),
            },
            { key: "topic", label: t("device.topic"), children: <span className="sc-mono">{`sitecloud/v1/${device.code}/telemetry`}</span> },
          ]}
        />
      )}
    </Modal>
  );
}
