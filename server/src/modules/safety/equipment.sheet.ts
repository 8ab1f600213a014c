import { EQUIPMENT_CHECK_LABELS, EQUIPMENT_KIND_LABELS, EQUIPMENT_STATUS_LABELS, INSPECTION_STATE_LABELS, OPERATOR_ROLE_LABELS, type EquipmentDto } from "@contracts/safety/equipment";
import type { SheetColumn } from "../../platform/excel/excel.js";

/** The lifting-machinery register as users print it. */
export const EQUIPMENT_COLUMNS: SheetColumn<EquipmentDto>[] = [
  { key: "projectName", header: "项目名称", width: 30, value: (r) => r.projectName },
  { key: "district", header: "所属街道", value: (r) => r.district },
  { key: "kind", header: "设备类型", value: (r) => EQUIPMENT_KIND_LABELS[r.kind].zh },
  { key: "recordNo", header: "产权备案号", width: 20, value: (r) => r.recordNo },
  { key: "model", header: "规格型号", width: 16, value: (r) => r.model },
  { key: "manufacturer", header: "制造单位", width: 24, value: (r) => r.manufacturer },
  { key: "ratedCapacityT", header: "额定起重量(t)", value: (r) => r.ratedCapacityT },
  { key: "owner", header: "产权单位", width: 28, value: (r) => r.ownerEnterpriseName },
  { key: "installer", header: "安装单位", width: 28, value: (r) => r.installerEnterpriseName },
  { key: "installedOn", header: "安装日期", width: 14, value: (r) => r.installedOn },
  { key: "inspectionValidTo", header: "检验有效期至", width: 14, value: (r) => r.inspectionValidTo },
  { key: "inspectionState", header: "检验状态", value: (r) => INSPECTION_STATE_LABELS[r.inspectionState].zh },
  { key: "useRegistrationNo", header: "使用登记号", width: 20, value: (r) => r.useRegistrationNo },
  { key: "deviceCode", header: "监测设备", width: 22, value: (r) => r.deviceCode },
  { key: "status", header: "状态", value: (r) => EQUIPMENT_STATUS_LABELS[r.status].zh },
  {
    key: "operators",
    header: "操作人员",
    width: 36,
    value: (r) => r.operators.map((o) => `${o.name}(${OPERATOR_ROLE_LABELS[o.role].zh}${o.certified ? "" : "，无有效证"})`).join("、"),
  },
  { key: "problems", header: "问题", width: 36, value: (r) => r.problems.map((p) => EQUIPMENT_CHECK_LABELS[p].zh).join("、") },
];
