import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import type { SheetColumn } from "../../../platform/excel/excel.js";

/** The linkage list export (工地—管线联动清单). */
export const SITE_LINK_EXPORT_COLUMNS: SheetColumn<SiteLinkDto>[] = [
  { key: "projectCode", header: "项目编号", width: 18, value: (r) => r.projectCode },
  { key: "projectName", header: "项目名称", width: 30, value: (r) => r.projectName },
  { key: "pipelineCode", header: "管线编号", width: 18, value: (r) => r.pipelineCode },
  { key: "pipelineName", header: "管线名称", width: 24, value: (r) => r.pipelineName },
  { key: "pressureClass", header: "压力级制", value: (r) => PRESSURE_CLASS_LABELS[r.pressureClass].zh },
  { key: "enterpriseName", header: "权属燃气企业", width: 30, value: (r) => r.enterpriseName },
  { key: "distanceM", header: "距离(m)", value: (r) => r.distanceM },
  { key: "excavations", header: "开挖类危大工程", value: (r) => r.excavations },
  { key: "excavationsUncleared", header: "未经燃气企业确认", value: (r) => r.excavationsUncleared },
  { key: "computedAt", header: "计算时间", width: 20, value: (r) => new Date(r.computedAt) },
];
