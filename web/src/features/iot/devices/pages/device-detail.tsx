import { useState } from "react";
import { Button, Card, Col, Descriptions, Flex, Row, Typography } from "antd";
import { EditOutlined, SendOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CommandDto } from "@contracts/iot/commands";
import type { DeviceWithSecretDto } from "@contracts/iot/devices";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime, orDash } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { RequirePermission } from "../../../../components/require-permission";
import { useLocalListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { useCommands } from "../../commands/api";
import { useCommandColumns } from "../../commands/components/command-columns";
import { SendCommandModal } from "../../commands/components/send-command-modal";
import { LiveIndicator } from "../../components/live-indicator";
import { OnlineStatus } from "../../components/tags";
import { useLiveLatest } from "../../components/use-live-latest";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { iotKeys } from "../../keys";
import { DEVICE_TYPE_LABELS } from "@contracts/iot/labels";
import { useDevice, useDeviceLatest } from "../api";
import { DeviceActions } from "../components/device-actions";
import { DeviceForm } from "../components/device-form";
import { DeviceSecretModal } from "../components/device-secret-modal";
import { LatestValues } from "../components/latest-values";
import { RejectionsCard } from "../components/rejections-card";
import { TelemetryPanel } from "../components/telemetry-panel";

/** 设备详情: registration data, rejected messages by reason, live latest values, history chart and commands. */
function DeviceDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const { data: device, isLoading, error, refetch } = useDevice(id);
  const latest = useDeviceLatest(id);
  const commandsLp = useLocalListParams(10);
  const commandColumns = useCommandColumns({ hideDevice: true });
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [secret, setSecret] = useState<DeviceWithSecretDto | null>(null);

  // A device off-site (the detection vehicle) has no site stream: live updates are per project.
  const liveProject = device?.projectId ?? undefined;
  useLiveLatest(liveProject, () => device?.type);
  const refreshDevice = useLiveRefresh([iotKeys.devices.detail(id)]);
  const refreshCommands = useLiveRefresh([iotKeys.commands.lists()], 1_000);
  useRealtime(
    {
      device: (d) => d.deviceId === id && refreshDevice(),
      command: (c) => c.deviceId === id && refreshCommands(),
      reconnected: () => {
        refreshDevice();
        refreshCommands();
      },
    },
    { projectId: liveProject, enabled: !!device },
  );

  if (!device) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const manage = can("iot.device.manage");

  return (
    <>
      <PageHeader
        parent={{ to: "/iot/devices", label: t("menu.iotDevices") }}
        title={
          <Flex align="baseline" gap={8}>
            <span>{device.name}</span>
            <Typography.Text type="secondary" className="sc-mono" style={{ fontSize: 14, fontWeight: 400 }}>
              {device.code}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Flex gap={12} align="center">
            <OnlineStatus online={device.online} lastSeenAt={device.lastSeenAt} enabled={device.enabled} />
            <LiveIndicator projectId={liveProject} />
          </Flex>
        }
        actions={
          <>
            {can("iot.command.send") && (
              <Button icon={<SendOutlined />} onClick={() => setSending(true)}>
                {t("command.sendTitle")}
              </Button>
            )}
            {manage && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t("common.edit")}
                </Button>
                <DeviceActions device={device} onSecret={setSecret} size="middle" type="default" />
              </>
            )}
          </>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t("device.info")}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: "type", label: t("device.type"), children: label(DEVICE_TYPE_LABELS, device.type) },
                device.projectId
                  ? { key: "project", label: t("device.project"), children: <Link to={`/projects/${device.projectId}?tab=iot`}>{device.projectName}</Link> }
                  : { key: "enterprise", label: t("iotOwner.enterprise"), children: <Link to={`/enterprises/${device.enterpriseId}`}>{device.enterpriseName}</Link> },
                { key: "vendor", label: t("device.vendor"), children: orDash(device.vendor) },
                { key: "model", label: t("device.model"), children: orDash(device.model) },
                { key: "location", label: t("device.location"), children: orDash(device.location) },
                { key: "interval", label: t("device.reportIntervalS"), children: `${device.reportIntervalS} s` },
                { key: "equipmentRef", label: t("device.equipmentRef"), children: orDash(device.equipmentRef) },
                ...(device.streamUrl
                  ? [{ key: "stream", label: t("device.streamUrl"), children: <a href={device.streamUrl} target="_blank" rel="noreferrer" className="sc-mono">{device.streamUrl}</a> }]
                  : []),
                { key: "lastSeen", label: t("device.lastSeenAt"), children: formatDateTime(device.lastSeenAt) },
                { key: "rotated", label: t("device.secretRotatedAt"), children: formatDateTime(device.secretRotatedAt) },
                { key: "created", label: t("device.createdAt"), children: formatDateTime(device.createdAt) },
                { key: "updated", label: t("device.updatedAt"), children: formatDateTime(device.updatedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("device.latest")}>
            <LatestValues type={device.type} values={latest.data?.values} loading={latest.isLoading} />
          </Card>
        </Col>
        <Col xs={24}>
          <TelemetryPanel device={device} />
        </Col>
        <Col xs={24} xl={8}>
          <RejectionsCard device={device} />
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={t("device.commands")}>
            <ListPage<CommandDto> bare lp={commandsLp} search={false} useRows={useCommands} query={{ deviceId: id }} columns={commandColumns} />
          </Card>
        </Col>
      </Row>
      <DeviceForm open={editing} onClose={() => setEditing(false)} device={device} />
      <SendCommandModal open={sending} onClose={() => setSending(false)} device={device} />
      <DeviceSecretModal device={secret} onClose={() => setSecret(null)} />
    </>
  );
}

export default function DeviceDetailPage() {
  return (
    <RequirePermission permission="iot.read">
      <DeviceDetail />
    </RequirePermission>
  );
}
