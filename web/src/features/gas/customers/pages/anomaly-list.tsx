import { useState } from "react";
import { App, Button, Flex, Form, Input, Popconfirm, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ANOMALY_KIND_LABELS, ANOMALY_STATE_LABELS, UNCERTIFIED_REASON_LABELS, type AnomalyDto } from "@contracts/gas/anomaly";
import type { Labels } from "@contracts/registry/enums";
import { useCan } from "../../../../auth/use-can";
import { FormModal } from "../../../../components/form-modal";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime, orDash } from "../../../../components/format";
import { actionColumn, ListPage, RowActions } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { useAnomalies, useAnomalyToCase, useResolveAnomaly } from "../api";

/** The judge's evidence in one line, by kind (the export carries the raw detail). */
function detailText(a: AnomalyDto, t: (k: string) => string, label: (labels: Labels<string>, v: string) => string): string {
  const d = a.detail as Record<string, unknown>;
  switch (a.kind) {
    case "two_places":
      return `${String(d.distanceKm)} km / ${String(d.minutes)} min`;
    case "unregistered_customer":
      return `${t("gasDelivery.code")} ${String(d.customerCode)}`;
    case "uncertified_staff":
      return `${label(UNCERTIFIED_REASON_LABELS, String(d.reason))}${d.certificateValidTo ? ` (${String(d.certificateValidTo)})` : ""} · ${String(d.staffIdNumber ?? "")}`;
    case "check_overdue":
      return `${t("gasDelivery.nextCheckDue")} ${String(d.nextCheckDue)}`;
    case "foreign_fill":
      return d.otherCompany ? "≠" : "";
  }
}

function ResolveModal({ anomaly, onClose }: { anomaly: AnomalyDto; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveAnomaly();
  return (
    <FormModal<{ note: string }> title={t("gasDelivery.resolveTitle")} onClose={onClose} submit={(v) => resolve.mutateAsync({ id: anomaly.id, note: v.note })} pending={resolve.isPending} fields={["note"]}>
      <Form.Item name="note" label={t("gasDelivery.resolvedNote")} rules={[{ required: true, whitespace: true, message: t("common.required") }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** 配送异常: what the judges flagged; the company resolves with a note, the bureau turns one into a case. */
export default function AnomalyListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const can = useCan();
  const [resolving, setResolving] = useState<AnomalyDto | null>(null);
  const toCase = useAnomalyToCase();
  const openCase = async (a: AnomalyDto) => {
    try {
      const r = await toCase.mutateAsync({ id: a.id, input: { grade: "general" } });
      message.success(t("gasDelivery.caseOpened", { no: r.caseNo }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <ListPage<AnomalyDto>
      title={t("gasDelivery.menu.anomalies")}
      permission="gas.read"
      useRows={useAnomalies}
      exportPath="/gas/anomalies"
      filters={[
        { key: "kind", label: t("gasDelivery.anomalyKind"), labels: ANOMALY_KIND_LABELS, multiple: true, width: 190 },
        { key: "state", label: t("gasDelivery.state"), labels: ANOMALY_STATE_LABELS, multiple: true, width: 140 },
      ]}
      emptyText={t("gasDelivery.empty")}
      columns={[
        { title: t("gasDelivery.detectedAt"), dataIndex: "detectedAt", width: 140, sorter: true, render: formatDateTime },
        { title: t("gasDelivery.anomalyKind"), dataIndex: "kind", width: 140, render: (v: string) => <Tag color="orange">{label(ANOMALY_KIND_LABELS, v)}</Tag> },
        { title: t("gasDelivery.enterprise"), dataIndex: "enterpriseName", ellipsis: true, width: 160 },
        { title: t("gasDelivery.cylinderCode"), dataIndex: "cylinderCode", width: 150, render: orDash },
        { title: t("gasDelivery.customer"), dataIndex: "customerName", width: 140, ellipsis: true, render: (v: string | null, r) => (r.customerId ? <Link to={`/gas/customers/${r.customerId}`}>{v}</Link> : "—") },
        { title: t("gasDelivery.station"), dataIndex: "stationName", width: 140, ellipsis: true, render: orDash },
        { title: t("gasDelivery.staff"), dataIndex: "staffName", width: 100, render: orDash },
        { title: t("gasDelivery.detail"), key: "detail", width: 240, ellipsis: true, render: (_: unknown, r) => detailText(r, t, label) },
        {
          title: t("gasDelivery.state"),
          dataIndex: "state",
          width: 150,
          render: (v: string, r) => (
            <Flex vertical gap={2} align="flex-start">
              <Tag color={v === "open" ? "error" : "default"}>{label(ANOMALY_STATE_LABELS, v)}</Tag>
              {r.resolvedNote && <Typography.Text type="secondary">{r.resolvedNote}</Typography.Text>}
              {r.caseId && <Link to={`/cases/${r.caseId}`}>{t("gasDelivery.caseLink")}</Link>}
            </Flex>
          ),
        },
        ...actionColumn<AnomalyDto>(
          true,
          t,
          (r) => (
            <RowActions>
              {r.state === "open" && can("gas.manage") && (
                <Button size="small" type="link" onClick={() => setResolving(r)}>
                  {t("gasDelivery.resolve")}
                </Button>
              )}
              {!r.caseId && can("cases.inspect") && (
                <Popconfirm title={t("gasDelivery.toCaseConfirm")} onConfirm={() => void openCase(r)} okText={t("common.confirm")} cancelText={t("common.cancel")}>
                  <Button size="small" type="link" loading={toCase.isPending && toCase.variables?.id === r.id}>
                    {t("gasDelivery.toCase")}
                  </Button>
                </Popconfirm>
              )}
            </RowActions>
          ),
          170,
        ),
      ]}
    >
      {resolving && <ResolveModal anomaly={resolving} onClose={() => setResolving(null)} />}
    </ListPage>
  );
}
