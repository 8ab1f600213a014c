import { useState } from "react";
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { CYLINDER_MANUAL_ACTION_LABELS, type CylinderDetailDto, type CylinderManualAction } from "@contracts/gas/cylinder";
import { CYLINDER_ACTION_LABELS, CYLINDER_STATUS_LABELS, CYLINDER_TYPE_LABELS, type CylinderStatus } from "@contracts/gas/cylinder-status";
import { useCan } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime, orDash } from "../../../../components/format";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { useCylinder, useCylinderAction } from "../api";
import { CylinderStatusTag } from "../components/cylinder-status-tag";

/** Which buttons a cylinder in a status shows (the server's status machine has the last word). */
const OFFERED: Record<CylinderManualAction, (c: CylinderDetailDto) => boolean> = {
  stock_in: (c) => (["filed", "returned_empty"] as CylinderStatus[]).includes(c.status),
  send_inspection: (c) => (["inspection_due", "in_stock", "returned_empty", "filed"] as CylinderStatus[]).includes(c.status),
  pass_inspection: (c) => c.status === "at_inspection",
  fail_inspection: (c) => c.status === "at_inspection",
  scrap: (c) => (["filed", "in_stock", "returned_empty", "inspection_due", "at_inspection", "failed"] as CylinderStatus[]).includes(c.status),
  report_lost: (c) => !c.lost && !c.voided,
  report_found: (c) => c.lost,
};

function ActionDialog({ cylinder, action, onClose }: { cylinder: CylinderDetailDto; action: CylinderManualAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const [form] = Form.useForm<{ note: string; inspectedOn?: string }>();
  const act = useCylinderAction(cylinder.id);
  const name = label(CYLINDER_MANUAL_ACTION_LABELS, action);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await act.mutateAsync({ action, note: v.note ?? "", inspectedOn: v.inspectedOn ?? undefined });
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title={`${name} · ${cylinder.code}`} okText={t("common.confirm")} okButtonProps={{ danger: action === "scrap", loading: act.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type={action === "scrap" ? "danger" : undefined}>{action === "scrap" ? t("gasCyl.confirmScrap") : t("gasCyl.confirmAction", { action: name })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {action === "pass_inspection" && (
          <Form.Item name="inspectedOn" label={t("gasCyl.inspectedOn")}>
            <DateInput />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("gasCyl.note")}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One cylinder: its file, its status with the actions it allows, and its whole life as a timeline. */
function CylinderDetail() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { id = "" } = useParams();
  const can = useCan();
  const query = useCylinder(id);
  const [action, setAction] = useState<CylinderManualAction | null>(null);
  const c = query.data;
  const eventName = (a: string) =>
    a in CYLINDER_MANUAL_ACTION_LABELS ? label(CYLINDER_MANUAL_ACTION_LABELS, a) : a in CYLINDER_ACTION_LABELS ? label(CYLINDER_ACTION_LABELS, a) : a === "file" ? t("gasCyl.newCylinder") : a;
  return (
    <>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {c && (
        <>
          <PageHeader
            parent={{ to: "/gas/cylinders", label: t("gasCyl.menu.cylinders") }}
            title={c.code}
            extra={<CylinderStatusTag cylinder={c} />}
            actions={
              can("gas.manage") && (
                <Space wrap>
                  {(Object.keys(OFFERED) as CylinderManualAction[])
                    .filter((a) => OFFERED[a](c))
                    .map((a) => (
                      <Button key={a} danger={a === "scrap" || a === "fail_inspection"} onClick={() => setAction(a)}>
                        {label(CYLINDER_MANUAL_ACTION_LABELS, a)}
                      </Button>
                    ))}
                </Space>
              )
            }
          />
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
              <Descriptions.Item label={t("gasCyl.enterprise")}>{c.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.station")}>{`${c.stationCode} ${c.stationName}`}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.type")}>{label(CYLINDER_TYPE_LABELS, c.type)}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.spec")}>{c.spec}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.nominalFillKg")}>{c.nominalFillKg}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.maker")}>{orDash(c.maker)}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.serialNo")}>{orDash(c.serialNo)}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.manufacturedOn")}>{c.manufacturedOn}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.designLife")}>{t("gasCyl.years", { n: c.designLifeYears })}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.lastInspectedOn")}>{orDash(c.lastInspectedOn)}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.nextInspectionOn")}>
                <Typography.Text type={c.overdue ? "danger" : undefined}>{c.nextInspectionOn}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.scrapOn")}>{c.scrapOn}</Descriptions.Item>
              <Descriptions.Item label={t("gasCyl.lastFillAt")}>{formatDateTime(c.lastFillAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t("gasCyl.timeline")} style={{ marginTop: 12 }}>
            {c.events.length === 0 ? (
              <Empty description={t("gasCyl.noEvents")} />
            ) : (
              <Timeline
                items={c.events.map((e) => ({
                  color: e.action === "scrap" || e.action === "fail_inspection" || e.action === "report_lost" ? "red" : e.action === "fill" ? "green" : "blue",
                  content: (
                    <>
                      <div>
                        {formatDateTime(e.at)} · <b>{eventName(e.action)}</b>
                        {e.toStatus && e.fromStatus !== e.toStatus && (
                          <Typography.Text type="secondary">
                            {" "}
                            {e.fromStatus ? `${label(CYLINDER_STATUS_LABELS, e.fromStatus)} → ` : "→ "}
                            {label(CYLINDER_STATUS_LABELS, e.toStatus)}
                          </Typography.Text>
                        )}
                      </div>
                      {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          {action && <ActionDialog cylinder={c} action={action} onClose={() => setAction(null)} />}
        </>
      )}
    </>
  );
}

export default function CylinderDetailPage() {
  return (
    <RequirePermission permission="gas.read">
      <CylinderDetail />
    </RequirePermission>
  );
}
