import { Button, Card, Descriptions, Flex, Result, Table, Typography } from "antd";
import { CheckCircleFilled, CloseCircleFilled, FilePdfOutlined, FormOutlined, MinusCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { INSPECTION_KIND_LABELS } from "@contracts/cases/enums";
import type { InspectionCaseDto, InspectionResultDto } from "@contracts/cases/inspections";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime, orDash } from "../../../../components/format";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { noticePdfUrl } from "../../api";
import { CaseStateTag, DeadlineCell, GradeTag } from "../../components/case-tags";
import { PhotoThumbs } from "../../components/photo-input";
import { useInspection } from "../api";

/** 检查结果: the visit's facts, the cases it opened (each with its notice PDF) and every item's verdict. */
function InspectionDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const navigate = useNavigate();
  const { data: d, isLoading, error, refetch } = useInspection(id);
  if (!d) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        parent={{ to: "/inspections", label: t("inspection.list") }}
        title={`${t("inspection.resultTitle")} · ${d.projectName}`}
        actions={
          can("cases.inspect") && (
            <Button icon={<FormOutlined />} onClick={() => void navigate("/inspections/new")}>
              {t("inspection.againNew")}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: "project", label: t("inspection.project"), children: <Link to={`/projects/${d.projectId}?tab=cases`}>{d.projectName}</Link> },
            { key: "date", label: t("inspection.inspectedOn"), children: d.inspectedOn },
            { key: "kind", label: t("inspection.kind"), children: label(INSPECTION_KIND_LABELS, d.kind) },
            { key: "domain", label: t("inspection.domain"), children: t(`domains.${d.domain}`) },
            { key: "template", label: t("inspection.template"), children: d.templateName ? `${d.templateName} v${d.templateVersion}` : "—" },
            { key: "inspectors", label: t("inspection.inspectors"), children: d.inspectorNames.join("、") || "—" },
            { key: "score", label: t("inspection.score"), children: d.score ?? "—" },
            { key: "counts", label: t("inspection.checked"), children: `${d.checkedCount} / ${t("inspection.failed")} ${d.failedCount}` },
            ...(d.summary ? [{ key: "summary", label: t("inspection.summary"), span: 4, children: <span style={{ whiteSpace: "pre-wrap" }}>{d.summary}</span> }] : []),
            ...(d.planId ? [{ key: "plan", label: t("inspection.plan"), children: <Link to={`/random-plans/${d.planId}`}>{t("inbox.open")}</Link> }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t("inspection.openedCases")} style={{ marginBottom: 12 }}>
        {d.cases.length ? (
          <div data-testid="inspection-cases">
            <Table<InspectionCaseDto>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.cases}
              columns={[
                { title: t("cases.no"), dataIndex: "no", width: 160, render: (no: string, c) => <Link to={`/cases/${c.id}`} className="sc-mono">{no}</Link> },
                { title: t("cases.title"), dataIndex: "title", ellipsis: true },
                { title: t("cases.grade"), dataIndex: "grade", width: 70, render: (g: InspectionCaseDto["grade"]) => <GradeTag grade={g} /> },
                { title: t("cases.state"), dataIndex: "state", width: 90, render: (s: InspectionCaseDto["state"]) => <CaseStateTag state={s} /> },
                { title: t("cases.deadline"), dataIndex: "deadline", width: 180, render: (_: string, c) => <DeadlineCell c={{ ...c, overdue: false }} /> },
                {
                  title: t("common.actions"),
                  key: "pdf",
                  width: 140,
                  render: (_: unknown, c) => (
                    <Button size="small" type="link" icon={<FilePdfOutlined />} href={noticePdfUrl(c.id)} target="_blank" rel="noopener">
                      {t("cases.noticePdf")}
                    </Button>
                  ),
                },
              ]}
            />
          </div>
        ) : (
          <Result status="success" title={t("inspection.noCases")} style={{ padding: 16 }} />
        )}
      </Card>
      <Card size="small" title={t("inspection.results")}>
        <Table<InspectionResultDto>
          rowKey="itemCode"
          size="small"
          pagination={false}
          dataSource={d.results}
          rowClassName={(r) => (r.passed ? "" : "sc-case-overdue")}
          columns={[
            {
              title: "",
              key: "v",
              width: 40,
              render: (_: unknown, r) => (r.passed ? <CheckCircleFilled style={{ color: "#52c41a" }} /> : <CloseCircleFilled style={{ color: "#f5222d" }} />),
            },
            { title: t("inspection.item"), dataIndex: "text", render: (v: string | null, r) => v ?? <Typography.Text type="secondary"><MinusCircleOutlined /> {r.itemCode}</Typography.Text> },
            { title: t("cases.grade"), dataIndex: "grade", width: 70, render: (g: InspectionResultDto["grade"]) => (g ? <GradeTag grade={g} /> : "—") },
            { title: t("inspection.clause"), dataIndex: "clause", width: 200, ellipsis: true, render: orDash },
            { title: t("inspection.note"), dataIndex: "note", width: 220, render: orDash },
            { title: t("cases.photos"), dataIndex: "photoIds", width: 150, render: (ids: string[]) => (ids.length ? <PhotoThumbs ids={ids} size={40} /> : "—") },
            { title: t("inspection.cases"), dataIndex: "caseId", width: 90, render: (id: string | null) => (id ? <Link to={`/cases/${id}`}>{t("cases.viewCase")}</Link> : "—") },
          ]}
          scroll={{ x: 1000 }}
        />
        <Flex justify="end" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(d.createdAt)}
          </Typography.Text>
        </Flex>
      </Card>
    </>
  );
}

export default function InspectionDetailPage() {
  return (
    <RequirePermission permission="cases.read">
      <InspectionDetail />
    </RequirePermission>
  );
}
