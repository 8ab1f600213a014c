import { useState } from "react";
import { App, Button, Card, Descriptions, Image, Popconfirm, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { CUSTOMER_KIND_LABELS, type SafetyCheckDto } from "@contracts/gas/customer";
import type { DeliveryDto } from "@contracts/gas/delivery";
import { useCan } from "../../../../auth/use-can";
import { errorText } from "../../../../components/form-utils";
import { formatDate, orDash } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { RequirePermission } from "../../../../components/require-permission";
import { useLocalListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { checkPhotoEndpoints, fetchCustomerFull, useCustomer, useDeliveries, useSafetyChecks, useSetCustomerActive } from "../api";
import { CheckForm } from "../components/check-form";
import { CheckStateTag } from "../components/check-state-tag";
import { CustomerForm } from "../components/customer-form";
import { useDeliveryColumns } from "../components/delivery-columns";

const yesNo = (ok: boolean, yes: string, no: string) => (ok ? <Tag color="success">{yes}</Tag> : <Tag color="error">{no}</Tag>);

/** A customer: particulars (ID masked; the full view is audited), safety checks and delivery history. */
function CustomerDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const can = useCan();
  const manage = can("gas.manage");
  const customer = useCustomer(id);
  const checksLp = useLocalListParams(10);
  const deliveriesLp = useLocalListParams(10);
  const deliveryColumns = useDeliveryColumns(false);
  const setActive = useSetCustomerActive(id);
  const [editing, setEditing] = useState(false);
  const [checking, setChecking] = useState(false);
  const [fullId, setFullId] = useState<string | null>(null);
  const c = customer.data;
  if (!c) return <QueryState isLoading={customer.isLoading} error={customer.error} onRetry={() => void customer.refetch()} />;

  const revealId = async () => {
    try {
      setFullId((await fetchCustomerFull(id)).idNumber);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const toggleActive = async () => {
    try {
      await setActive.mutateAsync(!c.active);
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title={`${c.name}（${c.code}）`}
        parent={{ to: "/gas/customers", label: t("gasDelivery.menu.customers") }}
        actions={
          manage && (
            <Space>
              <Button type="primary" onClick={() => setChecking(true)}>
                {t("gasDelivery.recordCheck")}
              </Button>
              <Button onClick={() => setEditing(true)}>{t("common.edit")}</Button>
              {c.active ? (
                <Popconfirm title={t("gasDelivery.deactivateConfirm")} onConfirm={() => void toggleActive()} okText={t("common.confirm")} cancelText={t("common.cancel")}>
                  <Button danger>{t("gasDelivery.deactivate")}</Button>
                </Popconfirm>
              ) : (
                <Button onClick={() => void toggleActive()}>{t("gasDelivery.reactivate")}</Button>
              )}
            </Space>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("gasDelivery.kind")}>{label(CUSTOMER_KIND_LABELS, c.kind)}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.idNumber")}>
            <Space>
              {fullId ?? c.idNumber}
              {manage && !fullId && (
                <Popconfirm title={t("gasDelivery.showFullConfirm")} onConfirm={() => void revealId()} okText={t("common.confirm")} cancelText={t("common.cancel")}>
                  <Button size="small" type="link">
                    {t("gasDelivery.showFull")}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.phone")}>{c.phone}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.address")} span={2}>
            {c.address}
          </Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.location")}>{c.lat == null ? "—" : `${c.lat}, ${c.lng}`}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.enterprise")}>{c.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.contractNo")}>{orDash(c.contractNo)}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.active")}>{c.active ? t("gasDelivery.activeYes") : t("gasDelivery.activeNo")}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.lastCheckOn")}>{formatDate(c.lastCheckOn)}</Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.nextCheckDue")}>
            <Space>
              {formatDate(c.nextCheckDue)}
              <CheckStateTag state={c.checkState} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("gasDelivery.cylindersHeld")}>{c.cylindersHeld}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t("gasDelivery.checks")} style={{ marginBottom: 12 }}>
        <ListPage<SafetyCheckDto>
          bare
          lp={checksLp}
          search={false}
          useRows={useSafetyChecks}
          query={{ customerId: id }}
          emptyText={t("gasDelivery.empty")}
          columns={[
            { title: t("gasDelivery.checkedOn"), dataIndex: "checkedOn", width: 110 },
            { title: t("gasDelivery.alarmFitted"), dataIndex: "alarmFitted", width: 100, render: (v: boolean) => yesNo(v, t("common.yes"), t("common.no")) },
            { title: t("gasDelivery.hoseOk"), dataIndex: "hoseOk", width: 90, render: (v: boolean) => yesNo(v, t("common.yes"), t("common.no")) },
            { title: t("gasDelivery.valveOk"), dataIndex: "valveOk", width: 90, render: (v: boolean) => yesNo(v, t("common.yes"), t("common.no")) },
            { title: t("gasDelivery.passed"), dataIndex: "passed", width: 90, render: (v: boolean) => yesNo(v, t("gasDelivery.pass"), t("gasDelivery.fail")) },
            { title: t("gasDelivery.nextDueOn"), dataIndex: "nextDueOn", width: 110 },
            { title: t("gasDelivery.checker"), dataIndex: "checkerName", width: 100, render: orDash },
            { title: t("gasDelivery.note"), dataIndex: "note", ellipsis: true, render: orDash },
            {
              title: t("gasDelivery.photos"),
              dataIndex: "photoIds",
              width: 140,
              render: (ids: string[]) =>
                ids.length ? (
                  <Image.PreviewGroup>
                    {ids.map((p) => (
                      <Image key={p} src={checkPhotoEndpoints.urlOf(p)} width={28} height={28} style={{ objectFit: "cover" }} />
                    ))}
                  </Image.PreviewGroup>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("gasDelivery.deliveries")}>
        <ListPage<DeliveryDto> bare lp={deliveriesLp} search={false} useRows={useDeliveries} query={{ customerId: id }} columns={deliveryColumns} emptyText={t("gasDelivery.empty")} />
      </Card>
      {editing && <CustomerForm customer={c} onClose={() => setEditing(false)} />}
      {checking && <CheckForm customerId={id} onClose={() => setChecking(false)} />}
    </>
  );
}

export default function CustomerDetailPage() {
  const { id } = useParams();
  return <RequirePermission permission="gas.read">{id && <CustomerDetail id={id} />}</RequirePermission>;
}
