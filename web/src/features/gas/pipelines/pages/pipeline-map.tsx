import { useMemo, useState } from "react";
import { Card, Empty, Flex, Segmented, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PRESSURE_CLASSES, PRESSURE_CLASS_LABELS, type PressureClass } from "@contracts/gas/pipeline";
import { EChart } from "../../../../charts/echart";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { PageLoading } from "../../../../components/page-loading";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { useDetectorSeries } from "../../leaks/detector-series";
import { usePipelineMap, useSiteLinks } from "../api";
import { CITY_MAP_NAME, useCityOutline } from "../components/city-outline";
import { coverageHex, pipelineMapOption, PRESSURE_HEX } from "../components/map-option";

function Dot({ color, text, line }: { color: string; text: string; line?: boolean }) {
  return (
    <Space size={4}>
      <span style={{ display: "inline-block", width: line ? 18 : 10, height: line ? 3 : 10, borderRadius: line ? 0 : 5, background: color }} />
      <span style={{ fontSize: 12 }}>{text}</span>
    </Space>
  );
}

/**
 * 管网地图: the lines on the city outline coloured by pressure class or by their latest patrol coverage,
 * construction sites linked to a main as pins (a click opens the project, a click on a line its page), and the
 * detection vehicle's layer.
 */
function PipelineMap() {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const navigate = useNavigate();
  const outline = useCityOutline();
  const lines = usePipelineMap();
  const links = useSiteLinks({ pageSize: 200 });
  const vehicle = useDetectorSeries();
  const [colourBy, setColourBy] = useState<"pressure" | "coverage">("pressure");
  const option = useMemo(
    () =>
      lines.data && !outline.isLoading
        ? pipelineMapOption(lines.data, links.data?.items ?? [], {
            mapName: outline.data ? CITY_MAP_NAME : null,
            outline: outline.data ?? undefined,
            colourBy,
            extraSeries: vehicle,
            text: {
              coverage: t("gasPipelines.coverage"),
              never: t("gasPipelines.neverPatrolled"),
              length: t("gasPipelines.length"),
              site: t("gasPipelines.project"),
              distance: t("gasPipelines.distance"),
              pressure: (c: PressureClass) => label(PRESSURE_CLASS_LABELS, c),
            },
          })
        : null,
    [lines.data, links.data, outline.data, outline.isLoading, colourBy, vehicle, t, lang], // label() follows lang
  );
  return (
    <>
      <PageHeader title={t("gasPipelines.menu.map")} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={24} align="center" justify="space-between">
          <Segmented
            aria-label={t("gasPipelines.colourBy")}
            value={colourBy}
            onChange={(v) => setColourBy(v as "pressure" | "coverage")}
            options={[
              { value: "pressure", label: t("gasPipelines.pressureClass") },
              { value: "coverage", label: t("gasPipelines.coverage") },
            ]}
          />
          <Space size={16} wrap>
            {colourBy === "pressure"
              ? PRESSURE_CLASSES.map((c) => <Dot key={c} line color={PRESSURE_HEX[c]} text={label(PRESSURE_CLASS_LABELS, c)} />)
              : [
                  <Dot key="a" line color={coverageHex(95)} text="≥ 90%" />,
                  <Dot key="b" line color={coverageHex(60)} text="50–90%" />,
                  <Dot key="c" line color={coverageHex(10)} text="< 50%" />,
                  <Dot key="d" line color={coverageHex(null)} text={t("gasPipelines.neverPatrolled")} />,
                ]}
            <Dot color="#722ed1" text={t("gasPipelines.sites")} />
          </Space>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div style={{ padding: lines.error ? 12 : 0 }}>
          <ListError error={lines.error ?? links.error} />
        </div>
        {lines.isLoading || outline.isLoading ? (
          <PageLoading />
        ) : option && lines.data && lines.data.features.length > 0 ? (
          <EChart
            option={option}
            ariaLabel={t("gasPipelines.menu.map")}
            style={{ height: "calc(100vh - 260px)", minHeight: 480 }}
            onClick={(e) => {
              // A site pin opens the project, a line its own page.
              const d = e.data as { projectId?: string; f?: { id: string } } | undefined;
              if (d?.projectId) void navigate(`/projects/${d.projectId}`);
              else if (d?.f) void navigate(`/gas/pipelines/${d.f.id}`);
            }}
          />
        ) : (
          !lines.error && <Empty style={{ padding: 48 }} description={t("gasPipelines.mapEmpty")} />
        )}
      </Card>
    </>
  );
}

export default function PipelineMapPage() {
  return (
    <RequirePermission permission="gas.read">
      <PipelineMap />
    </RequirePermission>
  );
}
