import { useMemo, type ReactNode } from "react";
import { Button, Col, Empty, Flex, Row, Skeleton, Typography } from "antd";
import { DashboardOutlined, FullscreenOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { HomeDto } from "@contracts/dashboard/home";
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "@contracts/registry/enums";
import { useMe } from "../../../auth/use-can";
import { EChart } from "../../../charts/echart";
import { ListError } from "../../../components/list-error";
import { useLabels } from "../../../i18n/labels";
import { useHome } from "../../command/api";
import { AlarmTicker } from "../../command/components/alarm-ticker";
import { Panel } from "../../command/components/figures";
import { KpiStrip } from "../../command/components/kpi-strip";
import { useCommandLive } from "../../command/components/use-command-live";
import { kpiTiles } from "../../command/kpis";
import { districtBarsOption, statusRingOption } from "../../command/panel-charts";
import { HomeCards } from "../components/home-cards";
import { MyCases } from "../components/my-cases";
import { QuickLinks } from "../components/quick-links";
import "../../command/command.css";

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

/** The bureau's home: "my work" (an inspector's), the command center's summary and the project charts. */
function BureauHome({ home }: { home: HomeDto }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const city = home.city;
  const status = useMemo(() => (city?.projects ? statusRingOption(city.projects.byStatus, PROJECT_STATUSES, (s) => label(PROJECT_STATUS_LABELS, s), false) : null), [city, lang]); // label() follows lang
  const districts = useMemo(() => (city?.projects ? districtBarsOption(city.projects.byDistrict, 10, false) : null), [city]);
  return (
    <>
      {home.cards.length > 0 && (
        <Section title={t("home.myWork")}>
          <HomeCards cards={home.cards} />
        </Section>
      )}
      {city && (
        <Section title={t("home.cityOverview")}>
          <KpiStrip tiles={kpiTiles(city, t)} big={false} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={8}>
              {status && (
                <Panel title={t("command.panel.byStatus")}>
                  <EChart option={status} ariaLabel={t("command.panel.byStatus")} style={{ height: 240 }} />
                </Panel>
              )}
            </Col>
            <Col xs={24} lg={8}>
              {districts && (
                <Panel title={t("command.panel.byDistrict")}>
                  <EChart option={districts} ariaLabel={t("command.panel.byDistrict")} style={{ height: 240 }} />
                </Panel>
              )}
            </Col>
            <Col xs={24} lg={8}>
              {city.alarms && (
                <Panel title={t("command.panel.ticker")}>
                  <AlarmTicker items={city.alarms.latest} max={8} />
                </Panel>
              )}
            </Col>
          </Row>
        </Section>
      )}
    </>
  );
}

/** A contractor's, testing agency's or gas company's home: its work cards, its cases by deadline, its sites' alarms. */
function PartyHome({ home }: { home: HomeDto }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t("home.myWork")}>{home.cards.length > 0 ? <HomeCards cards={home.cards} /> : <Empty description={t("home.nothingToDo")} />}</Section>
      <Section title={t("home.shortcuts")}>
        <QuickLinks kind={home.kind} />
      </Section>
      {(home.cases || home.alarms) && (
        <Row gutter={[12, 12]}>
          {home.cases && (
            <Col xs={24} xl={home.alarms ? 15 : 24}>
              <Panel title={t("home.myCases")}>
                <MyCases items={home.cases} />
              </Panel>
            </Col>
          )}
          {home.alarms && (
            <Col xs={24} xl={home.cases ? 9 : 24}>
              <Panel title={t(home.kind === "gas" ? "home.myDeviceAlarms" : "home.mySiteAlarms")}>
                <AlarmTicker items={home.alarms} max={10} />
              </Panel>
            </Col>
          )}
        </Row>
      )}
    </>
  );
}

/** 首页 by role: the bureau sees the city's summary (and an inspector its work); the parties their own to-do. Live over the stream. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const home = useHome();
  useCommandLive();
  const bureau = home.data?.kind === "bureau" || home.data?.kind === "inspector";
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} className="sc-page-title" style={{ margin: 0 }}>
          {t("home.welcome", { name: me.data?.displayName ?? "" })}
        </Typography.Title>
        {bureau && (
          <Flex gap={8}>
            <Link to="/command">
              <Button icon={<DashboardOutlined />}>{t("home.openCommand")}</Button>
            </Link>
            <Link to="/command/screen">
              <Button icon={<FullscreenOutlined />}>{t("home.openScreen")}</Button>
            </Link>
          </Flex>
        )}
      </Flex>
      <ListError error={home.error} />
      {home.isLoading ? <Skeleton active /> : home.data && (bureau ? <BureauHome home={home.data} /> : <PartyHome home={home.data} />)}
    </>
  );
}
