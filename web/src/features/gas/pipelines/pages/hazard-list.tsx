import { useState } from "react";
import { Button, Card, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CASE_GRADE_LABELS, CASE_STATE_LABELS } from "@contracts/cases/enums";
import { HAZARD_KIND_LABELS, type HazardDto } from "@contracts/gas/patrol";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useHazards } from "../api";
import { HazardForm } from "../components/hazard-form";
import "../i18n";

/** 巡查隐患: hazards found on patrol, each linking to the case it opened in the one loop. */
function HazardList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const manage = useCan()("gas.manage");
  const lp = useListParams();
  const { data, isFetching, error } = useHazards(lp.query);
  const [reporting, setReporting] = useState(false);
  return (
    <>
      <PageHeader title={t("gasPipelines.menu.hazards")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <Select
              allowClear
              mode="multiple"
              maxTagCount={1}
              aria-label={t("gasPipelines.hazardKind")}
              placeholder={t("gasPipelines.hazardKind")}
              style={{ width: 180 }}
              value={lp.getList("kind")}
              options={options(HAZARD_KIND_LABELS)}
              onChange={(v: string[]) => lp.set({ kind: v.join(",") || undefined })}
            />
          }
          actions={
            manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
                {t("gasPipelines.reportHazard")}
              </Button>
            )
          }
        />
        <ListError error={error} />
        <Table<HazardDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasPipelines.foundAt"), dataIndex: "foundAt", key: "foundAt", width: 150, sorter: true, sortOrder: lp.sortOrder("foundAt"), render: formatDateTime },
            { title: t("gasPipelines.hazardKind"), dataIndex: "kind", width: 120, render: (v: string) => <Tag color={v === "leak_smell" ? "red" : v === "third_party_digging" ? "orange" : undefined}>{label(HAZARD_KIND_LABELS, v)}</Tag> },
            { title: t("gasPipelines.pipeline"), dataIndex: "pipelineCode", width: 130, render: (v: string | null, r) => (v ? `${v} · ${label(PRESSURE_CLASS_LABELS, r.pressureClass ?? "")}` : "—") },
            { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
            { title: t("gasPipelines.description"), dataIndex: "description", ellipsis: true },
            { title: t("gasPipelines.location"), key: "loc", width: 170, render: (_: unknown, r) => `${r.lng.toFixed(5)}, ${r.lat.toFixed(5)}` },
            { title: t("gasPipelines.case"), dataIndex: "caseNo", width: 150, render: (v: string | null, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : "—") },
            { title: t("gasPipelines.grade"), dataIndex: "caseGrade", width: 70, render: (v: string | null) => (v ? <Tag color={v === "major" ? "red" : "default"}>{label(CASE_GRADE_LABELS, v)}</Tag> : "—") },
            { title: t("gasPipelines.caseState"), dataIndex: "caseState", width: 90, render: (v: string | null) => (v ? label(CASE_STATE_LABELS, v) : "—") },
          ]}
        />
      </Card>
      {reporting && <HazardForm onClose={() => setReporting(false)} />}
    </>
  );
}

export default function HazardListPage() {
  return (
    <RequirePermission permission="gas.read">
      <HazardList />
    </RequirePermission>
  );
}
