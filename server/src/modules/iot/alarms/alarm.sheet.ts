import { alarmStatusOf, type ListAlarmsQuery, type Severity } from "@contracts/iot/alarms";
import type { DeviceType } from "@contracts/iot/devices";
import { ALARM_STATUS_LABELS, DEVICE_TYPE_LABELS, SEVERITY_LABELS } from "@contracts/iot/labels";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { writeSheet, type SheetColumn } from "../../../platform/excel/excel.js";
import { ALARM_EXPORT_LIMIT, alarmFilters, alarmOrder, selectAlarms } from "./alarm.queries.js";
import { shanghaiTime } from "../device.sheet.js";

const selectRows = (db: Executor, ctx: Pick<ServiceContext, "actor">, q: Partial<ListAlarmsQuery>) =>
  selectAlarms(db)
    .where(alarmFilters(ctx.actor, q))
    .orderBy(...alarmOrder(q.sort))
    .limit(ALARM_EXPORT_LIMIT);
type Row = Awaited<ReturnType<typeof selectRows>>[number];

const COLUMNS: SheetColumn<Row>[] = [
  { key: "startedAt", header: "发生时间", width: 22, value: (r) => shanghaiTime(r.startedAt) },
  { key: "lastAt", header: "最近时间", width: 22, value: (r) => shanghaiTime(r.lastAt) },
  { key: "severity", header: "级别", value: (r) => SEVERITY_LABELS[r.severity as Severity]?.zh ?? r.severity },
  { key: "status", header: "状态", width: 14, value: (r) => ALARM_STATUS_LABELS[alarmStatusOf(r)].zh },
  { key: "ruleName", header: "告警规则", width: 28, value: (r) => r.ruleName },
  { key: "projectName", header: "所属项目", width: 36, value: (r) => r.projectName },
  { key: "deviceCode", header: "设备编号", width: 20, value: (r) => r.deviceCode },
  { key: "deviceName", header: "设备名称", width: 24, value: (r) => r.deviceName },
  { key: "deviceType", header: "设备类型", width: 18, value: (r) => DEVICE_TYPE_LABELS[r.deviceType as DeviceType]?.zh ?? r.deviceType },
  { key: "metric", header: "指标", value: (r) => r.metric },
  { key: "value", header: "最新值", value: (r) => r.value },
  { key: "peakValue", header: "峰值", value: (r) => r.peakValue },
  { key: "threshold", header: "阈值", value: (r) => r.threshold },
  { key: "count", header: "次数", value: (r) => r.count },
  { key: "ackedBy", header: "确认人", value: (r) => r.ackedBy },
  { key: "ackedAt", header: "确认时间", width: 22, value: (r) => shanghaiTime(r.ackedAt) },
  { key: "clearedBy", header: "解除人", value: (r) => r.clearedBy },
  { key: "clearedAt", header: "解除时间", width: 22, value: (r) => shanghaiTime(r.clearedAt) },
  { key: "assigneeName", header: "处理人", value: (r) => r.assigneeName },
];

/** The alarm list as an .xlsx (zh headers, Asia/Shanghai times), same filters and order as the console. */
export async function exportAlarms(db: Executor, ctx: Pick<ServiceContext, "actor">, q: Partial<ListAlarmsQuery>): Promise<Buffer> {
  requirePermission(ctx.actor, "iot.read");
  return writeSheet("告警记录", COLUMNS, await selectRows(db, ctx, q));
}
