import { Alert, App, Button, Flex, Modal, Typography } from "antd";
import { CopyOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CreatedApiTokenDto } from "@contracts/platform/auth";
import { copyText } from "../../../../components/copy-text";

/** Shows a new token's secret exactly once, with a copy button and a warning that it cannot be seen again. */
export function TokenCreatedModal({ token, onClose }: { token: CreatedApiTokenDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (token && (await copyText(token.token))) message.success(t("common.copied"));
  };
  return (
    <Modal
      open={!!token}
      title={t("token.createdTitle")}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("import.close")}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t("token.showOnce")} style={{ marginBottom: 16 }} />
      <Typography.Paragraph strong>{token?.name}</Typography.Paragraph>
      <Flex gap={8} align="center">
        <Typography.Text code style={{ wordBreak: "break-all", flex: 1 }} aria-label="token">
          {token?.token}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t("common.copy")}
        </Button>
      </Flex>
    </Modal>
  );
}
