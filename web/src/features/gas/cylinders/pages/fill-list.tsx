import { useState } from "react";
import { Alert, App, Button, Card, Space, Table, Tag, Upload } from "antd";
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FillDto } from "@contracts/gas/fill";
import { apiUrl, ApiError } from "../../../../api/client";
import { useCan } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { ExportButton } from "../../../../components/export-button";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RemoteSelect } from "../../../../components/remote-select";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { searchStations, useFills, useUploadFills } from "../api";
import { gasCylinderKeys } from "../keys";
import "../i18n";

type RowIssue = { row: number; column: string; message: string };

/** 充装记录: every fill in scope (newest first), by station and day; a station uploads a day's fills as one sheet. */
function FillList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useFills(lp.query);
  const upload = useUploadFills();
  const [refused, setRefused] = useState<{ message: string; issues: RowIssue[] } | null>(null);
  const send = async (file: File) => {
    setRefused(null);
    try {
      const r = await upload.mutateAsync(file);
      message.success(t("gasCyl.uploaded", r));
    } catch (e) {
      const issues = e instanceof ApiError ? ((e.details as { issues?: RowIssue[] } | undefined)?.issues ?? []) : [];
      setRefused({ message: errorText(e), issues });
    }
  };
  return (
    <>
      <PageHeader title={t("gasCyl.menu.fills")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <RemoteSelect
                aria-label={t("gasCyl.station")}
                placeholder={t("gasCyl.station")}
                style={{ width: 200 }}
                scope={gasCylinderKeys.stations.all}
                fetchOptions={searchStations}
                value={lp.get("stationId") ?? null}
                onChange={(v) => lp.set({ stationId: (v as string | null) ?? undefined })}
              />
              <Space size={4}>
                {t("gasCyl.from")}
                <DateInput value={lp.get("from") ?? null} onChange={(from) => lp.set({ from: from ?? undefined })} />
                {t("gasCyl.to")}
                <DateInput value={lp.get("to") ?? null} onChange={(to) => lp.set({ to: to ?? undefined })} />
              </Space>
            </>
          }
          actions={
            <Space>
              <ExportButton basePath="/gas/fills" query={lp.query} />
              {can("gas.manage") && (
                <>
                  <Button icon={<DownloadOutlined />} href={apiUrl("/gas/fills/import-template")} download>
                    {t("gasCyl.template")}
                  </Button>
                  <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void send(f), false)}>
                    <Button icon={<UploadOutlined />} loading={upload.isPending}>
                      {t("gasCyl.uploadFills")}
                    </Button>
                  </Upload>
                </>
              )}
            </Space>
          }
        />
        {refused && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setRefused(null)}
            style={{ marginBottom: 12 }}
            title={refused.issues.length ? t("gasCyl.uploadRefused") : refused.message}
            description={
              refused.issues.length > 0 && (
                <Table<RowIssue>
                  size="small"
                  rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
                  pagination={{ pageSize: 10, size: "small" }}
                  dataSource={refused.issues}
                  columns={[
                    { title: t("gasCyl.row"), dataIndex: "row", width: 60 },
                    { title: t("gasCyl.column"), dataIndex: "column", width: 140 },
                    { title: t("gasCyl.error"), dataIndex: "message" },
                  ]}
                />
              )
            }
          />
        )}
        <ListError error={error} />
        <Table<FillDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasCyl.filledAt"), dataIndex: "filledAt", key: "filledAt", sorter: true, sortOrder: lp.sortOrder("filledAt"), width: 150, render: formatDateTime },
            { title: t("gasCyl.code"), dataIndex: "cylinderCode", render: (v: string, r) => <Link to={`/gas/cylinders/${r.cylinderId}`}>{v}</Link> },
            { title: t("gasCyl.station"), dataIndex: "stationName", ellipsis: true },
            { title: t("gasCyl.netWeightKg"), dataIndex: "netWeightKg", key: "netWeightKg", sorter: true, sortOrder: lp.sortOrder("netWeightKg"), width: 120, align: "right" },
            { title: t("gasCyl.allowedFillKg"), dataIndex: "allowedFillKg", width: 120, align: "right" },
            { title: t("gasCyl.filler"), dataIndex: "fillerName", width: 100 },
            { title: t("gasCyl.preCheck"), dataIndex: "preCheckOk", width: 100, render: (v: boolean) => <Tag color={v ? "success" : "error"}>{v ? t("gasCyl.ok") : t("gasCyl.notOk")}</Tag> },
            { title: t("gasCyl.postCheck"), dataIndex: "postCheckOk", width: 100, render: (v: boolean) => <Tag color={v ? "success" : "error"}>{v ? t("gasCyl.ok") : t("gasCyl.notOk")}</Tag> },
            { title: t("gasCyl.source"), dataIndex: "source", width: 70 },
          ]}
        />
      </Card>
    </>
  );
}

export default function FillListPage() {
  return (
    <RequirePermission permission="gas.read">
      <FillList />
    </RequirePermission>
  );
}
