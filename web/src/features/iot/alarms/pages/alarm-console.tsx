import { useEffect, useRef, useState } from "react";
import { Card, DatePicker, Flex, Select, Statistic, Table } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { SEVERITIES, type AlarmDto } from "@contracts/iot/alarms";
import { ExportButton } from "../../../../components/export-button";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { LiveIndicator } from "../../components/live-indicator";
import { ProjectFilter } from "../../components/project-filter";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { alarmApiQuery, alarmStatusFilter, ANY_STATUS } from "../../iot-format";
import { iotKeys } from "../../keys";
import { ALARM_STATUS_LABELS, SEVERITY_LABELS } from "../../labels";
import { SEVERITY_HEX } from "../../severity";
import "../../iot.css";
import { useAlarms, useAlarmStats } from "../api";
import { AlarmActions } from "../components/alarm-actions";
import { useAlarmColumns } from "../components/alarm-columns";
import { AlarmDrawer } from "../components/alarm-drawer";

const FLASH_MS = 4_000;

/**
 * 告警中心: the live alarm console. Active alarms by default; filters, sort and the open alarm live in the
 * URL. Stream events refresh the list and the counters, and rows just raised or escalated glow briefly.
 */
function AlarmConsole() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const lp = useListParams(50);
  const query = alarmApiQuery(lp.query);
  const { data, isFetching, error } = useAlarms(query);
  const stats = useAlarmStats();
  const columns = useAlarmColumns(lp);
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const all = timers.current;
    return () => all.forEach(clearTimeout);
  }, []);

  const refresh = useLiveRefresh([iotKeys.alarms.all], 1_500);
  useRealtime({
    alarm: (c) => {
      refresh();
      if (c.kind !== "raised" && c.kind !== "escalated") return;
      setFlash((prev) => new Set(prev).add(c.alarmId));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setFlash((prev) => {
          const next = new Set(prev);
          next.delete(c.alarmId);
          return next;
        });
      }, FLASH_MS);
      timers.current.add(timer);
    },
    reconnected: refresh,
  });

  const openId = lp.get("alarm") ?? null;
  const open = (id: string | null) => lp.set({ alarm: id, page: lp.page });
  const from = lp.get("from");
  const to = lp.get("to");

  return (
    <>
      <PageHeader
        title={t("menu.iotAlarms")}
        extra={<LiveIndicator />}
        actions={
          <Flex gap={24} align="center">
            {SEVERITIES.slice()
              .reverse()
              .map((s) => (
                <Statistic key={s} title={label(SEVERITY_LABELS, s)} value={stats.data?.active[s] ?? 0} loading={stats.isLoading} styles={{ content: { color: SEVERITY_HEX[s], fontSize: 18 }, title: { fontSize: 12 } }} />
              ))}
            <Statistic title={t("alarm.unacknowledged")} value={stats.data?.unacknowledged ?? 0} loading={stats.isLoading} styles={{ content: { fontSize: 18 }, title: { fontSize: 12 } }} />
          </Flex>
        }
      />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                aria-label={t("alarm.severity")}
                placeholder={t("alarm.severity")}
                style={{ minWidth: 150 }}
                value={lp.getList("severity")}
                options={options(SEVERITY_LABELS)}
                onChange={(v) => lp.set({ severity: v })}
              />
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                aria-label={t("alarm.status")}
                placeholder={t("alarm.anyStatus")}
                style={{ minWidth: 190 }}
                value={alarmStatusFilter(lp.get("status"))}
                options={options(ALARM_STATUS_LABELS)}
                onChange={(v) => lp.set({ status: v.length ? v : ANY_STATUS })}
              />
              <ProjectFilter value={lp.get("projectId")} onChange={(v) => lp.set({ projectId: v })} width={180} />
              <DatePicker.RangePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                aria-label={t("alarm.range")}
                style={{ width: 260 }}
                value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
                onChange={(r) => lp.set({ from: r?.[0]?.toISOString() ?? "", to: r?.[1]?.toISOString() ?? "" })}
              />
            </>
          }
          actions={<ExportButton basePath="/alarms" query={query} />}
        />
        <ListError error={error} />
        <Table<AlarmDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          columns={[...columns, { title: t("common.actions"), key: "actions", width: 160, fixed: "right", render: (_: unknown, r) => <AlarmActions alarm={r} onDetail={() => open(r.id)} /> }]}
          dataSource={data?.items}
          rowClassName={(r) => ["sc-clickable-row", flash.has(r.id) ? "sc-alarm-flash" : "", r.status.startsWith("active") && (r.severity === "critical" || r.severity === "major") ? `sc-alarm-${r.severity}` : ""].join(" ")}
          onRow={(r) => ({ onClick: () => open(r.id) })}
          pagination={{ ...lp.pagination(data?.total), pageSizeOptions: [20, 50, 100, 200], showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1560 }}
          locale={{ emptyText: t("alarm.empty") }}
        />
      </Card>
      <AlarmDrawer alarmId={openId} onClose={() => open(null)} />
    </>
  );
}

export default function AlarmConsolePage() {
  return (
    <RequirePermission permission="iot.read">
      <AlarmConsole />
    </RequirePermission>
  );
}
