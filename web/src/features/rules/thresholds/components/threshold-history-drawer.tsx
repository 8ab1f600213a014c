import { Drawer, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { NATIONAL_REGION, type RuleVersionDto } from "@contracts/platform/rules";
import { formatDateTime, orDash } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { useThresholds } from "../api";
import { ThresholdValueCell } from "./threshold-value-cell";

/** 历史版本: every version of one threshold (the city's and the national), newest first, with the days each was in force. */
export function ThresholdHistoryDrawer({ rule, title, onClose }: { rule: RuleVersionDto | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useThresholds({ code: rule?.code, versions: "all" }, { enabled: !!rule });

  return (
    <Drawer open={!!rule} onClose={onClose} size={960} title={t("threshold.historyOf", { name: title })} destroyOnHidden>
      <ListError error={history.error} />
      <Table<RuleVersionDto>
        rowKey="id"
        size="small"
        loading={history.isLoading}
        dataSource={history.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t("threshold.version"),
            dataIndex: "version",
            width: 110,
            render: (v: number, r) => (
              <span style={{ whiteSpace: "nowrap" }}>
                v{v} {r.inForce && <Tag color="green">{t("threshold.inForce")}</Tag>}
              </span>
            ),
          },
          { title: t("threshold.region"), dataIndex: "region", width: 120, render: (v: string) => (v === NATIONAL_REGION ? t("threshold.national") : t("threshold.city", { code: v })) },
          {
            title: t("threshold.value"),
            dataIndex: "value",
            width: 260,
            ellipsis: { showTitle: false },
            render: (v: unknown) => <ThresholdValueCell value={v} />,
          },
          { title: t("threshold.effectiveFrom"), dataIndex: "effectiveFrom", width: 110 },
          { title: t("threshold.effectiveTo"), dataIndex: "effectiveTo", width: 110, render: (v: string | null) => v ?? t("threshold.openEnded") },
          { title: t("threshold.createdBy"), dataIndex: "createdBy", width: 90, render: orDash },
          { title: t("threshold.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
          { title: t("threshold.source"), dataIndex: "source", width: 240, ellipsis: { showTitle: true }, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        ]}
      />
    </Drawer>
  );
}
