import { useState } from "react";
import { Alert, App, Button, Flex, Modal, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { DELIVERY_STEP_LABELS, type DeliveryDto } from "@contracts/gas/delivery";
import { ApiError, apiUrl } from "../../../../api/client";
import { useCan, useMe } from "../../../../auth/use-can";
import { errorText } from "../../../../components/form-utils";
import { ListPage } from "../../../../components/list-page";
import { RemoteSelect } from "../../../../components/remote-select";
import { RowIssuesTable, type RowIssue } from "../../../../components/row-issues";
import { searchGasCompanies, useDeliveries, useUploadDeliveries } from "../api";
import { useDeliveryColumns } from "../components/delivery-columns";
import { gasDeliveryKeys } from "../keys";

/** The sheet upload answers at once: the counts, or every bad row (nothing recorded). */
function UploadModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const upload = useUploadDeliveries();
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ text: string; rows: RowIssue[] } | null>(null);
  const admin = me.data?.role === "admin";
  const send = async (file: File) => {
    setFailure(null);
    try {
      const r = await upload.mutateAsync({ file, enterpriseId });
      message.success(t("gasDelivery.uploaded", r));
      onClose();
    } catch (e) {
      const issues = e instanceof ApiError ? ((e.details as { issues?: RowIssue[] } | undefined)?.issues ?? []).filter((i) => typeof i.row === "number") : [];
      setFailure({ text: errorText(e), rows: issues });
    }
  };
  return (
    <Modal open title={t("gasDelivery.uploadDeliveries")} width={720} footer={<Button onClick={onClose}>{t("import.close")}</Button>} onCancel={onClose} destroyOnHidden>
      <Flex vertical gap={12}>
        <Flex align="center" justify="space-between">
          <Typography.Text type="secondary">{t("gasDelivery.uploadHint")}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={apiUrl("/gas/deliveries/import-template")} download>
            {t("import.template")}
          </Button>
        </Flex>
        {admin && <RemoteSelect scope={gasDeliveryKeys.deliveries.all} fetchOptions={searchGasCompanies} value={enterpriseId} onChange={(v) => setEnterpriseId(v as string | undefined)} placeholder={t("gasDelivery.enterprise")} />}
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={upload.isPending || (admin && !enterpriseId)}
          beforeUpload={(file) => {
            void send(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("import.drop")}</p>
        </Upload.Dragger>
        {failure && <Alert type="error" showIcon title={failure.text} />}
        {failure && failure.rows.length > 0 && <RowIssuesTable issues={failure.rows} />}
      </Flex>
    </Modal>
  );
}

/** 配送记录: every scanned step of the chain, filterable and exportable; the company uploads its sheets here. */
export default function DeliveryListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [uploading, setUploading] = useState(false);
  return (
    <ListPage<DeliveryDto>
      title={t("gasDelivery.menu.deliveries")}
      permission="gas.read"
      useRows={useDeliveries}
      exportPath="/gas/deliveries"
      filters={[
        { key: "step", label: t("gasDelivery.step"), labels: DELIVERY_STEP_LABELS, multiple: true, width: 170 },
        { kind: "dateRange", inputs: true },
      ]}
      actions={
        can("gas.manage") && (
          <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>
            {t("gasDelivery.uploadDeliveries")}
          </Button>
        )
      }
      emptyText={t("gasDelivery.empty")}
      columns={useDeliveryColumns()}
    >
      {uploading && <UploadModal onClose={() => setUploading(false)} />}
    </ListPage>
  );
}
