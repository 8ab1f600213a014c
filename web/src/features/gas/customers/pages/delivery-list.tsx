import { useState } from "react";
import { Alert, App, Button, Card, Flex, Modal, Select, Table, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { DELIVERY_STEP_LABELS } from "@contracts/gas/delivery";
import { ApiError, apiUrl } from "../../../../api/client";
import { useCan, useMe } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { ExportButton } from "../../../../components/export-button";
import { errorText } from "../../../../components/form-utils";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RemoteSelect } from "../../../../components/remote-select";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { searchGasCompanies, useDeliveries, useUploadDeliveries } from "../api";
import { DeliveryTable } from "../components/delivery-table";
import { gasDeliveryKeys } from "../keys";
import "../i18n";

interface RowIssue {
  row: number;
  column: string;
  message: string;
}

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
        {failure && failure.rows.length > 0 && (
          <Table<RowIssue>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={failure.rows}
            pagination={failure.rows.length > 10 ? { pageSize: 10, size: "small" } : false}
            columns={[
              { title: t("import.row"), dataIndex: "row", width: 80 },
              { title: t("import.column"), dataIndex: "column", width: 160 },
              { title: t("import.error"), dataIndex: "message" },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}

/** 配送记录: every scanned step of the chain, filterable and exportable; the company uploads its sheets here. */
function DeliveryList() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useDeliveries(lp.query);
  const [uploading, setUploading] = useState(false);
  return (
    <>
      <PageHeader title={t("gasDelivery.menu.deliveries")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("gasDelivery.step")} placeholder={t("gasDelivery.step")} style={{ width: 170 }} value={lp.getList("step")} options={options(DELIVERY_STEP_LABELS)} onChange={(v: string[]) => lp.set({ step: v })} />
              <DateInput value={lp.get("from") ?? null} onChange={(from) => lp.set({ from })} />
              <DateInput value={lp.get("to") ?? null} onChange={(to) => lp.set({ to })} />
            </>
          }
          actions={
            <>
              <ExportButton basePath="/gas/deliveries" query={lp.query} />
              {can("gas.manage") && (
                <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>
                  {t("gasDelivery.uploadDeliveries")}
                </Button>
              )}
            </>
          }
        />
        <ListError error={error} />
        <DeliveryTable rows={data?.items} loading={isFetching} pagination={lp.pagination(data?.total)} onChange={lp.onTableChange} />
      </Card>
      {uploading && <UploadModal onClose={() => setUploading(false)} />}
    </>
  );
}

export default function DeliveryListPage() {
  return (
    <RequirePermission permission="gas.read">
      <DeliveryList />
    </RequirePermission>
  );
}
