import { useState } from "react";
import { Button, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { JUDGE_METHOD_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import type { ResultDto } from "@contracts/testing/result";
import { useCan } from "../../../auth/use-can";
import { formatDate, orDash } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { useResults } from "../api";
import { testingKeys } from "../keys";
import { PassTag } from "../components/pass-tag";
import { IssueReportModal, ReportDrawer } from "../components/report-drawer";
import { ResultFigures } from "../components/result-figures";
import { projectColumn } from "../../../components/project-column";

/** 检测结果: verdicts with their figures (expand a row), the case a failure opened, reports and the Excel import. */
export default function ResultListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const [issuing, setIssuing] = useState<string | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);

  return (
    <ListPage<ResultDto>
      title={t("testing.menu.results")}
      permission="testing.read"
      useRows={useResults}
      exportPath="/testing/results"
      importer={can("testing.report") && { entity: t("testing.resultEntity"), invalidate: testingKeys.results.all, label: t("testing.importResults") }}
      filters={[
        { key: "sampleType", label: t("testing.sampleType"), labels: SAMPLE_TYPE_LABELS, multiple: true, width: 170 },
        { key: "pass", label: t("testing.conclusion"), bool: [t("testing.pass"), t("testing.fail")], width: 110 },
      ]}
      table={{ expandable: { expandedRowRender: (r) => <ResultFigures figures={r.figures} /> } }}
      columns={[
        { title: t("testing.no"), dataIndex: "commissionNo", width: 160, render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
        projectColumn<ResultDto>(t("testing.project"), "testing"),
        { title: t("testing.sampleType"), dataIndex: "sampleType", width: 100, render: (v: string) => label(SAMPLE_TYPE_LABELS, v) },
        { title: t("testing.strengthClass"), dataIndex: "strengthClass", width: 90, render: orDash },
        { title: t("testing.lotNo"), dataIndex: "lotNo", width: 110, render: orDash },
        { title: t("testing.method"), dataIndex: "method", width: 150, render: (v: string) => label(JUDGE_METHOD_LABELS, v) },
        { title: t("testing.testedOn"), dataIndex: "testedOn", width: 110, sorter: true, render: formatDate },
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
    >
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
    </ListPage>
  );
}
