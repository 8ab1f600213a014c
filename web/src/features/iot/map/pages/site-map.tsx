import { useMemo } from "react";
import { Card, Col, Empty, Flex, Row, Space, Statistic, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { SEVERITIES } from "@contracts/iot/alarms";
import type { SiteMapItemDto } from "@contracts/iot/realtime";
import { EChart, registerMap } from "../../../../charts/echart";
import { siteMapOption } from "../../../../charts/iot-charts";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { PageLoading } from "../../../../components/page-loading";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { LiveIndicator } from "../../components/live-indicator";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { iotKeys } from "../../keys";
import { SEVERITY_LABELS } from "@contracts/iot/labels";
import { OK_HEX, SEVERITY_HEX } from "../../severity";
import { useSiteMap } from "../api";

const MAP_NAME = "yongkang-330784";
/** Bundled with the web app (web/public/geo): the map needs no tile server and no internet. */
const GEO_URL = "/geo/yongkang-330784.geojson";

/** Loads the city outline once and registers it with ECharts. */
function useCityOutline() {
  return useQuery({
    queryKey: ["geo", MAP_NAME],
    queryFn: async () => {
      const res = await fetch(GEO_URL);
      if (!res.ok) throw new Error(`${GEO_URL}: ${res.status}`);
      registerMap(MAP_NAME, await res.json());
      return true;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

function counters(sites: readonly SiteMapItemDto[]) {
  return {
    sites: sites.length,
    alarmed: sites.filter((s) => s.worstSeverity).length,
    critical: sites.filter((s) => s.worstSeverity === "critical").length,
    devices: sites.reduce((n, s) => n + s.devices, 0),
    online: sites.reduce((n, s) => n + s.onlineDevices, 0),
  };
}

/**
 * 城市地图: every visible site on the 永康市 outline, coloured by its worst active alarm, sized by its
 * devices; a click opens the site's smart-site tab. Alarm events on the stream refresh it (throttled).
 */
function SiteMap() {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const navigate = useNavigate();
  const outline = useCityOutline();
  const sites = useSiteMap();
  const refresh = useLiveRefresh([iotKeys.map], 5_000);
  useRealtime({ alarm: refresh, device: refresh, reconnected: refresh });

  const data = sites.data;
  const c = useMemo(() => counters(data ?? []), [data]);
  const option = useMemo(
    () => (data && outline.data ? siteMapOption(data, MAP_NAME, { alarms: t("map.alarms"), devices: t("map.devicesOnline"), none: t("map.noAlarm") }, (s) => label(SEVERITY_LABELS, s)) : null),
    [data, outline.data, t, lang], // label() follows lang
  );

  return (
    <>
      <PageHeader title={t("menu.iotMap")} extra={<LiveIndicator />} />
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <Card size="small">
            <Flex wrap gap={32} align="center" justify="space-between">
              <Flex wrap gap={32}>
                <Statistic title={t("map.sites")} value={c.sites} loading={sites.isLoading} />
                <Statistic title={t("map.sitesWithAlarms")} value={c.alarmed} loading={sites.isLoading} styles={{ content: { color: c.alarmed ? SEVERITY_HEX.major : undefined } }} />
                <Statistic title={t("map.sitesCritical")} value={c.critical} loading={sites.isLoading} styles={{ content: { color: c.critical ? SEVERITY_HEX.critical : undefined } }} />
                <Statistic title={t("map.devicesOnline")} value={c.online} suffix={`/ ${c.devices}`} loading={sites.isLoading} />
              </Flex>
              <Space size={16} wrap aria-label={t("map.legend")}>
                <LegendDot color={OK_HEX} text={t("map.noAlarm")} />
                {SEVERITIES.map((s) => (
                  <LegendDot key={s} color={SEVERITY_HEX[s]} text={label(SEVERITY_LABELS, s)} />
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("map.sizeHint")}
                </Typography.Text>
              </Space>
            </Flex>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <div style={{ padding: sites.error || outline.error ? 12 : 0 }}>
              <ListError error={sites.error ?? outline.error} />
            </div>
            {sites.isLoading || outline.isLoading ? (
              <PageLoading />
            ) : option && data && data.length > 0 ? (
              <EChart
                option={option}
                ariaLabel={t("menu.iotMap")}
                style={{ height: "calc(100vh - 250px)", minHeight: 480 }}
                onClick={(e) => {
                  const id = (e.data as { projectId?: string } | undefined)?.projectId;
                  if (id) void navigate(`/projects/${id}?tab=iot`);
                }}
              />
            ) : (
              !sites.error && <Empty style={{ padding: 48 }} description={t("map.empty")} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function LegendDot({ color, text }: { color: string; text: string }) {
  return (
    <Space size={4}>
      <span style={{ display: "inline-block", width: 10, height: 10, borderRadius: 5, background: color }} />
      <span style={{ fontSize: 12 }}>{text}</span>
    </Space>
  );
}

export default function SiteMapPage() {
  return (
    <RequirePermission permission="iot.read">
      <SiteMap />
    </RequirePermission>
  );
}
