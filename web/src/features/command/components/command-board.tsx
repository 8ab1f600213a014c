import { useMemo } from "react";
import { Col, Empty, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { CityDashboardDto } from "@contracts/dashboard/city";
import type { Severity } from "@contracts/iot/alarms";
import { SEVERITY_LABELS } from "@contracts/iot/labels";
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "@contracts/registry/enums";
import { EChart } from "../../../charts/echart";
import { ListError } from "../../../components/list-error";
import { PageLoading } from "../../../components/page-loading";
import { useLabels } from "../../../i18n/labels";
import { useCityDashboard, useTicker } from "../api";
import { figureOf, kpiTiles, type Figure } from "../kpis";
import { pageOfApiLink } from "../links";
import { districtBarsOption, severityBarsOption, statusRingOption } from "../panel-charts";
import { AlarmTicker } from "./alarm-ticker";
import { CommandMap } from "./command-map";
import { FigureRows, Panel } from "./figures";
import { KpiStrip } from "./kpi-strip";
import { useCommandLive } from "./use-command-live";
import "../command.css";

type T = (key: string, o?: Record<string, unknown>) => string;

/** Figures of a section, those the caller's dashboard has. */
const figures = (d: CityDashboardDto, t: T, specs: [path: string, label: string, alert?: boolean][]): Figure[] =>
  specs.flatMap(([path, label, alert]) => figureOf(d, path, t(`command.${label}`), alert ? 0 : undefined) ?? []);

/**
 * The command center's content, in the console (light cards around the map) or on the big screen (dark,
 * large type, one 1920×1080 page): the KPI strip (every figure, safety and gas included), the project, case and
 * alarm panels, and the map.
 * The first paint is the server's cached aggregate; the stream keeps it moving.
 */
export function CommandBoard({ big }: { big: boolean }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const navigate = useNavigate();
  const city = useCityDashboard();
  useCommandLive();
  const d = city.data;
  const ticker = useTicker(d?.alarms?.latest, !!d?.alarms);

  const status = useMemo(() => (d?.projects ? statusRingOption(d.projects.byStatus, PROJECT_STATUSES, (s) => label(PROJECT_STATUS_LABELS, s), big) : null), [d, big, lang]); // label() follows lang
  const districts = useMemo(() => (d?.projects ? districtBarsOption(d.projects.byDistrict, 8, big) : null), [d, big]);
  const severities = useMemo(() => (d?.alarms ? severityBarsOption(d.alarms.bySeverity, (s) => label(SEVERITY_LABELS, s), big) : null), [d, big, lang]); // label() follows lang

  if (city.isLoading) return <PageLoading />;
  if (!d) return <ListError error={city.error} />;

  const go = (key: string) => {
    const to = pageOfApiLink(d.links[key]);
    if (to) void navigate(to);
  };
  const tiles = kpiTiles(d, t);

  const statusPanel = status && (
    <Panel title={t("command.panel.byStatus")}>
      <EChart option={status} ariaLabel={t("command.panel.byStatus")} style={{ height: big ? 160 : 200 }} onClick={(e) => go(`projects.byStatus.${(e.data as { status?: string }).status}`)} />
    </Panel>
  );
  const districtPanel = districts && d.projects && (
    <Panel title={t("command.panel.byDistrict")}>
      {d.projects.byDistrict.length ? (
        <EChart option={districts} ariaLabel={t("command.panel.byDistrict")} style={{ height: big ? 215 : 240 }} onClick={(e) => go(`projects.byDistrict.${e.name}`)} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("command.noData")} />
      )}
    </Panel>
  );
  const cases = d.cases;
  const casesPanel = cases && (
    <Panel title={t("command.panel.cases")} style={big ? { flex: 1, minHeight: 0, overflow: "hidden" } : undefined}>
      <FigureRows
        columns={big ? 2 : 1}
        figures={figures(d, t, [
          ["cases.byState.pending", "caseState.pending"],
          ["cases.byState.rectifying", "caseState.rectifying"],
          ["cases.byState.review", "caseState.review"],
          ["cases.overdue", "kpi.overdue", true],
          ["cases.major", "kpi.major", true],
          ["cases.stopWork", "panel.stopWork", true],
        ])}
      />
      <div style={{ marginTop: 10, paddingTop: 8, borderTop: "1px dashed rgba(128,128,128,0.3)" }}>
        <Typography.Text type="secondary" style={{ fontSize: big ? 15 : 12 }}>
          {t("command.panel.oldestOverdue")}
        </Typography.Text>
        {cases.oldestOverdue ? (
          <div style={{ fontSize: big ? 16 : 13 }}>
            <Link to={`/cases/${cases.oldestOverdue.id}`} style={{ color: "inherit", fontWeight: 600 }}>
              {cases.oldestOverdue.title}
            </Link>
            <div>
              <span className="sc-cmd-alert">{t("command.panel.daysOverdue", { n: cases.oldestOverdue.daysOverdue })}</span>
              <span style={{ opacity: 0.65 }}> · {cases.oldestOverdue.projectName ?? cases.oldestOverdue.enterpriseName ?? ""}</span>
            </div>
          </div>
        ) : (
          <div style={{ fontSize: big ? 16 : 13 }}>{t("command.panel.noOverdue")}</div>
        )}
      </div>
    </Panel>
  );
  const tickerPanel = d.alarms && (
    <Panel title={t("command.panel.ticker")} style={big ? { flex: 1, minHeight: 0, overflow: "hidden" } : undefined}>
      <AlarmTicker items={ticker.data ?? d.alarms.latest} live={!!ticker.data && !ticker.isPlaceholderData} max={big ? 11 : 10} />
    </Panel>
  );
  const severityPanel = severities && (
    <Panel title={t("command.panel.bySeverity")}>
      <EChart option={severities} ariaLabel={t("command.panel.bySeverity")} style={{ height: big ? 140 : 130 }} onClick={(e) => go(`alarms.bySeverity.${(e.data as { severity?: Severity }).severity}`)} />
    </Panel>
  );
  if (big) {
    return (
      <>
        <KpiStrip tiles={tiles} big />
        <div className="sc-screen-body">
          <div className="sc-screen-col">
            {statusPanel}
            {districtPanel}
            {casesPanel}
          </div>
          <Panel title={t("command.panel.map")} style={{ minHeight: 0, display: "flex", flexDirection: "column" }} bodyStyle={{ flex: 1, minHeight: 0 }}>
            <CommandMap height="100%" dark />
          </Panel>
          <div className="sc-screen-col">
            {tickerPanel}
            {severityPanel}
          </div>
        </div>
      </>
    );
  }

  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <KpiStrip tiles={tiles} big={false} />
      </Col>
      <Col xs={24} xl={6}>
        <Row gutter={[12, 12]}>
          <Col span={24}>{statusPanel}</Col>
          <Col span={24}>{districtPanel}</Col>
          <Col span={24}>{casesPanel}</Col>
        </Row>
      </Col>
      <Col xs={24} xl={12}>
        <Panel title={t("command.panel.map")}>
          <CommandMap height="clamp(360px, calc(100vh - 330px), 820px)" dark={false} />
        </Panel>
      </Col>
      <Col xs={24} xl={6}>
        <Row gutter={[12, 12]}>
          <Col span={24}>{tickerPanel}</Col>
          <Col span={24}>{severityPanel}</Col>
        </Row>
      </Col>
    </Row>
  );
}
