import { useState } from "react";
import { Button, Card, Select, Space, Table, Tag } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { JUDGE_METHOD_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import type { ResultDto } from "@contracts/testing/result";
import { useCan } from "../../../auth/use-can";
import { ExportButton } from "../../../components/export-button";
import { formatDate, orDash } from "../../../components/format";
import { ImportModal } from "../../../components/import-modal";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { useResults } from "../api";
import { testingKeys } from "../keys";
import { PassTag } from "../components/pass-tag";
import { IssueReportModal, ReportDrawer } from "../components/report-drawer";
import { ResultFigures } from "../components/result-figures";
import "../i18n";
import { projectColumn } from "../../../components/project-column";

/** 检测结果: verdicts with their figures (expand a row), the case a failure opened, reports and the Excel import. */
function ResultList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useResults(lp.query);
  const [importing, setImporting] = useState(false);
  const [issuing, setIssuing] = useState<string | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t("testing.menu.results")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("testing.sampleType")} placeholder={t("testing.sampleType")} style={{ width: 170 }} value={lp.getList("sampleType")} options={options(SAMPLE_TYPE_LABELS)} onChange={(v: string[]) => lp.set({ sampleType: v })} />
              <Select
                allowClear
                aria-label={t("testing.conclusion")}
                placeholder={t("testing.conclusion")}
                style={{ width: 110 }}
                value={lp.get("pass")}
                options={[
                  { value: "true", label: t("testing.pass") },
                  { value: "false", label: t("testing.fail") },
                ]}
                onChange={(pass?: string) => lp.set({ pass })}
              />
            </>
          }
          actions={
            <>
              <ExportButton basePath="/testing/results" query={lp.query} />
              {can("testing.report") && (
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t("testing.importResults")}
                </Button>
              )}
            </>
          }
        />
        <ListError error={error} />
        <Table<ResultDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          scroll={{ x: 1100 }}
          expandable={{ expandedRowRender: (r) => <ResultFigures figures={r.figures} /> }}
          columns={[
            { title: t("testing.no"), dataIndex: "commissionNo", width: 160, render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
            projectColumn<ResultDto>(t("testing.project"), "testing"),
            { title: t("testing.sampleType"), dataIndex: "sampleType", width: 100, render: (v: string) => label(SAMPLE_TYPE_LABELS, v) },
            { title: t("testing.strengthClass"), dataIndex: "strengthClass", width: 90, render: orDash },
            { title: t("testing.lotNo"), dataIndex: "lotNo", width: 110, render: orDash },
            { title: t("testing.method"), dataIndex: "method", width: 150, render: (v: string) => label(JUDGE_METHOD_LABELS, v) },
            { title: t("testing.testedOn"), dataIndex: "testedOn", key: "testedOn", width: 110, sorter: true, sortOrder: lp.sortOrder("testedOn"), render: formatDate },
            {
              title: t("testing.conclusion"),
              dataIndex: "pass",
              width: 120,
              render: (p: boolean, r) => (
                <Space size={2}>
                  <PassTag pass={p} />
                  {r.retestOf && <Tag>{t("testing.retest")}</Tag>}
                </Space>
              ),
            },
            { title: t("testing.case"), dataIndex: "caseId", width: 80, render: (id: string | null) => (id ? <Link to={`/cases/${id}`}>{t("testing.case")}</Link> : "—") },
            {
              title: t("testing.report"),
              key: "report",
              width: 160,
              fixed: "right",
              render: (_: unknown, r) =>
                r.reportId ? (
                  <Button size="small" type="link" onClick={() => setReportId(r.reportId)}>
                    {r.reportNo}
                  </Button>
                ) : can("testing.report") ? (
                  <Button size="small" type="link" onClick={() => setIssuing(r.id)}>
                    {t("testing.issueReport")}
                  </Button>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath="/testing/results" entity={t("testing.resultEntity")} invalidate={testingKeys.results.all} />
      {issuing && (
        <IssueReportModal
          resultId={issuing}
          onClose={() => setIssuing(null)}
          onIssued={(id) => {
            setIssuing(null);
            setReportId(id);
          }}
        />
      )}
      <ReportDrawer reportId={reportId} onClose={() => setReportId(null)} />
    </>
  );
}

export default function ResultListPage() {
  return (
    <RequirePermission permission="testing.read">
      <ResultList />
    </RequirePermission>
  );
}
