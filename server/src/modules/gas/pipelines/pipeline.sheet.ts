import { PRESSURE_CLASS_LABELS, type PipelineDto } from "@contracts/gas/pipeline";
import type { SheetColumn } from "../../../platform/excel/excel.js";

/** The pipeline ledger export (燃气管线台账). Geometry stays in the GeoJSON endpoint. */
export const PIPELINE_EXPORT_COLUMNS: SheetColumn<PipelineDto>[] = [
  { key: "code", header: "管线编号", width: 18, value: (r) => r.code },
  { key: "name", header: "管线名称", width: 30, value: (r) => r.name },
  { key: "enterpriseName", header: "权属燃气企业", width: 30, value: (r) => r.enterpriseName },
  { key: "pressureClass", header: "压力级制", value: (r) => PRESSURE_CLASS_LABELS[r.pressureClass].zh },
  { key: "material", header: "管材", width: 18, value: (r) => r.material },
  { key: "diameterMm", header: "管径(mm)", value: (r) => r.diameterMm },
  { key: "laidOn", header: "敷设日期", value: (r) => r.laidOn },
  { key: "ageYears", header: "管龄(年)", value: (r) => r.ageYears },
  { key: "lengthM", header: "长度(m)", value: (r) => r.lengthM },
  { key: "siteLinks", header: "临近工地数", value: (r) => r.siteLinks },
];
