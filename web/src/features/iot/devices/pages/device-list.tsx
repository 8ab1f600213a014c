import { useState } from "react";
import { Button, Card, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DeviceDto, DeviceWithSecretDto } from "@contracts/iot/devices";
import { useCan } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { ProjectFilter } from "../../components/project-filter";
import { LiveIndicator } from "../../components/live-indicator";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { sortable } from "../../components/sortable";
import { OnlineStatus } from "../../components/tags";
import { iotKeys } from "../../keys";
import { DEVICE_TYPE_LABELS } from "../../labels";
import "../owner-i18n";
import { useDevices } from "../api";
import { DeviceActions } from "../components/device-actions";
import { DeviceForm } from "../components/device-form";
import { DeviceSecretModal } from "../components/device-secret-modal";
import { RejectedCount } from "../components/rejections";

/** 设备台账: every device in scope with live online state, rejected-message counts, register / rotate / disable. */
function DeviceList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useDevices(lp.query);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<DeviceWithSecretDto | null>(null);
  const manage = can("iot.device.manage");

  // Online/offline changes arrive on the stream; refetch the page at most every few seconds.
  const refresh = useLiveRefresh([iotKeys.devices.lists()]);
  useRealtime({ device: refresh, reconnected: refresh });

  const sort = (key: string) => sortable(lp, key);
  const columns: ColumnsType<DeviceDto> = [
    { title: t("device.code"), dataIndex: "code", width: 170, ...sort("code"), render: (v: string, r) => <Link to={`/iot/devices/${r.id}`} className="sc-mono">{v}</Link> },
    { title: t("device.name"), dataIndex: "name", ellipsis: true, minWidth: 160, ...sort("name"), render: (v: string, r) => <Link to={`/iot/devices/${r.id}`}>{v}</Link> },
    { title: t("device.type"), dataIndex: "type", width: 130, ...sort("type"), render: (v: string) => label(DEVICE_TYPE_LABELS, v) },
    { title: t("device.project"), dataIndex: "projectName", ellipsis: true, minWidth: 180, render: (v: string | null, r) => (r.projectId ? <Link to={`/projects/${r.projectId}?tab=iot`}>{v}</Link> : <span title={t("iotOwner.offSite")}>{r.enterpriseName}</span>) },
    { title: t("device.status"), width: 150, ...sort("lastSeenAt"), render: (_: unknown, r) => <OnlineStatus online={r.online} lastSeenAt={r.lastSeenAt} enabled={r.enabled} /> },
    { title: t("device.rejected"), dataIndex: "rejectedCount", width: 90, align: "right", ...sort("rejectedCount"), render: (_: number, r) => <RejectedCount device={r} /> },
    { title: t("device.enabled"), dataIndex: "enabled", width: 80, render: (v: boolean) => (v ? <Tag color="green">{t("device.enabledYes")}</Tag> : <Tag>{t("device.disabled")}</Tag>) },
    ...(manage ? [{ title: t("common.actions"), key: "actions", width: 150, fixed: "right" as const, render: (_: unknown, r: DeviceDto) => <DeviceActions device={r} onSecret={setSecret} /> }] : []),
  ];

  return (
    <>
      <PageHeader title={t("menu.iotDevices")} extra={<LiveIndicator />} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <ProjectFilter value={lp.get("projectId")} onChange={(v) => lp.set({ projectId: v })} />
              <Select allowClear aria-label={t("device.type")} placeholder={t("device.type")} style={{ width: 150 }} value={lp.get("type")} options={options(DEVICE_TYPE_LABELS)} onChange={(v) => lp.set({ type: v })} />
              <Select
                allowClear
                aria-label={t("device.status")}
                placeholder={t("device.status")}
                style={{ width: 100 }}
                value={lp.get("online")}
                options={[
                  { value: "true", label: t("device.online") },
                  { value: "false", label: t("device.offline") },
                ]}
                onChange={(v) => lp.set({ online: v })}
              />
              <Select
                allowClear
                aria-label={t("device.enabled")}
                placeholder={t("device.enabled")}
                style={{ width: 100 }}
                value={lp.get("enabled")}
                options={[
                  { value: "true", label: t("device.enabledYes") },
                  { value: "false", label: t("device.disabled") },
                ]}
                onChange={(v) => lp.set({ enabled: v })}
              />
            </>
          }
          actions={
            <>
              {manage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t("device.register")}
                </Button>
              )}
              <ExportButton basePath="/devices" query={lp.query} />
            </>
          }
        />
        <ListError error={error} />
        <Table<DeviceDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          columns={columns}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1150 }}
        />
      </Card>
      <DeviceForm open={creating} onClose={() => setCreating(false)} projectId={lp.get("projectId")} onCreated={setSecret} />
      <DeviceSecretModal device={secret} onClose={() => setSecret(null)} />
    </>
  );
}

export default function DeviceListPage() {
  return (
    <RequirePermission permission="iot.read">
      <DeviceList />
    </RequirePermission>
  );
}
