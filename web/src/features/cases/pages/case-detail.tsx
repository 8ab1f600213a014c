import { Alert, Button, Card, Col, Descriptions, Flex, Row, Typography } from "antd";
import { FilePdfOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CASE_CATEGORY_LABELS, CASE_SOURCE_LABELS } from "@contracts/cases/enums";
import { STOP_WORK_SCOPE_LABELS, type CaseDetailDto } from "@contracts/cases/cases";
import { formatDateTime, orDash } from "../../../components/format";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { RequirePermission } from "../../../components/require-permission";
import { useLabels } from "../../../i18n/labels";
import { noticePdfUrl, stopWorkPdfUrl, useCase } from "../api";
import "../cases.css";
import { CaseActions } from "../components/case-actions";
import { CaseStateTag, DeadlineCell, GradeTag, StopWorkTag } from "../components/case-tags";
import { CaseTimeline } from "../components/case-timeline";
import { PhotoThumbs } from "../components/photo-input";

/** Where the record that opened the case lives in the app, when it has a page. */
function sourceLink(c: CaseDetailDto): string | null {
  if (c.inspectionId) return `/inspections/${c.inspectionId}`;
  if (c.source === "iot" && c.sourceRef) return `/iot/alarms?alarm=${encodeURIComponent(c.sourceRef)}&status=`;
  // Gas records name their kind in the reference: gas_hazard:<id>, gas_leak:<id>, gas_anomaly:<id>.
  const gas = c.source === "gas" ? /^gas_(hazard|leak|anomaly):/.exec(c.sourceRef ?? "") : null;
  if (gas) return { hazard: "/gas/hazards", leak: "/gas/leaks", anomaly: "/gas/anomalies" }[gas[1] as "hazard" | "leak" | "anomaly"];
  return null;
}

function CaseFacts({ c }: { c: CaseDetailDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const link = sourceLink(c);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2 }}
      styles={{ label: { whiteSpace: "nowrap", width: 96 } }}
      items={[
        // A gas case (pipeline, leak, station) stands outside any construction project.
        ...(c.projectId ? [{ key: "project", label: t("cases.project"), span: 2, children: <Link to={`/projects/${c.projectId}?tab=cases`}>{c.projectName}</Link> }] : []),
        { key: "enterprise", label: t("cases.enterprise"), span: 2, children: c.enterpriseId ? <Link to={`/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link> : "—" },
        { key: "grade", label: t("cases.grade"), children: <GradeTag grade={c.grade} /> },
        { key: "category", label: t("cases.category"), children: label(CASE_CATEGORY_LABELS, c.category) },
        { key: "source", label: t("cases.source"), children: link ? <Link to={link}>{label(CASE_SOURCE_LABELS, c.source)}</Link> : label(CASE_SOURCE_LABELS, c.source) },
        { key: "location", label: t("cases.location"), children: orDash(c.location) },
        { key: "deadline", label: t("cases.deadline"), children: <DeadlineCell c={c} /> },
        { key: "issuer", label: t("cases.issuer"), children: `${c.issuerName} · ${formatDateTime(c.createdAt)}` },
        ...(c.closedAt ? [{ key: "closed", label: t("cases.closedAt"), span: 2, children: formatDateTime(c.closedAt) }] : []),
        { key: "legal", label: t("cases.legalBasis"), span: 2, children: orDash(c.legalBasis) },
        { key: "desc", label: t("cases.description"), span: 2, children: <div style={{ whiteSpace: "pre-wrap" }}>{orDash(c.description)}</div> },
        { key: "photos", label: t("cases.photos"), span: 2, children: <PhotoThumbs ids={c.photoIds} /> },
      ]}
    />
  );
}

/** 整改单详情: facts and photos, the stop-work order in force, the caller's actions, the PDFs and the timeline. */
function CaseDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { label } = useLabels();
  const { data: c, isLoading, error, refetch } = useCase(id);
  if (!c) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        parent={{ to: "/cases", label: t("cases.boardTitle") }}
        title={
          <Flex align="baseline" gap={8} wrap>
            <span>{c.title}</span>
            <Typography.Text type="secondary" className="sc-mono" style={{ fontSize: 14, fontWeight: 400 }}>
              {c.no}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Flex gap={4} data-testid="case-state">
            <GradeTag grade={c.grade} />
            <CaseStateTag state={c.state} />
            <StopWorkTag stopWork={c.stopWork} />
          </Flex>
        }
        actions={
          <>
            <Button icon={<FilePdfOutlined />} href={noticePdfUrl(c.id)} target="_blank" rel="noopener">
              {t("cases.noticePdf")}
            </Button>
            {c.stopWork !== "none" && (
              <Button icon={<FilePdfOutlined />} href={stopWorkPdfUrl(c.id)} target="_blank" rel="noopener" danger>
                {t("cases.stopWorkPdf")}
              </Button>
            )}
          </>
        }
      />
      {c.stopWork !== "none" && c.stopWorkOrder && (
        <Alert
          type={c.stopWork === "resumed" ? "info" : "error"}
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t("cases.stopWorkOrder")}：${label(STOP_WORK_SCOPE_LABELS, c.stopWorkOrder.scope)}`}
          description={`${c.stopWorkOrder.reason}（${c.stopWorkOrder.by} · ${formatDateTime(c.stopWorkOrder.at)}）`}
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          {c.actions.length > 0 && (
            <Card size="small" style={{ marginBottom: 12 }}>
              <CaseActions c={c} />
            </Card>
          )}
          <Card size="small">
            <CaseFacts c={c} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("cases.timeline")}>
            <CaseTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function CaseDetailPage() {
  return (
    <RequirePermission permission="cases.read">
      <CaseDetail />
    </RequirePermission>
  );
}
