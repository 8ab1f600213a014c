import type { ColumnsType } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DELIVERY_STEP_LABELS, type DeliveryDto } from "@contracts/gas/delivery";
import { formatDateTime, orDash } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";

/** The delivery steps' columns; the list page and a customer's history (without the customer) share them. */
export function useDeliveryColumns(showCustomer = true): ColumnsType<DeliveryDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("gasDelivery.at"), dataIndex: "at", width: 150, render: formatDateTime },
    { title: t("gasDelivery.cylinderCode"), dataIndex: "cylinderCode", width: 160 },
    { title: t("gasDelivery.step"), dataIndex: "step", width: 110, render: (v: string) => label(DELIVERY_STEP_LABELS, v) },
    { title: t("gasDelivery.station"), dataIndex: "stationName", ellipsis: true, render: orDash },
    { title: t("gasDelivery.staff"), dataIndex: "staffName", width: 110, render: orDash },
    ...(showCustomer ? [{ title: t("gasDelivery.customer"), dataIndex: "customerName", ellipsis: true, render: (v: string | null, r: DeliveryDto) => (r.customerId ? <Link to={`/gas/customers/${r.customerId}`}>{v}</Link> : "—") }] : []),
    { title: t("gasDelivery.location"), key: "loc", width: 150, render: (_: unknown, r: DeliveryDto) => (r.lat == null ? "—" : `${r.lat.toFixed(5)}, ${r.lng?.toFixed(5)}`) },
    { title: t("gasDelivery.source"), dataIndex: "source", width: 70 },
  ];
}
