import { useState } from "react";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DeviceDto, DeviceWithSecretDto } from "@contracts/iot/devices";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { useProjectFilter } from "../../../registry/projects/project-filter";
import { LiveIndicator } from "../../components/live-indicator";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { OnlineStatus } from "../../components/tags";
import { iotKeys } from "../../keys";
import { DEVICE_TYPE_LABELS } from "@contracts/iot/labels";
import { useDevices } from "../api";
import { DeviceActions } from "../components/device-actions";
import { DeviceForm } from "../components/device-form";
import { DeviceSecretModal } from "../components/device-secret-modal";
import { RejectedCount } from "../components/rejections";

/** 设备台账: every device in scope with live online state, rejected-message counts, register / rotate / disable. */
export default function DeviceListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("iot.device.manage");
  const lp = useListParams();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<DeviceWithSecretDto | null>(null);

  // Online/offline changes arrive on the stream; refetch the page at most every few seconds.
  const refresh = useLiveRefresh([iotKeys.devices.lists()]);
  useRealtime({ device: refresh, reconnected: refresh });

  return (
    <ListPage<DeviceDto>
      title={t("menu.iotDevices")}
      permission="iot.read"
      headerExtra={<LiveIndicator />}
      lp={lp}
      useRows={useDevices}
      exportPath="/devices"
      create={manage && { label: t("device.register"), onClick: () => setCreating(true) }}
      filters={[
        useProjectFilter(),
        { key: "type", label: t("device.type"), labels: DEVICE_TYPE_LABELS, width: 150 },
        { key: "online", label: t("device.status"), bool: [t("device.online"), t("device.offline")], width: 100 },
        { key: "enabled", label: t("device.enabled"), bool: [t("device.enabledYes"), t("device.disabled")], width: 100 },
      ]}
      columns={[
        {
          title: t("device.code"),
          dataIndex: "code",
          width: 170,
          sorter: true,
          render: (v: string, r) => (
            <Link to={`/iot/devices/${r.id}`} className="sc-mono">
              {v}
            </Link>
          ),
        },
        { title: t("device.name"), dataIndex: "name", ellipsis: true, minWidth: 160, sorter: true, render: (v: string, r) => <Link to={`/iot/devices/${r.id}`}>{v}</Link> },
        { title: t("device.type"), dataIndex: "type", width: 130, sorter: true, render: (v: string) => label(DEVICE_TYPE_LABELS, v) },
        {
          title: t("device.project"),
          dataIndex: "projectName",
          ellipsis: true,
          minWidth: 180,
          render: (v: string | null, r) => (r.projectId ? <Link to={`/projects/${r.projectId}?tab=iot`}>{v}</Link> : <span title={t("iotOwner.offSite")}>{r.enterpriseName}</span>),
        },
        { title: t("device.status"), key: "lastSeenAt", width: 150, sorter: true, render: (_: unknown, r) => <OnlineStatus online={r.online} lastSeenAt={r.lastSeenAt} enabled={r.enabled} /> },
        { title: t("device.rejected"), dataIndex: "rejectedCount", width: 90, align: "right", sorter: true, render: (_: number, r) => <RejectedCount device={r} /> },
        { title: t("device.enabled"), dataIndex: "enabled", width: 80, render: (v: boolean) => (v ? <Tag color="green">{t("device.enabledYes")}</Tag> : <Tag>{t("device.disabled")}</Tag>) },
        ...(manage ? [{ title: t("common.actions"), key: "actions", width: 150, fixed: "right" as const, render: (_: unknown, r: DeviceDto) => <DeviceActions device={r} onSecret={setSecret} /> }] : []),
      ]}
    >
      <DeviceForm open={creating} onClose={() => setCreating(false)} projectId={lp.get("projectId")} onCreated={setSecret} />
      <DeviceSecretModal device={secret} onClose={() => setSecret(null)} />
    </ListPage>
  );
}
