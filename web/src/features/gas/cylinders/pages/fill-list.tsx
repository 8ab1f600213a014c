import { useState } from "react";
import { App, Button, Tag, Upload } from "antd";
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FillDto } from "@contracts/gas/fill";
import { apiUrl, ApiError } from "../../../../api/client";
import { useCan } from "../../../../auth/use-can";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { RowIssuesAlert, type RowIssue } from "../../../../components/row-issues";
import { searchStations, stationName, useFills, useUploadFills } from "../api";
import { gasCylinderKeys } from "../keys";

/** 充装记录: every fill in scope (newest first), by station and day; a station uploads a day's fills as one sheet. */
export default function FillListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
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
  const ok = (v: boolean) => <Tag color={v ? "success" : "error"}>{v ? t("gasCyl.ok") : t("gasCyl.notOk")}</Tag>;
  return (
    <ListPage<FillDto>
      title={t("gasCyl.menu.fills")}
      permission="gas.read"
      useRows={useFills}
      exportPath="/gas/fills"
      filters={[
        { kind: "remote", key: "stationId", label: t("gasCyl.station"), scope: gasCylinderKeys.stations.all, fetchOptions: searchStations, nameOf: stationName },
        { kind: "dateRange", inputs: [t("gasCyl.from"), t("gasCyl.to")] },
      ]}
      actions={
        can("gas.manage") && (
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
        )
      }
      notice={refused && <RowIssuesAlert title={refused.issues.length ? t("gasCyl.uploadRefused") : refused.message} issues={refused.issues} onClose={() => setRefused(null)} />}
      columns={[
        { title: t("gasCyl.filledAt"), dataIndex: "filledAt", sorter: true, width: 150, render: formatDateTime },
        { title: t("gasCyl.code"), dataIndex: "cylinderCode", render: (v: string, r) => <Link to={`/gas/cylinders/${r.cylinderId}`}>{v}</Link> },
        { title: t("gasCyl.station"), dataIndex: "stationName", ellipsis: true },
        { title: t("gasCyl.netWeightKg"), dataIndex: "netWeightKg", sorter: true, width: 120, align: "right" },
        { title: t("gasCyl.allowedFillKg"), dataIndex: "allowedFillKg", width: 120, align: "right" },
        { title: t("gasCyl.filler"), dataIndex: "fillerName", width: 100 },
        { title: t("gasCyl.preCheck"), dataIndex: "preCheckOk", width: 100, render: ok },
        { title: t("gasCyl.postCheck"), dataIndex: "postCheckOk", width: 100, render: ok },
        { title: t("gasCyl.source"), dataIndex: "source", width: 70 },
      ]}
    />
  );
}
