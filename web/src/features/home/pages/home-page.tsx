import { useMemo, type ReactNode } from "react";
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from "antd";
import { BankOutlined, BuildOutlined, ProjectOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIVE_PROJECT_STATUSES, PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "@contracts/registry/enums";
import { useMe } from "../../../auth/use-can";
import { EChart } from "../../../charts/echart";
import { districtBarOption, statusDonutOption } from "../../../charts/project-charts";
import { useLabels } from "../../../i18n/labels";
import { useEnterprises } from "../../registry/enterprises/api";
import { usePersons } from "../../registry/persons/api";
import { useProjectStats } from "../../registry/projects/api";

const TOTAL_ONLY = { page: 1, pageSize: 1 };

function Kpi({ title, value, icon, color, to, loading, suffix, extra }: { title: string; value?: number; icon: ReactNode; color: string; to: string; loading: boolean; suffix?: string; extra?: ReactNode }) {
  return (
    <Link to={to} style={{ display: "block", height: "100%" }}>
      <Card hoverable size="small" style={{ height: "100%" }}>
        <Row align="middle" wrap={false} gutter={16}>
          <Col flex="none">
            <div style={{ width: 48, height: 48, borderRadius: 8, background: `${color}1a`, color, fontSize: 24, display: "grid", placeItems: "center" }}>{icon}</div>
          </Col>
          <Col flex="auto">
            <Statistic title={title} value={value ?? 0} loading={loading} suffix={suffix} />
            {extra}
          </Col>
        </Row>
      </Card>
    </Link>
  );
}

/** 首页: four KPI cards and the status / district charts, all within the user's data scope. */
export default function HomePage() {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const me = useMe();
  const stats = useProjectStats();
  const enterprises = useEnterprises(TOTAL_ONLY);
  const persons = usePersons(TOTAL_ONLY);

  const s = stats.data;
  const live = s ? LIVE_PROJECT_STATUSES.reduce((n, st) => n + (s.byStatus[st] ?? 0), 0) : undefined;
  const suspended = s?.byStatus.suspended ?? 0;

  const donut = useMemo(() => (s ? statusDonutOption(s.byStatus, (st) => label(PROJECT_STATUS_LABELS, st), PROJECT_STATUSES) : null), [s, lang]); // label() follows lang
  const bars = useMemo(() => (s ? districtBarOption(s.byDistrict, t("home.count")) : null), [s, t]);

  return (
    <>
      <Typography.Title level={4} className="sc-page-title">
        {t("home.welcome", { name: me.data?.displayName ?? "" })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Kpi title={t("home.projectsTotal")} value={s?.total} icon={<ProjectOutlined />} color="#1557b0" to="/projects" loading={stats.isLoading} suffix={t("home.unit")} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Kpi
            title={t("home.liveProjects")}
            value={live}
            icon={<BuildOutlined />}
            color="#52c41a"
            to={`/projects?status=${LIVE_PROJECT_STATUSES.join(",")}`}
            loading={stats.isLoading}
            suffix={t("home.unit")}
            extra={suspended > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{label(PROJECT_STATUS_LABELS, "suspended")} {suspended}</Typography.Text>}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Kpi title={t("home.enterprisesTotal")} value={enterprises.data?.total} icon={<BankOutlined />} color="#fa8c16" to="/enterprises" loading={enterprises.isLoading} suffix={t("home.unit")} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Kpi title={t("home.personsTotal")} value={persons.data?.total} icon={<TeamOutlined />} color="#722ed1" to="/persons" loading={persons.isLoading} suffix={t("home.people")} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t("home.byStatus")}>
            {stats.isLoading ? <Skeleton active /> : s && s.total > 0 && donut ? <EChart option={donut} ariaLabel={t("home.byStatus")} style={{ height: 340 }} /> : <Empty description={t("home.empty")} />}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t("home.byDistrict")}>
            {stats.isLoading ? <Skeleton active /> : s && s.byDistrict.length > 0 && bars ? <EChart option={bars} ariaLabel={t("home.byDistrict")} style={{ height: 340 }} /> : <Empty description={t("home.empty")} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
