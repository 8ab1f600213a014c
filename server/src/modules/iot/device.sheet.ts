import type { DeviceType, ListDevicesQuery } from "@contracts/iot/devices";
import { DEVICE_TYPE_LABELS } from "@contracts/iot/labels";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { writeSheet, type SheetColumn } from "../../platform/excel/excel.js";
import { DEVICE_EXPORT_LIMIT, deviceFilters, deviceOrder, selectDevice } from "./device.queries.js";

/** Every device matching the list filters (no paging, capped). */
const selectRows = (db: Executor, ctx: Pick<ServiceContext, "actor">, q: Partial<ListDevicesQuery>) =>
  selectDevice(db)
    .where(deviceFilters(ctx.actor, q))
    .orderBy(...deviceOrder(q.sort))
    .limit(DEVICE_EXPORT_LIMIT);
type Row = Awaited<ReturnType<typeof selectRows>>[number];

const yesNo = (v: boolean) => (v ? "是" : "否");

const SHANGHAI = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });
/** Times in sheets read as Asia/Shanghai wall-clock text ("2025-06-01 14:03:07"), as users reason about them. */
export const shanghaiTime = (d: Date | null) => (d ? SHANGHAI.format(d) : null);

const COLUMNS: SheetColumn<Row>[] = [
  { key: "code", header: "设备编号", width: 20, value: (r) => r.code },
  { key: "name", header: "设备名称", width: 24, value: (r) => r.name },
  { key: "type", header: "设备类型", width: 18, value: (r) => DEVICE_TYPE_LABELS[r.type as DeviceType]?.zh ?? r.type },
  { key: "projectName", header: "所属项目", width: 36, value: (r) => r.projectName },
  { key: "enterpriseName", header: "所属企业(非工地设备)", width: 30, value: (r) => r.enterpriseName },
  { key: "model", header: "型号", value: (r) => r.model },
  { key: "vendor", header: "厂家", value: (r) => r.vendor },
  { key: "location", header: "安装位置", width: 24, value: (r) => r.location },
  { key: "reportIntervalS", header: "上报间隔(秒)", value: (r) => r.reportIntervalS },
  { key: "equipmentRef", header: "关联设备登记号", width: 20, value: (r) => r.equipmentRef },
  { key: "enabled", header: "启用", value: (r) => yesNo(r.enabled) },
  { key: "online", header: "在线", value: (r) => yesNo(r.online) },
  { key: "lastSeenAt", header: "最后上报时间", width: 22, value: (r) => shanghaiTime(r.lastSeenAt) },
  { key: "rejectedCount", header: "拒收消息数", value: (r) => r.rejectedCount },
  { key: "createdAt", header: "登记时间", width: 22, value: (r) => shanghaiTime(r.createdAt) },
];

/** The device list as an .xlsx (zh headers); never the secret. */
export async function exportDevices(db: Executor, ctx: Pick<ServiceContext, "actor">, q: Partial<ListDevicesQuery>): Promise<Buffer> {
  requirePermission(ctx.actor, "iot.read");
  return writeSheet("设备台账", COLUMNS, await selectRows(db, ctx, q));
}
