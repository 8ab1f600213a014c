import { useEffect, useRef, useState } from "react";
import { Flex, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { SEVERITIES, type AlarmDto } from "@contracts/iot/alarms";
import { ListPage } from "../../../../components/list-page";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { useProjectFilter } from "../../../registry/projects/project-filter";
import { LiveIndicator } from "../../components/live-indicator";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { alarmApiQuery, ANY_STATUS, DEFAULT_ALARM_STATUSES } from "../../iot-format";
import { iotKeys } from "../../keys";
import { ALARM_STATUS_LABELS, SEVERITY_LABELS } from "@contracts/iot/labels";
import { SEVERITY_HEX } from "../../severity";
import "../../iot.css";
import { useAlarms, useAlarmStats } from "../api";
import { AlarmActions } from "../components/alarm-actions";
import { ALARM_SORT_KEYS, useAlarmColumns } from "../components/alarm-columns";
import { AlarmDrawer } from "../components/alarm-drawer";

const FLASH_MS = 4_000;

/**
 * 告警中心: the live alarm console. Active alarms by default; filters, sort and the open alarm live in the
 * URL. Stream events refresh the list and the counters, and rows just raised or escalated glow briefly.
 */
export default function AlarmConsolePage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const lp = useListParams(50);
  const stats = useAlarmStats();
  const columns = useAlarmColumns();
  const projectFilter = useProjectFilter(180);
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

  return (
    <ListPage<AlarmDto>
      title={t("menu.iotAlarms")}
      permission="iot.read"
      headerExtra={<LiveIndicator />}
      headerActions={
        <Flex gap={24} align="center">
          {SEVERITIES.slice()
            .reverse()
            .map((s) => (
              <Statistic key={s} title={label(SEVERITY_LABELS, s)} value={stats.data?.active[s] ?? 0} loading={stats.isLoading} styles={{ content: { color: SEVERITY_HEX[s], fontSize: 18 }, title: { fontSize: 12 } }} />
            ))}
          <Statistic title={t("alarm.unacknowledged")} value={stats.data?.unacknowledged ?? 0} loading={stats.isLoading} styles={{ content: { fontSize: 18 }, title: { fontSize: 12 } }} />
        </Flex>
      }
      lp={lp}
      useRows={useAlarms}
      query={alarmApiQuery}
      exportPath="/alarms"
      pageSizeOptions={[20, 50, 100, 200]}
      filters={[
        { key: "severity", label: t("alarm.severity"), labels: SEVERITY_LABELS, multiple: true },
        // Unset means the active ones; clearing every status asks for any (the `any` marker).
        { key: "status", label: t("alarm.status"), placeholder: t("alarm.anyStatus"), labels: ALARM_STATUS_LABELS, multiple: true, defaultValue: DEFAULT_ALARM_STATUSES, cleared: ANY_STATUS, width: 190 },
        projectFilter,
        { kind: "dateRange", label: t("alarm.range"), value: "minute" },
      ]}
      columns={[...columns, { title: t("common.actions"), key: "actions", width: 160, fixed: "right", render: (_: unknown, r) => <AlarmActions alarm={r} onDetail={() => open(r.id)} /> }]}
      sortable={ALARM_SORT_KEYS}
      emptyText={t("alarm.empty")}
      table={{
        rowClassName: (r) => ["sc-clickable-row", flash.has(r.id) ? "sc-alarm-flash" : "", r.status.startsWith("active") && (r.severity === "critical" || r.severity === "major") ? `sc-alarm-${r.severity}` : ""].join(" "),
        onRow: (r) => ({ onClick: () => open(r.id) }),
      }}
    >
      <AlarmDrawer alarmId={openId} onClose={() => open(null)} />
    </ListPage>
  );
}
