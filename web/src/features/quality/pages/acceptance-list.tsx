import { Card, Select, Table, Tag } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { ACCEPTANCE_STATE_LABELS, MILESTONE_LABELS, type AcceptanceDto } from "@contracts/quality/acceptance";
import { formatDateTime, orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams, type ListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { ProjectFilter } from "../../iot/components/project-filter";
import { useAcceptances } from "../api";
import { Signoffs } from "../components/signoffs";
import { projectColumn } from "../../../components/project-column";

const sortable = (lp: ListParams, key: string) => ({ key, sorter: true, sortOrder: lp.sortOrder(key) as SortOrder });

/** 质量验收: every milestone acceptance in the city by project, milestone and state, with each party's sign-off. */
function AcceptanceList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const lp = useListParams();
  const { data, isFetching, error } = useAcceptances(lp.query);
  return (
    <>
      <PageHeader title={t("acceptance.title")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <ProjectFilter value={lp.get("projectId")} onChange={(projectId) => lp.set({ projectId })} width={220} />
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("acceptance.milestone")} placeholder={t("acceptance.milestone")} style={{ minWidth: 150 }} value={lp.getList("milestone")} options={options(MILESTONE_LABELS)} onChange={(milestone: string[]) => lp.set({ milestone })} />
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("acceptance.state")} placeholder={t("acceptance.state")} style={{ minWidth: 130 }} value={lp.getList("state")} options={options(ACCEPTANCE_STATE_LABELS)} onChange={(state: string[]) => lp.set({ state })} />
            </>
          }
        />
        <ListError error={error} />
        <Table<AcceptanceDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          dataSource={data?.items}
          columns={[
            projectColumn<AcceptanceDto>(t("acceptance.project"), "acceptance", 240),
            { title: t("acceptance.milestone"), dataIndex: "milestone", width: 110, render: (m: AcceptanceDto["milestone"]) => label(MILESTONE_LABELS, m) },
            { title: t("acceptance.state"), dataIndex: "state", width: 90, render: (s: AcceptanceDto["state"]) => <Tag color={s === "accepted" ? "green" : "blue"}>{label(ACCEPTANCE_STATE_LABELS, s)}</Tag> },
            { title: t("acceptance.parties"), key: "parties", render: (_: unknown, a) => <Signoffs a={a} /> },
            { title: t("acceptance.plannedOn"), dataIndex: "plannedOn", width: 110, ...sortable(lp, "plannedOn"), render: orDash },
            { title: t("acceptance.acceptedAt"), dataIndex: "acceptedAt", width: 140, ...sortable(lp, "acceptedAt"), render: formatDateTime },
          ]}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t("acceptance.empty") }}
        />
      </Card>
    </>
  );
}

export default function AcceptanceListPage() {
  return (
    <RequirePermission permission="cases.read">
      <AcceptanceList />
    </RequirePermission>
  );
}
