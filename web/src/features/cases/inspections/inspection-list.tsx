import { Button, Card, DatePicker, Select, Table, Tag, Typography } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { FormOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { INSPECTION_KIND_LABELS } from "@contracts/cases/enums";
import { DOMAINS } from "@contracts/platform/auth";
import type { InspectionDto } from "@contracts/cases/inspections";
import { useCan } from "../../../auth/use-can";
import { ExportButton } from "../../../components/export-button";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams, type ListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { ProjectFilter } from "../../iot/components/project-filter";
import "../cases.css";
import { useInspections } from "./api";
import { projectColumn } from "../../../components/project-column";

const sortable = (lp: ListParams, key: string) => ({ key, sorter: true, sortOrder: lp.sortOrder(key) as SortOrder });

/** 监督检查: every inspection in scope by project, kind, domain and date, with its score and the cases it opened. */
function InspectionList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const navigate = useNavigate();
  const lp = useListParams();
  const { data, isFetching, error } = useInspections(lp.query);
  const from = lp.get("from");
  const to = lp.get("to");
  return (
    <>
      <PageHeader
        title={t("inspection.list")}
        actions={
          can("cases.inspect") && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => void navigate("/inspections/new")}>
              {t("inspection.new")}
            </Button>
          )
        }
      />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <ProjectFilter value={lp.get("projectId")} onChange={(projectId) => lp.set({ projectId })} width={220} />
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("inspection.kind")} placeholder={t("inspection.kind")} style={{ minWidth: 140 }} value={lp.getList("kind")} options={options(INSPECTION_KIND_LABELS)} onChange={(kind: string[]) => lp.set({ kind })} />
              <Select allowClear aria-label={t("inspection.domain")} placeholder={t("inspection.domain")} style={{ width: 110 }} value={lp.get("domain")} options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} onChange={(domain?: string) => lp.set({ domain })} />
              <DatePicker.RangePicker
                aria-label={t("inspection.inspectedOn")}
                style={{ width: 240 }}
                value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
                onChange={(r) => lp.set({ from: r?.[0]?.format("YYYY-MM-DD") ?? "", to: r?.[1]?.format("YYYY-MM-DD") ?? "" })}
              />
            </>
          }
          actions={<ExportButton basePath="/inspections" query={lp.query} />}
        />
        <ListError error={error} />
        <Table<InspectionDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          dataSource={data?.items}
          onRow={(r) => ({ onClick: () => void navigate(`/inspections/${r.id}`) })}
          rowClassName={() => "sc-clickable-row"}
          columns={[
            { title: t("inspection.inspectedOn"), dataIndex: "inspectedOn", width: 110, ...sortable(lp, "inspectedOn") },
            projectColumn<InspectionDto>(t("inspection.project"), "cases"),
            { title: t("inspection.kind"), dataIndex: "kind", key: "kind", width: 100, render: (v: InspectionDto["kind"]) => label(INSPECTION_KIND_LABELS, v) },
            { title: t("inspection.domain"), dataIndex: "domain", key: "domain", width: 90, render: (v: string) => t(`domains.${v}`) },
            { title: t("inspection.template"), dataIndex: "templateName", key: "templateName", width: 220, ellipsis: true, render: (v: string | null, r) => (v ? `${v} v${r.templateVersion}` : "—") },
            { title: t("inspection.inspectors"), dataIndex: "inspectorNames", key: "inspectorNames", width: 160, ellipsis: true, render: (v: string[]) => v.join("、") },
            { title: t("inspection.score"), dataIndex: "score", width: 80, ...sortable(lp, "score"), render: (v: number | null) => (v == null ? "—" : <Typography.Text type={v < 60 ? "danger" : undefined}>{v}</Typography.Text>) },
            { title: t("inspection.checked"), dataIndex: "checkedCount", key: "checkedCount", width: 80 },
            { title: t("inspection.failed"), dataIndex: "failedCount", key: "failedCount", width: 80, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
            {
              title: t("inspection.cases"),
              key: "cases",
              width: 120,
              render: (_: unknown, r) => (
                <>
                  {r.caseCount}
                  {r.majorCaseCount > 0 && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {t("inspection.major")} {r.majorCaseCount}
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t("inspection.empty") }}
        />
      </Card>
    </>
  );
}

export default function InspectionListPage() {
  return (
    <RequirePermission permission="cases.read">
      <InspectionList />
    </RequirePermission>
  );
}
