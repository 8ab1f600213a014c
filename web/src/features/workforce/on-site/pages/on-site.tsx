import { useMemo } from "react";
import { Card, Col, Row, Statistic, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CityAttendanceRowDto } from "@contracts/workforce/attendance";
import { YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { TRADE_LABELS } from "@contracts/workforce/workers";
import { useLabels } from "../../../../i18n/labels";
import { EChart } from "../../../../charts/echart";
import { orDash } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { districtBarsOption } from "../../../command/panel-charts";
import { useAttendanceToday, useOnSiteBreakdown } from "../api";

const time = (iso: string | null) => (iso ? dayjs(iso).format("HH:mm") : "—");

/** The on-site breakdown above the list: totals, and people on site by district and by trade. */
function Breakdown() {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const b = useOnSiteBreakdown();
  const districts = useMemo(() => (b.data ? districtBarsOption(b.data.byDistrict.map((d) => ({ district: d.district, count: d.onSite })), 10, false) : null), [b.data]);
  const trades = useMemo(() => (b.data ? districtBarsOption(b.data.byTrade.map((d) => ({ district: label(TRADE_LABELS, d.trade), count: d.onSite })), 10, false) : null), [b.data, lang]); // label() follows lang
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={4}>
        <Card size="small" style={{ height: "100%" }}>
          <Statistic title={t("onSite.onSite")} value={b.data?.onSite ?? 0} loading={b.isLoading} />
          <Statistic title={t("onSite.presentToday")} value={b.data?.presentToday ?? 0} loading={b.isLoading} style={{ marginTop: 12 }} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t("onSite.byDistrict")}>
          {districts && <EChart option={districts} ariaLabel={t("onSite.byDistrict")} style={{ height: 200 }} />}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t("onSite.byTrade")}>
          {trades && <EChart option={trades} ariaLabel={t("onSite.byTrade")} style={{ height: 200 }} />}
        </Card>
      </Col>
    </Row>
  );
}

/**
 * 在场人员: the city-wide workforce view — who passed a gate today across the caller's projects, still on site
 * or gone, with the breakdown by district and trade. The command center's 在场工人 opens it filtered on site.
 */
export default function OnSitePage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <ListPage<CityAttendanceRowDto>
      title={t("onSite.title")}
      permission="workforce.read"
      notice={() => <Breakdown />}
      useRows={useAttendanceToday}
      rowKey={(r) => `${r.personId}:${r.projectId}`}
      filters={[
        { key: "onSite", label: t("onSite.filterOnSite"), bool: [t("onSite.onSiteYes"), t("onSite.onSiteNo")], width: 120 },
        { key: "district", label: t("onSite.district"), options: YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d })), width: 130 },
      ]}
      search={false}
      columns={[
        { title: t("onSite.name"), dataIndex: "name", width: 110 },
        { title: t("onSite.project"), dataIndex: "projectName", ellipsis: true, render: (v: string, r) => <Link to={`/projects/${r.projectId}?tab=workforce`}>{v}</Link> },
        { title: t("onSite.district"), dataIndex: "district", width: 110 },
        { title: t("onSite.team"), dataIndex: "teamName", width: 120, render: (v: string | null) => orDash(v) },
        { title: t("onSite.trade"), dataIndex: "trade", width: 100, render: (v: string | null) => orDash(label(TRADE_LABELS, v)) },
        { title: t("onSite.firstIn"), dataIndex: "firstIn", width: 90, render: time },
        { title: t("onSite.lastOut"), dataIndex: "lastOut", width: 90, render: time },
        { title: t("onSite.state"), dataIndex: "lastDirection", width: 80, render: (d: string | undefined) => (d === "in" ? <Tag color="green">{t("onSite.onSiteYes")}</Tag> : <Tag>{t("onSite.onSiteNo")}</Tag>) },
      ]}
    />
  );
}
