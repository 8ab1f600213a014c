import { ALARM_STATUSES, type AlarmStatus } from "@contracts/iot/alarms";
import type { DeviceType, LatestValueDto } from "@contracts/iot/devices";
import type { LatestChangeDto } from "@contracts/iot/realtime";
import type { QueryParams } from "../../api/client";
import { metricUnit } from "./metrics";

/** "3 分钟前" / "3 min ago" from an ISO time; a dash for never. */
export function relativeTime(iso: string | null | undefined, now: number, lang: string): string {
  if (!iso) return "—";
  const en = lang.startsWith("en");
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return en ? "just now" : "刚刚";
  const steps: [limit: number, size: number, zh: string, en: string][] = [
    [3_600, 60, "分钟前", "min ago"],
    [86_400, 3_600, "小时前", "h ago"],
    [Infinity, 86_400, "天前", "d ago"],
  ];
  const [, size, zh, enUnit] = steps.find(([limit]) => s < limit)!;
  const n = Math.floor(s / size);
  return en ? `${n} ${enUnit}` : `${n} ${zh}`;
}

/** A reading for display: at most `digits` decimals, no trailing zeros, a dash when missing. */
export function formatValue(v: number | null | undefined, digits = 1): string {
  if (v == null || !Number.isFinite(v)) return "—";
  return String(Number(v.toFixed(digits)));
}

/** The alarm console's default: what still needs someone (active, acknowledged or not). */
export const DEFAULT_ALARM_STATUSES: readonly AlarmStatus[] = ["active_unack", "active_ack"];
/** URL value meaning "every status" (an absent param means the default above). */
export const ANY_STATUS = "any";

/** The status filter as the select shows it: the default when unset, none (= all) for `any`. */
export function alarmStatusFilter(param: string | undefined): AlarmStatus[] {
  if (param === undefined) return [...DEFAULT_ALARM_STATUSES];
  return param.split(",").filter((s): s is AlarmStatus => (ALARM_STATUSES as readonly string[]).includes(s));
}

/**
 * The URL params of the console → the API query: applies the default status, drops the `any` marker
 * and the open drawer's `alarm` id (opening a detail must not refetch the list).
 */
export function alarmApiQuery(query: QueryParams): QueryParams {
  const { alarm: _open, ...rest } = query;
  const status = alarmStatusFilter(typeof rest.status === "string" ? rest.status : undefined);
  return { ...rest, status: status.length ? status.join(",") : undefined };
}

/** Latest values of one device after a realtime push: pushed metrics replace, others stay. */
export function mergeLatest(current: readonly LatestValueDto[], change: LatestChangeDto["values"], unitOf: (metric: string) => string): LatestValueDto[] {
  const byMetric = new Map(current.map((v) => [v.metric, v]));
  for (const [metric, { value, ts }] of Object.entries(change)) {
    const prev = byMetric.get(metric);
    // A late push (older than what we hold) must not roll a value back.
    if (prev && Date.parse(prev.ts) > Date.parse(ts)) continue;
    byMetric.set(metric, { metric, value, ts, unit: prev?.unit ?? unitOf(metric) });
  }
  return [...byMetric.values()];
}

/** A device's latest values as a metric → value lookup. */
export const latestMap = (values: readonly LatestValueDto[] | undefined): Record<string, number | undefined> =>
  Object.fromEntries((values ?? []).map((v) => [v.metric, v.value]));

/**
 * The unit of an alarm's value: its metric's; an offline alarm (`offline.<type>`) carries how long the
 * device has been silent, in minutes; device events carry none.
 */
export function alarmUnit(a: { metric: string | null; ruleCode: string; deviceType: DeviceType }): string {
  if (a.metric) return metricUnit(a.deviceType, a.metric);
  return a.ruleCode.startsWith("offline.") ? "min" : "";
}
