import { App, Card, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { REPORT_KINDS, REPORT_KIND_LABELS } from "@contracts/reports/reports";
import { useLabels } from "../../../i18n/labels";
import { useReportSubscriptions, useUpdateReportSubscriptions } from "../api";

/** 我的订阅: which briefings reach the caller's inbox, one switch per kind, and when they are generated. */
export function SubscriptionsCard() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const subs = useReportSubscriptions();
  const update = useUpdateReportSubscriptions();
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={t("reports.subscriptions")} extra={<Typography.Text type="secondary">{t("reports.subscriptionsHint")}</Typography.Text>}>
      <Space wrap size="large">
        {REPORT_KINDS.map((kind) => (
          <Space key={kind}>
            <Switch
              aria-label={label(REPORT_KIND_LABELS, kind)}
              checked={!!subs.data?.[kind]}
              loading={subs.isLoading || (update.isPending && update.variables?.[kind] !== undefined)}
              onChange={(on) => update.mutate({ [kind]: on }, { onSuccess: () => message.success(t("reports.saved")) })}
            />
            {label(REPORT_KIND_LABELS, kind)}
          </Space>
        ))}
      </Space>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t("reports.schedule")}</Typography.Text>
      </div>
    </Card>
  );
}
