import { useState } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Tabs, Tag, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { PRESSURE_CLASS_LABELS, PRESSURE_CLASS_MPA, type PipelineDto } from "@contracts/gas/pipeline";
import { useCan } from "../../../../auth/use-can";
import { formatDate, formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { useLeaks } from "../../leaks/api";
import { useHazards, usePatrols, usePipeline, useSiteLinks } from "../api";
import { LineHistory } from "../components/line-history";
import { LineLeaks } from "../components/line-leaks";
import { LineMap } from "../components/line-map";
import { LineHazards, LinePatrols, LineSites } from "../components/line-tabs";
import { PRESSURE_HEX } from "../components/map-option";
import { PipelineForm } from "../components/pipeline-form";

/** What the header and map need beside the line: its latest patrol, what is open on it, and everything near it for the map. */
function useLineState(line: PipelineDto) {
  const pipelineId = line.id;
  const latest = usePatrols({ pipelineId, pageSize: 1 }).data?.items[0];
  const openHazards = useHazards({ pipelineId, open: "true", pageSize: 1 }).data?.total;
  const openLeaks = useLeaks({ pipelineId, state: "suspect,confirmed", pageSize: 1 }).data?.total;
  const sites = useSiteLinks({ pipelineId, pageSize: 200 }).data?.items ?? [];
  const leaks = useLeaks({ pipelineId, state: "suspect,confirmed", pageSize: 200 }).data?.items ?? [];
  const hazards = useHazards({ pipelineId, open: "true", pageSize: 200 }).data?.items ?? [];
  const coveragePct = latest?.lineCoveredM == null || line.lengthM <= 0 ? null : Math.min(100, Math.round((1000 * latest.lineCoveredM) / line.lengthM) / 10);
  const uncleared = sites.reduce((n, s) => n + s.excavationsUncleared, 0);
  return { latest: { coveragePct, at: latest?.startedAt ?? null }, openHazards, openLeaks, uncleared, sites, leaks, hazards };
}

/** 当前状况: what is open on the line now, read from its records (the ledger keeps no status of its own). */
function Condition({ s }: { s: ReturnType<typeof useLineState> }) {
  const { t } = useTranslation();
  const tags = [
    s.openLeaks ? <Tag key="leaks" color="red">{t("gasPipelines.openLeaks", { n: s.openLeaks })}</Tag> : null,
    s.openHazards ? <Tag key="hazards" color="orange">{t("gasPipelines.openHazards", { n: s.openHazards })}</Tag> : null,
    s.uncleared ? <Tag key="uncleared" color="volcano">{t("gasPipelines.unclearedWorks", { n: s.uncleared })}</Tag> : null,
    s.latest.at ? null : <Tag key="never">{t("gasPipelines.neverPatrolled")}</Tag>,
  ].filter(Boolean);
  if (s.openLeaks === undefined || s.openHazards === undefined) return null;
  return <Space size={4} wrap>{tags.length ? tags : <Tag color="success">{t("gasPipelines.nothingOpen")}</Tag>}</Space>;
}

/**
 * 管线详情: one line's ledger entry and what it is now (open leaks, hazards, uncleared digging nearby), a small map of
 * it with its sites, hazards and leak points, and tabs of its patrols, hazards, linked sites, leak points and changes.
 */
function PipelineDetail({ line }: { line: PipelineDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const s = useLineState(line);
  const mpa = PRESSURE_CLASS_MPA[line.pressureClass];
  const tabs = [
    { key: "patrols", label: t("gasPipelines.patrols"), children: <LinePatrols line={line} /> },
    { key: "hazards", label: t("gasPipelines.menu.hazards"), children: <LineHazards line={line} /> },
    { key: "sites", label: `${t("gasPipelines.siteLinks")} (${line.siteLinks})`, children: <LineSites line={line} /> },
    { key: "leaks", label: t("gasLeaks.menu.leaks"), children: <LineLeaks line={line} /> },
    ...(can("audit.read") ? [{ key: "history", label: t("gasPipelines.history"), children: <LineHistory line={line} /> }] : []),
  ];
  return (
    <>
      <PageHeader
        parent={{ to: "/gas/pipelines", label: t("gasPipelines.menu.pipelines") }}
        title={
          <Space align="baseline" size={8} wrap>
            <span>{line.code}</span>
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
              {line.name}
            </Typography.Text>
          </Space>
        }
        extra={<Tag color={PRESSURE_HEX[line.pressureClass]}>{label(PRESSURE_CLASS_LABELS, line.pressureClass)}</Tag>}
        actions={
          can("gas.manage") && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("common.edit")}
            </Button>
          )
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ height: "100%" }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t("gasPipelines.code")}>{line.code}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.name")}>{line.name}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.pressureClass")}>{`${label(PRESSURE_CLASS_LABELS, line.pressureClass)}（${mpa.fromMpa}–${mpa.toMpa} MPa）`}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.material")}>{line.material}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.diameter")}>{line.diameterMm ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.length")}>{line.lengthM}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.owner")} span={2}>
                {line.enterpriseName}
              </Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.laidOn")}>{formatDate(line.laidOn)}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.age")}>{line.ageYears ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.lastPatrol")}>{s.latest.at ? formatDateTime(s.latest.at) : t("gasPipelines.neverPatrolled")}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.lineCoveragePct")}>{s.latest.coveragePct === null ? "—" : `${s.latest.coveragePct}%`}</Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.condition")} span={2}>
                <Condition s={s} />
              </Descriptions.Item>
              <Descriptions.Item label={t("gasPipelines.updatedAt")} span={2}>
                {formatDateTime(line.updatedAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ height: "100%" }} styles={{ body: { padding: 0, height: "100%" } }}>
            <LineMap line={line} latest={s.latest} sites={s.sites} leaks={s.leaks} hazards={s.hazards} />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs activeKey={sp.get("tab") ?? "patrols"} onChange={(tab) => setSp(tab === "patrols" ? {} : { tab }, { replace: true })} items={tabs.map((tab) => ({ ...tab, destroyOnHidden: true }))} />
      </Card>
      {editing && <PipelineForm initial={line} onClose={() => setEditing(false)} />}
    </>
  );
}

function PipelineDetailLoader() {
  const { id = "" } = useParams();
  const { data, isLoading, error, refetch } = usePipeline(id);
  if (!data) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return <PipelineDetail line={data} />;
}

export default function PipelineDetailPage() {
  return (
    <RequirePermission permission="gas.read">
      <PipelineDetailLoader />
    </RequirePermission>
  );
}
