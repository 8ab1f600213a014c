import { Card, Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_STATES } from "@contracts/registry/enterprise-change";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { useListParams } from "../../../../components/use-list-params";
import { useChangeRequests } from "../change-api";
import { ChangeRequestsTable } from "../components/change-requests-table";
import "../change-i18n";

/** 企业变更审核: the bureau's queue of enterprise change requests, pending ones first (oldest first). */
export default function ChangeRequestListPage() {
  const { t } = useTranslation();
  const lp = useListParams();
  const state = lp.get("state") ?? "pending";
  const { data, isFetching, error } = useChangeRequests({ ...lp.query, state });
  return (
    <>
      <PageHeader title={t("menu.enterpriseChanges")} />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={state}
          options={CHANGE_REQUEST_STATES.map((s) => ({ value: s, label: t(`enterpriseChange.states.${s}`) }))}
          onChange={(v) => lp.set({ state: String(v) })}
        />
        <ListError error={error} />
        <ChangeRequestsTable
          showEnterprise
          items={data?.items}
          loading={isFetching}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={(p) => lp.set({ page: p.current, pageSize: p.pageSize })}
        />
      </Card>
    </>
  );
}
