import { useMemo, useState } from "react";
import { Empty, Flex, Spin, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Permission } from "@contracts/platform/auth";
import type { MapLayer } from "@contracts/dashboard/map";
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "@contracts/registry/enums";
import { SEVERITY_LABELS } from "@contracts/iot/labels";
import { DANGER_LEVEL_LABELS } from "@contracts/safety/dangerous-works";
import { LEAK_LEVEL_LABELS } from "@contracts/gas/leak";
import { RISK_LEVELS, RISK_LEVEL_LABELS } from "@contracts/risk/risk";
import { useCan } from "../../../auth/use-can";
import { EChart } from "../../../charts/echart";
import { STATUS_COLORS } from "../../../charts/project-charts";
import { ListError } from "../../../components/list-error";
import { useLabels } from "../../../i18n/labels";
import { useCountyOutline, useDashboardMap, useMains } from "../api";
import { colouredByRisk, COMMAND_LAYERS, commandMapOption, LAYER_HEX, RISK_HEX, type CommandLayer } from "../map-option";

/** What each switchable layer asks the API for, and the permission that lets the user see it. */
const LAYER_API: Record<CommandLayer, { api: MapLayer[]; permission: Permission }> = {
  alarms: { api: ["alarms"], permission: "iot.read" },
  cases: { api: ["cases"], permission: "cases.read" },
  dangerousWorks: { api: ["dangerousWorks"], permission: "safety.read" },
  gas: { api: ["leaks"], permission: "gas.read" },
  cameras: { api: ["cameras"], permission: "iot.read" },
};

const DEFAULT_ON: readonly CommandLayer[] = ["alarms", "cases", "dangerousWorks"];

/**
 * 城市态势: the county outline (offline), district names from the registry, the projects coloured by state,
 * and the layers the user switches on among those the role may read. A click on a marker opens its project.
 */
export function CommandMap({ height, dark }: { height: number | string; dark: boolean }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const can = useCan();
  const navigate = useNavigate();
  const available = COMMAND_LAYERS.filter((l) => can(LAYER_API[l].permission));
  const [on, setOn] = useState<ReadonlySet<CommandLayer>>(() => new Set(DEFAULT_ON.filter((l) => available.includes(l))));
  const apiLayers = useMemo(() => COMMAND_LAYERS.filter((l) => on.has(l)).flatMap((l) => LAYER_API[l].api), [on]);
  const outline = useCountyOutline();
  const map = useDashboardMap(apiLayers);
  const mains = useMains(on.has("gas") && can("gas.read"));

  const option = useMemo(
    () =>
      outline.data && map.data
        ? commandMapOption({
            mapName: outline.data,
            data: map.data,
            pipelines: mains.data,
            layers: on,
            dark,
            text: {
              status: (s) => label(PROJECT_STATUS_LABELS, s),
              severity: (s) => label(SEVERITY_LABELS, s),
              level: (s) => label(DANGER_LEVEL_LABELS, s),
              leakLevel: (s) => label(LEAK_LEVEL_LABELS, s),
              risk: (s) => `${t("command.legend.risk")}${label(RISK_LEVEL_LABELS, s)}`,
              openCases: t("command.legend.openCases"),
              overdue: t("command.legend.overdueCases"),
              alarms: t("command.legend.alarms"),
              online: t("command.legend.online"),
              offline: t("command.legend.offline"),
              projects: t("command.kpi.projects"),
            },
          })
        : null,
    [outline.data, map.data, mains.data, on, dark, t, lang], // label() follows lang
  );

  const toggle = (l: CommandLayer, checked: boolean) =>
    setOn((prev) => {
      const next = new Set(prev);
      if (checked) next.add(l);
      else next.delete(l);
      return next;
    });

  return (
    <Flex vertical gap={8} style={{ height: "100%" }}>
      <Flex wrap gap={6} align="center" role="group" aria-label={t("command.layers.title")}>
        <span style={{ opacity: 0.7 }}>{t("command.layers.title")}:</span>
        {available.map((l) => (
          <Tag.CheckableTag key={l} checked={on.has(l)} onChange={(c) => toggle(l, c)} style={{ border: `1px solid ${LAYER_HEX[l]}`, fontSize: dark ? 15 : undefined }}>
            {t(`command.layers.${l}`)}
          </Tag.CheckableTag>
        ))}
        {map.isFetching && <Spin size="small" />}
      </Flex>
      <ListError error={map.error ?? outline.error} />
      <div style={{ flex: 1, minHeight: 0, position: "relative" }}>
        {option ? (
          <EChart
            option={option}
            ariaLabel={t("command.panel.map")}
            style={{ height }}
            onClick={(e) => {
              const id = (e.data as { projectId?: string } | undefined)?.projectId;
              if (id) void navigate(`/projects/${id}`);
            }}
          />
        ) : outline.isLoading || map.isLoading ? (
          <Flex justify="center" align="center" style={{ height }}>
            <Spin />
          </Flex>
        ) : (
          <Empty style={{ paddingTop: 48 }} description={t("command.noData")} />
        )}
      </div>
      <div className="sc-cmd-legend">
        {map.data && colouredByRisk(map.data.projects)
          ? RISK_LEVELS.map((r) => (
              <span key={r}>
                <i className="sc-cmd-dot" style={{ background: RISK_HEX[r] }} />
                {t("command.legend.risk")}
                {label(RISK_LEVEL_LABELS, r)}
              </span>
            ))
          : PROJECT_STATUSES.map((s) => (
              <span key={s}>
                <i className="sc-cmd-dot" style={{ background: STATUS_COLORS[s] }} />
                {label(PROJECT_STATUS_LABELS, s)}
              </span>
            ))}
        {on.has("dangerousWorks") && (
          <span>
            <i className="sc-cmd-dot" style={{ background: "#f5222d", borderRadius: 0, clipPath: "polygon(50% 0, 100% 100%, 0 100%)" }} />
            {t("command.legend.overScale")}
          </span>
        )}
        <span style={{ opacity: 0.75 }}>
          {t("command.legend.outline")}；{t("command.legend.towns")}
        </span>
      </div>
    </Flex>
  );
}
