import { useMemo, useState } from "react";
import { Button, Card, Col, Empty, Flex, List, Row, Statistic, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DEVICE_TYPES, type DeviceDto, type DeviceWithSecretDto } from "@contracts/iot/devices";
import { useCan } from "../../../../auth/use-can";
import { ListError } from "../../../../components/list-error";
import { PageLoading } from "../../../../components/page-loading";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { useCommands } from "../../commands/api";
import { LiveIndicator } from "../../components/live-indicator";
import { OnlineStatus } from "../../components/tags";
import { useLiveLatest } from "../../components/use-live-latest";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { latestQuery, useDevices } from "../../devices/api";
import { DeviceForm } from "../../devices/components/device-form";
import { DeviceSecretModal } from "../../devices/components/device-secret-modal";
import { latestMap } from "../../iot-format";
import { iotKeys } from "../../keys";
import { DEVICE_TYPE_LABELS } from "@contracts/iot/labels";
import { useRules } from "../../rules/api";
import { CraneCard } from "./crane-card";
import { EnvCard } from "./env-card";
import { HoistCard } from "./hoist-card";
import { ProjectAlarms } from "./project-alarms";
import { SprayPanel } from "./spray-panel";

/** A site has a handful of devices; one page holds them all. */
const ALL_DEVICES = 200;

/**
 * 智慧工地 tab of a project: devices online, crane and hoist gauges, the dust and noise monitor with its
 * threshold lines, the spray controllers with 开启/关闭, and the active alarms — all live from the
 * project's stream (`latest` values, device status, alarms, commands).
 */
export function SmartSiteTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const devices = useDevices({ projectId, pageSize: ALL_DEVICES, sort: "code" });
  const list = useMemo(() => devices.data?.items ?? [], [devices.data]);
  const latest = useQueries({ queries: list.map((d) => ({ ...latestQuery(d.id), staleTime: Infinity })) });
  const values = (id: string) => latestMap(latest[list.findIndex((d) => d.id === id)]?.data?.values);
  const commands = useCommands({ projectId, pageSize: 50 });
  const craneRules = useRules({ deviceType: "tower_crane" });
  const hoistRules = useRules({ deviceType: "hoist" });
  const envRules = useRules({ deviceType: "env_monitor" });
  const [registering, setRegistering] = useState(false);
  const [secret, setSecret] = useState<DeviceWithSecretDto | null>(null);

  const typeOf = (id: string) => list.find((d) => d.id === id)?.type;
  useLiveLatest(projectId, typeOf);
  const refreshDevices = useLiveRefresh([iotKeys.devices.lists()]);
  const refreshAlarms = useLiveRefresh([iotKeys.alarms.lists()], 2_000);
  const refreshCommands = useLiveRefresh([iotKeys.commands.lists()], 1_000);
  useRealtime(
    {
      // The project stream also carries the rest of the user's scope: only this project's changes matter here.
      device: (d) => d.projectId === projectId && refreshDevices(),
      alarm: (a) => a.projectId === projectId && refreshAlarms(),
      command: (c) => c.projectId === projectId && refreshCommands(),
      reconnected: () => {
        refreshDevices();
        refreshAlarms();
        refreshCommands();
      },
    },
    { projectId },
  );

  const byType = useMemo(() => {
    const m = new Map<string, DeviceDto[]>();
    for (const d of list) m.set(d.type, [...(m.get(d.type) ?? []), d]);
    return m;
  }, [list]);
  const of = (type: DeviceDto["type"]) => byType.get(type) ?? [];
  const others = list.filter((d) => !["tower_crane", "hoist", "env_monitor", "spray"].includes(d.type));

  if (devices.isLoading) return <PageLoading />;
  const online = list.filter((d) => d.online && d.enabled).length;

  const register = can("iot.device.manage") && (
    <Button icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
      {t("device.register")}
    </Button>
  );

  return (
    <Flex vertical gap={12}>
      <ListError error={devices.error} />
      <Card size="small">
        <Flex wrap gap={32} align="center" justify="space-between">
          <Flex wrap gap={32} align="center">
            <Statistic title={t("site.devicesOnline")} value={online} suffix={`/ ${list.length}`} styles={{ content: { color: online < list.length ? "#fa8c16" : "#52c41a" } }} />
            {DEVICE_TYPES.filter((d) => of(d).length).map((d) => (
              <Statistic key={d} title={label(DEVICE_TYPE_LABELS, d)} value={of(d).filter((x) => x.online && x.enabled).length} suffix={`/ ${of(d).length}`} styles={{ content: { fontSize: 18 }, title: { fontSize: 12 } }} />
            ))}
          </Flex>
          <Flex gap={12} align="center">
            <LiveIndicator projectId={projectId} />
            <Link to={`/iot/devices?projectId=${projectId}`}>{t("site.deviceLedger")}</Link>
            {register}
          </Flex>
        </Flex>
      </Card>

      {!list.length && !devices.error ? (
        <Card size="small">
          <Empty description={t("site.noDevices")}>{register}</Empty>
        </Card>
      ) : (
        <>
          {of("tower_crane").length > 0 && (
            <Row gutter={[12, 12]}>
              {of("tower_crane").map((d) => (
                <Col key={d.id} xs={24} xxl={12}>
                  <CraneCard device={d} values={values(d.id)} rules={craneRules.data} />
                </Col>
              ))}
            </Row>
          )}
          {of("hoist").length > 0 && (
            <Row gutter={[12, 12]}>
              {of("hoist").map((d) => (
                <Col key={d.id} xs={24} lg={12}>
                  <HoistCard device={d} values={values(d.id)} rules={hoistRules.data} />
                </Col>
              ))}
            </Row>
          )}
          {of("env_monitor").map((d) => (
            <EnvCard key={d.id} device={d} values={values(d.id)} rules={envRules.data} />
          ))}
          <Row gutter={[12, 12]}>
            {of("spray").length > 0 && (
              <Col xs={24} xl={others.length ? 14 : 24}>
                <SprayPanel devices={of("spray")} latest={values} commands={commands.data?.items} />
              </Col>
            )}
            {others.length > 0 && (
              <Col xs={24} xl={of("spray").length ? 10 : 24}>
                <Card size="small" title={t("site.otherDevices")}>
                  <List
                    size="small"
                    dataSource={others}
                    renderItem={(d) => (
                      <List.Item extra={<OnlineStatus online={d.online} lastSeenAt={d.lastSeenAt} enabled={d.enabled} />}>
                        <span>
                          <Link to={`/iot/devices/${d.id}`}>{d.name}</Link> <Typography.Text type="secondary">{label(DEVICE_TYPE_LABELS, d.type)}</Typography.Text>
                          {d.streamUrl && (
                            <>
                              {" · "}
                              <a href={d.streamUrl} target="_blank" rel="noreferrer">
                                {t("site.stream")}
                              </a>
                            </>
                          )}
                        </span>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
      <ProjectAlarms projectId={projectId} />
      <DeviceForm open={registering} onClose={() => setRegistering(false)} projectId={projectId} onCreated={setSecret} />
      <DeviceSecretModal device={secret} onClose={() => setSecret(null)} />
    </Flex>
  );
}
