import { useState } from "react";
import { Button, Card, DatePicker, Empty, Select, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LEAK_LEVEL_LABELS, LEAK_STATE_LABELS, type LeakPointDto } from "@contracts/gas/leak";
import { useCan } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useLeaks } from "../api";
import { RecheckForm } from "../components/recheck-form";
import "../i18n";

const STATE_COLOUR: Record<string, string> = { suspect: "orange", confirmed: "red", cleared: "default" };
const LEVEL_COLOUR: Record<string, string | undefined> = { leak: "volcano", level1: "red", level2: "magenta" };

/** 泄漏点: the vehicle's suspect points, their handheld re-check and the urgent case a confirmed leak opened. */
function LeakList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const manage = useCan()("gas.manage");
  const lp = useListParams();
  const { data, isFetching, error } = useLeaks(lp.query, { refetchInterval: 30_000 });
  const [rechecking, setRechecking] = useState<LeakPointDto | null>(null);
  const from = lp.get("from");
  const to = lp.get("to");
  return (
    <>
      <PageHeader title={t("gasLeaks.menu.leaks")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select
                allowClear
                mode="multiple"
                maxTagCount={1}
                aria-label={t("gasLeaks.state")}
                placeholder={t("gasLeaks.state")}
                style={{ width: 150 }}
                value={lp.getList("state")}
                options={options(LEAK_STATE_LABELS)}
                onChange={(v: string[]) => lp.set({ state: v.join(",") || undefined })}
              />
              <Select
                allowClear
                mode="multiple"
                maxTagCount={1}
                aria-label={t("gasLeaks.level")}
                placeholder={t("gasLeaks.level")}
                style={{ width: 170 }}
                value={lp.getList("level")}
                options={options(LEAK_LEVEL_LABELS)}
                onChange={(v: string[]) => lp.set({ level: v.join(",") || undefined })}
              />
              <DatePicker.RangePicker
                value={from && to ? [dayjs(from), dayjs(to)] : null}
                onChange={(r) => lp.set({ from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })}
              />
            </>
          }
          actions={<ExportButton basePath="/gas/leaks" query={lp.query} />}
        />
        <ListError error={error} />
        <Table<LeakPointDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          locale={{ emptyText: <Empty description={t("gasLeaks.noLeaks")} /> }}
          scroll={{ x: 1300 }}
          columns={[
            { title: t("gasLeaks.detectedAt"), dataIndex: "detectedAt", key: "detectedAt", width: 150, sorter: true, sortOrder: lp.sortOrder("detectedAt"), render: formatDateTime },
            { title: t("gasLeaks.state"), dataIndex: "state", key: "state", width: 80, sorter: true, sortOrder: lp.sortOrder("state"), render: (v: string) => <Tag color={STATE_COLOUR[v]}>{label(LEAK_STATE_LABELS, v)}</Tag> },
            { title: t("gasLeaks.level"), dataIndex: "level", key: "level", width: 150, sorter: true, sortOrder: lp.sortOrder("level"), render: (v: string) => (v === "suspect" ? "—" : <Tag color={LEVEL_COLOUR[v]}>{label(LEAK_LEVEL_LABELS, v)}</Tag>) },
            { title: t("gasLeaks.vehicle"), dataIndex: "deviceCode", width: 130, render: (v: string | null, r) => (r.deviceId ? <Link to={`/iot/devices/${r.deviceId}`}>{v}</Link> : "—") },
            { title: t("gasLeaks.company"), dataIndex: "enterpriseName", ellipsis: true },
            { title: t("gasLeaks.ppm"), dataIndex: "ppm", key: "ppm", width: 110, align: "right", sorter: true, sortOrder: lp.sortOrder("ppm"), render: (v: number) => `${v} ppm` },
            { title: t("gasLeaks.rise"), key: "rise", width: 90, align: "right", render: (_: unknown, r) => `+${(r.ppm - r.backgroundPpm).toFixed(1)}` },
            { title: t("gasLeaks.readings"), dataIndex: "readings", width: 80, align: "right" },
            { title: t("gasLeaks.pipeline"), dataIndex: "pipelineCode", width: 150, render: (v: string | null, r) => (v ? `${v} · ${r.pipelineDistanceM ?? "—"} m` : "—") },
            { title: t("gasLeaks.location"), key: "loc", width: 170, render: (_: unknown, r) => `${r.lng.toFixed(5)}, ${r.lat.toFixed(5)}` },
            { title: t("gasLeaks.recheckPpm"), dataIndex: "recheckPpm", width: 120, align: "right", render: (v: number | null, r) => (v === null ? "—" : `${v}${r.recheckEnclosed ? " ⌂" : ""}`) },
            { title: t("gasLeaks.recheckAt"), dataIndex: "recheckAt", key: "recheckAt", width: 150, sorter: true, sortOrder: lp.sortOrder("recheckAt"), render: formatDateTime },
            { title: t("gasLeaks.case"), dataIndex: "caseNo", width: 150, render: (v: string | null, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : "—") },
            {
              title: "",
              key: "actions",
              width: 80,
              fixed: "right",
              render: (_: unknown, r) =>
                manage && r.state === "suspect" ? (
                  <Button size="small" type="link" onClick={() => setRechecking(r)}>
                    {t("gasLeaks.recheck")}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {rechecking && <RecheckForm leak={rechecking} onClose={() => setRechecking(null)} />}
    </>
  );
}

export default function LeakListPage() {
  return (
    <RequirePermission permission="gas.read">
      <LeakList />
    </RequirePermission>
  );
}
