import { useState } from "react";
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ANOMALY_KIND_LABELS, ANOMALY_STATE_LABELS, UNCERTIFIED_REASON_LABELS, type AnomalyDto } from "@contracts/gas/anomaly";
import type { Labels } from "@contracts/registry/enums";
import { useCan } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { errorText, showSaveError } from "../../../../components/form-utils";
import { formatDateTime, orDash } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useAnomalies, useAnomalyToCase, useResolveAnomaly } from "../api";
import "../i18n";

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
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useResolveAnomaly();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await resolve.mutateAsync({ id: anomaly.id, note: v.note });
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      showSaveError(form, e, ["note"], message);
    }
  };
  return (
    <Modal open title={t("gasDelivery.resolveTitle")} okText={t("common.save")} okButtonProps={{ loading: resolve.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t("gasDelivery.resolvedNote")} rules={[{ required: true, whitespace: true, message: t("common.required") }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 配送异常: what the judges flagged; the company resolves with a note, the bureau turns one into a case. */
function AnomalyList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useAnomalies(lp.query);
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
    <>
      <PageHeader title={t("gasDelivery.menu.anomalies")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("gasDelivery.anomalyKind")} placeholder={t("gasDelivery.anomalyKind")} style={{ width: 190 }} value={lp.getList("kind")} options={options(ANOMALY_KIND_LABELS)} onChange={(v: string[]) => lp.set({ kind: v })} />
              <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("gasDelivery.state")} placeholder={t("gasDelivery.state")} style={{ width: 140 }} value={lp.getList("state")} options={options(ANOMALY_STATE_LABELS)} onChange={(v: string[]) => lp.set({ state: v })} />
            </>
          }
          actions={<ExportButton basePath="/gas/anomalies" query={lp.query} />}
        />
        <ListError error={error} />
        <Table<AnomalyDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          locale={{ emptyText: t("gasDelivery.empty") }}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasDelivery.detectedAt"), dataIndex: "detectedAt", width: 140, sorter: true, sortOrder: lp.sortOrder("detectedAt"), render: formatDateTime },
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
            {
              title: t("common.actions"),
              key: "actions",
              width: 170,
              render: (_: unknown, r) => (
                <Space size={0}>
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
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {resolving && <ResolveModal anomaly={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

export default function AnomalyListPage() {
  return (
    <RequirePermission permission="gas.read">
      <AnomalyList />
    </RequirePermission>
  );
}
