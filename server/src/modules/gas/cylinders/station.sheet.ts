import { STATION_KIND_LABELS, STAFF_ROLE_LABELS, type StaffDto, type StationDto } from "@contracts/gas/station";
import type { SheetColumn } from "../../../platform/excel/excel.js";

export const STATION_EXPORT_COLUMNS: SheetColumn<StationDto>[] = [
  { key: "code", header: "站点编码", value: (s) => s.code },
  { key: "name", header: "站点名称", width: 28, value: (s) => s.name },
  { key: "kind", header: "类型", value: (s) => STATION_KIND_LABELS[s.kind].zh },
  { key: "enterprise", header: "燃气企业", width: 28, value: (s) => s.enterpriseName },
  { key: "licence", header: "许可证号", width: 20, value: (s) => s.licenceNo },
  { key: "address", header: "地址", width: 36, value: (s) => s.address },
  { key: "cylinders", header: "在册钢瓶", value: (s) => s.cylinders },
  { key: "active", header: "启用", value: (s) => (s.active ? "是" : "否") },
];

export const STAFF_EXPORT_COLUMNS: SheetColumn<StaffDto>[] = [
  { key: "name", header: "姓名", value: (s) => s.personName },
  { key: "role", header: "岗位", value: (s) => STAFF_ROLE_LABELS[s.role].zh },
  { key: "enterprise", header: "燃气企业", width: 28, value: (s) => s.enterpriseName },
  { key: "station", header: "所属站点", width: 24, value: (s) => s.stationName },
  { key: "cert", header: "证书编号", width: 22, value: (s) => s.certificateNo },
  { key: "validTo", header: "证书有效期至", width: 16, value: (s) => s.certificateValidTo },
  { key: "certified", header: "持证有效", value: (s) => (s.certified ? "是" : "否") },
];
