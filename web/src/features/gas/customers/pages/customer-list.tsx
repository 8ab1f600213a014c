import { useState } from "react";
import { Button, Card, Select, Table, Tag } from "antd";
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CHECK_STATE_LABELS, CUSTOMER_KIND_LABELS, type CustomerDto } from "@contracts/gas/customer";
import { useCan } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { formatDate, orDash } from "../../../../components/format";
import { ImportModal } from "../../../../components/import-modal";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useCustomers } from "../api";
import { CheckStateTag } from "../components/check-state-tag";
import { CustomerForm } from "../components/customer-form";
import { gasDeliveryKeys } from "../keys";
import "../i18n";

/** 燃气用户: real-name customers with their check state; the company files, imports and exports them. */
function CustomerList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const manage = can("gas.manage");
  const lp = useListParams();
  const { data, isFetching, error } = useCustomers(lp.query);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader title={t("gasDelivery.menu.customers")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("gasDelivery.kind")} placeholder={t("gasDelivery.kind")} style={{ width: 150 }} value={lp.getList("kind")} options={options(CUSTOMER_KIND_LABELS)} onChange={(v: string[]) => lp.set({ kind: v })} />
              <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("gasDelivery.checkState")} placeholder={t("gasDelivery.checkState")} style={{ width: 170 }} value={lp.getList("checkState")} options={options(CHECK_STATE_LABELS)} onChange={(v: string[]) => lp.set({ checkState: v })} />
              <Select
                allowClear
                aria-label={t("gasDelivery.active")}
                placeholder={t("gasDelivery.active")}
                style={{ width: 100 }}
                value={lp.get("active")}
                options={[
                  { value: "true", label: t("gasDelivery.activeYes") },
                  { value: "false", label: t("gasDelivery.activeNo") },
                ]}
                onChange={(active?: string) => lp.set({ active })}
              />
            </>
          }
          actions={
            <>
              <ExportButton basePath="/gas/customers" query={lp.query} />
              {manage && (
                <>
                  <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                    {t("common.import")}
                  </Button>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                    {t("gasDelivery.newCustomer")}
                  </Button>
                </>
              )}
            </>
          }
        />
        <ListError error={error} />
        <Table<CustomerDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          locale={{ emptyText: t("gasDelivery.empty") }}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasDelivery.code"), dataIndex: "code", width: 130, sorter: true, sortOrder: lp.sortOrder("code"), render: (v: string, r) => <Link to={`/gas/customers/${r.id}`}>{v}</Link> },
            { title: t("gasDelivery.name"), dataIndex: "name", ellipsis: true, sorter: true, sortOrder: lp.sortOrder("name") },
            { title: t("gasDelivery.kind"), dataIndex: "kind", width: 70, render: (v: string) => label(CUSTOMER_KIND_LABELS, v) },
            { title: t("gasDelivery.idNumber"), dataIndex: "idNumber", width: 180 },
            { title: t("gasDelivery.phone"), dataIndex: "phone", width: 130 },
            { title: t("gasDelivery.address"), dataIndex: "address", ellipsis: true },
            { title: t("gasDelivery.enterprise"), dataIndex: "enterpriseName", ellipsis: true, width: 160 },
            { title: t("gasDelivery.lastCheckOn"), dataIndex: "lastCheckOn", width: 105, render: formatDate },
            { title: t("gasDelivery.nextCheckDue"), dataIndex: "nextCheckDue", width: 120, sorter: true, sortOrder: lp.sortOrder("nextCheckDue"), render: (v: string | null) => orDash(v) },
            { title: t("gasDelivery.checkState"), dataIndex: "checkState", width: 95, render: (v: CustomerDto["checkState"]) => <CheckStateTag state={v} /> },
            { title: t("gasDelivery.cylindersHeld"), dataIndex: "cylindersHeld", width: 80, align: "right" },
            { title: t("gasDelivery.active"), dataIndex: "active", width: 75, render: (v: boolean) => (v ? <Tag color="success">{t("gasDelivery.activeYes")}</Tag> : <Tag>{t("gasDelivery.activeNo")}</Tag>) },
          ]}
        />
      </Card>
      {creating && <CustomerForm customer={null} onClose={() => setCreating(false)} />}
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath="/gas/customers" entity={t("gasDelivery.customerEntity")} invalidate={gasDeliveryKeys.customers.all} />
    </>
  );
}

export default function CustomerListPage() {
  return (
    <RequirePermission permission="gas.read">
      <CustomerList />
    </RequirePermission>
  );
}
