import { useState } from "react";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CHECK_STATE_LABELS, CUSTOMER_KIND_LABELS, type CustomerDto } from "@contracts/gas/customer";
import { useCan } from "../../../../auth/use-can";
import { formatDate, orDash } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { useCustomers } from "../api";
import { CheckStateTag } from "../components/check-state-tag";
import { CustomerForm } from "../components/customer-form";
import { gasDeliveryKeys } from "../keys";

/** 燃气用户: real-name customers with their check state; the company files, imports and exports them. */
export default function CustomerListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<CustomerDto>
      title={t("gasDelivery.menu.customers")}
      permission="gas.read"
      useRows={useCustomers}
      exportPath="/gas/customers"
      create={manage && { label: t("gasDelivery.newCustomer"), onClick: () => setCreating(true) }}
      importer={manage && { entity: t("gasDelivery.customerEntity"), invalidate: gasDeliveryKeys.customers.all }}
      filters={[
        { key: "kind", label: t("gasDelivery.kind"), labels: CUSTOMER_KIND_LABELS, multiple: true },
        { key: "checkState", label: t("gasDelivery.checkState"), labels: CHECK_STATE_LABELS, multiple: true, width: 170 },
        { key: "active", label: t("gasDelivery.active"), bool: [t("gasDelivery.activeYes"), t("gasDelivery.activeNo")], width: 100 },
      ]}
      emptyText={t("gasDelivery.empty")}
      columns={[
        { title: t("gasDelivery.code"), dataIndex: "code", width: 130, sorter: true, render: (v: string, r) => <Link to={`/gas/customers/${r.id}`}>{v}</Link> },
        { title: t("gasDelivery.name"), dataIndex: "name", ellipsis: true, sorter: true },
        { title: t("gasDelivery.kind"), dataIndex: "kind", width: 70, render: (v: string) => label(CUSTOMER_KIND_LABELS, v) },
        { title: t("gasDelivery.idNumber"), dataIndex: "idNumber", width: 180 },
        { title: t("gasDelivery.phone"), dataIndex: "phone", width: 130 },
        { title: t("gasDelivery.address"), dataIndex: "address", ellipsis: true },
        { title: t("gasDelivery.enterprise"), dataIndex: "enterpriseName", ellipsis: true, width: 160 },
        { title: t("gasDelivery.lastCheckOn"), dataIndex: "lastCheckOn", width: 105, render: formatDate },
        { title: t("gasDelivery.nextCheckDue"), dataIndex: "nextCheckDue", width: 120, sorter: true, render: (v: string | null) => orDash(v) },
        { title: t("gasDelivery.checkState"), dataIndex: "checkState", width: 95, render: (v: CustomerDto["checkState"]) => <CheckStateTag state={v} /> },
        { title: t("gasDelivery.cylindersHeld"), dataIndex: "cylindersHeld", width: 80, align: "right" },
        { title: t("gasDelivery.active"), dataIndex: "active", width: 75, render: (v: boolean) => (v ? <Tag color="success">{t("gasDelivery.activeYes")}</Tag> : <Tag>{t("gasDelivery.activeNo")}</Tag>) },
      ]}
    >
      {creating && <CustomerForm customer={null} onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
