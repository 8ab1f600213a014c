import { useMemo } from "react";
import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LEAK_STATE_LABELS, type LeakPointDto } from "@contracts/gas/leak";
import { HAZARD_KIND_LABELS, type HazardDto } from "@contracts/gas/patrol";
import { PRESSURE_CLASS_LABELS, type PipelineDto, type PipelineFeatureCollection, type PressureClass } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import { EChart } from "../../../../charts/echart";
import { PageLoading } from "../../../../components/page-loading";
import { useLabels } from "../../../../i18n/labels";
import { CITY_MAP_NAME, useCityOutline } from "./city-outline";
import { pipelineMapOption } from "./map-option";

const LEAK_HEX: Record<string, string> = { suspect: "#fa8c16", confirmed: "#cf1322", cleared: "#8c8c8c" };

/** The line as the network map's one feature, coloured by class, with its latest patrol's coverage of it. */
export function lineFeature(line: PipelineDto, latest: { coveragePct: number | null; at: string | null }): PipelineFeatureCollection {
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        id: line.id,
        geometry: line.geometry,
        properties: {
          code: line.code,
          name: line.name,
          enterpriseId: line.enterpriseId,
          enterpriseName: line.enterpriseName,
          pressureClass: line.pressureClass,
          material: line.material,
          lengthM: line.lengthM,
          coveragePct: latest.coveragePct,
          lastPatrolAt: latest.at,
        },
      },
    ],
  };
}

/**
 * A small map of one line on the city outline, framed on it: its linked sites as pins (a click opens the
 * project), its leak points and its hazards. The network map's option, one feature and two extra layers.
 */
export function LineMap(props: { line: PipelineDto; latest: { coveragePct: number | null; at: string | null }; sites: SiteLinkDto[]; leaks: LeakPointDto[]; hazards: HazardDto[] }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const navigate = useNavigate();
  const outline = useCityOutline();
  const { line, latest, sites, leaks, hazards } = props;
  const option = useMemo(
    () =>
      outline.isLoading
        ? null
        : pipelineMapOption(lineFeature(line, latest), sites, {
            mapName: outline.data ? CITY_MAP_NAME : null,
            outline: outline.data ?? undefined,
            colourBy: "pressure",
            maxZoom: 120,
            text: {
              coverage: t("gasPipelines.coverage"),
              never: t("gasPipelines.neverPatrolled"),
              length: t("gasPipelines.length"),
              site: t("gasPipelines.project"),
              distance: t("gasPipelines.distance"),
              pressure: (c: PressureClass) => label(PRESSURE_CLASS_LABELS, c),
            },
            extraSeries: [
              {
                type: "scatter",
                name: t("gasPipelines.hazard"),
                coordinateSystem: "geo",
                zlevel: 2,
                symbol: "triangle",
                symbolSize: 12,
                itemStyle: { color: "#faad14" },
                data: hazards.map((h) => ({ value: [h.lng, h.lat], tip: `${label(HAZARD_KIND_LABELS, h.kind)} · ${h.caseNo ?? ""}` })),
              },
              {
                type: "effectScatter",
                name: t("gasLeaks.menu.leaks"),
                coordinateSystem: "geo",
                zlevel: 3,
                symbol: "diamond",
                symbolSize: 14,
                data: leaks.map((l) => ({ value: [l.lng, l.lat], itemStyle: { color: LEAK_HEX[l.state] }, tip: `${label(LEAK_STATE_LABELS, l.state)} · ${l.ppm} ppm` })),
              },
            ],
          }),
    [line, latest, sites, leaks, hazards, outline.data, outline.isLoading, t, lang], // label() follows lang
  );
  if (outline.isLoading) return <PageLoading />;
  if (!option) return <Empty />;
  return (
    <EChart
      option={option}
      ariaLabel={t("gasPipelines.lineMap")}
      style={{ height: "100%", minHeight: 320 }}
      onClick={(e) => {
        const id = (e.data as { projectId?: string } | undefined)?.projectId;
        if (id) void navigate(`/projects/${id}`);
      }}
    />
  );
}
