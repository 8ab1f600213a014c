import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common";
import type { Labels } from "../registry/enums";

/** 起重机械: tower cranes and construction hoists (建设部令第166号). */
export const EQUIPMENT_KINDS = ["tower_crane", "hoist"] as const;
export const EquipmentKind = z.enum(EQUIPMENT_KINDS);
export type EquipmentKind = z.infer<typeof EquipmentKind>;
export const EQUIPMENT_KIND_LABELS: Labels<EquipmentKind> = {
  tower_crane: { zh: "塔式起重机", en: "Tower crane" },
  hoist: { zh: "施工升降机", en: "Construction hoist" },
};

export const EQUIPMENT_STATUSES = ["in_use", "dismantled"] as const;
export const EquipmentStatus = z.enum(EQUIPMENT_STATUSES);
export type EquipmentStatus = z.infer<typeof EquipmentStatus>;
export const EQUIPMENT_STATUS_LABELS: Labels<EquipmentStatus> = {
  in_use: { zh: "使用中", en: "In use" },
  dismantled: { zh: "已拆除", en: "Dismantled" },
};

export const OPERATOR_ROLES = ["driver", "signalman"] as const;
export const OperatorRole = z.enum(OPERATOR_ROLES);
export type OperatorRole = z.infer<typeof OperatorRole>;
export const OPERATOR_ROLE_LABELS: Labels<OperatorRole> = {
  driver: { zh: "司机", en: "Operator" },
  signalman: { zh: "信号司索工", en: "Signalman" },
};

/**
 * The 特种作业操作证 specialty (操作类别) each post on each machine needs (住建部《建筑施工特种作业人员管理规定》
 * 建质〔2008〕75号 第三条): a tower-crane driver's certificate does not let its holder drive a hoist.
 */
export function requiredSpecialty(kind: EquipmentKind, role: OperatorRole): string {
  if (role === "signalman") return "建筑起重信号司索工";
  return kind === "tower_crane" ? "塔式起重机司机" : "施工升降机司机";
}

/** The registration gates checked on save and daily (domain-rules §2.4, §5 起重机械). */
export const EQUIPMENT_CHECKS = ["inspection_expired", "no_use_registration", "operator_uncertified"] as const;
export type EquipmentCheck = (typeof EQUIPMENT_CHECKS)[number];
export const EQUIPMENT_CHECK_LABELS: Labels<EquipmentCheck> = {
  inspection_expired: { zh: "检验过期或未检验", en: "Inspection expired or missing" },
  no_use_registration: { zh: "未办理使用登记", en: "No use registration" },
  operator_uncertified: { zh: "操作人员无有效特种作业操作证", en: "Operator without a valid certificate" },
};

/** Inspection validity derived from the date (never stored). */
export const INSPECTION_STATES = ["valid", "expiring", "expired", "missing"] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export const INSPECTION_STATE_LABELS: Labels<InspectionState> = {
  valid: { zh: "有效", en: "Valid" },
  expiring: { zh: "即将到期", en: "Expiring" },
  expired: { zh: "已过期", en: "Expired" },
  missing: { zh: "未检验", en: "Not inspected" },
};
export const INSPECTION_EXPIRING_DAYS = 30;

export const OperatorInput = z.object({ personId: z.uuid(), role: OperatorRole });

const equipmentFields = {
  recordNo: z.string().trim().min(1).max(40),
  model: z.string().trim().min(1).max(60),
  manufacturer: z.string().trim().max(100).default(""),
  ratedCapacityT: z.number().positive().max(1000),
  ownerEnterpriseId: z.uuid().nullable().optional(),
  installerEnterpriseId: z.uuid().nullable().optional(),
  installedOn: IsoDate.nullable().optional(),
  inspectionValidTo: IsoDate.nullable().optional(),
  useRegistrationNo: z.string().trim().max(40).nullable().optional(),
  deviceId: z.uuid().nullable().optional(),
  operators: z.array(OperatorInput).max(30).default([]),
};

export const CreateEquipmentInput = z.object({ kind: EquipmentKind, ...equipmentFields });
export type CreateEquipmentInput = z.input<typeof CreateEquipmentInput>;

export const UpdateEquipmentInput = z.object({
  recordNo: equipmentFields.recordNo.optional(),
  model: equipmentFields.model.optional(),
  manufacturer: z.string().trim().max(100).optional(),
  ratedCapacityT: equipmentFields.ratedCapacityT.optional(),
  ownerEnterpriseId: equipmentFields.ownerEnterpriseId,
  installerEnterpriseId: equipmentFields.installerEnterpriseId,
  installedOn: equipmentFields.installedOn,
  inspectionValidTo: equipmentFields.inspectionValidTo,
  useRegistrationNo: equipmentFields.useRegistrationNo,
  deviceId: equipmentFields.deviceId,
  status: EquipmentStatus.optional(),
  operators: z.array(OperatorInput).max(30).optional(),
});
export type UpdateEquipmentInput = z.input<typeof UpdateEquipmentInput>;

export const OperatorDto = z.object({
  personId: z.uuid(),
  name: z.string(),
  role: OperatorRole,
  /** Holds a 特种作业操作证 of the specialty the post needs (`requiredSpecialty`), not expired today. */
  certified: z.boolean(),
  requiredSpecialty: z.string(),
  /** The best certificate of that specialty (the one expiring last), if any. */
  certNo: z.string().nullable(),
  certExpiresOn: z.string().nullable(),
});
export type OperatorDto = z.infer<typeof OperatorDto>;

export const EquipmentDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  district: z.string(),
  kind: EquipmentKind,
  recordNo: z.string(),
  model: z.string(),
  manufacturer: z.string(),
  ratedCapacityT: z.number(),
  ownerEnterpriseId: z.uuid().nullable(),
  ownerEnterpriseName: z.string().nullable(),
  installerEnterpriseId: z.uuid().nullable(),
  installerEnterpriseName: z.string().nullable(),
  installedOn: z.string().nullable(),
  inspectionValidTo: z.string().nullable(),
  inspectionState: z.enum(INSPECTION_STATES),
  useRegistrationNo: z.string().nullable(),
  deviceId: z.uuid().nullable(),
  deviceCode: z.string().nullable(),
  status: EquipmentStatus,
  operators: z.array(OperatorDto),
  /** The gates this equipment fails today. */
  problems: z.array(z.enum(EQUIPMENT_CHECKS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EquipmentDto = z.infer<typeof EquipmentDto>;

export const EQUIPMENT_SORTS = ["inspectionValidTo", "recordNo", "updatedAt"] as const;
export const ListEquipmentQuery = PageQuery.extend({
  kind: csvEnum(EQUIPMENT_KINDS),
  status: csvEnum(EQUIPMENT_STATUSES),
  inspection: csvEnum(INSPECTION_STATES),
  district: z.string().trim().max(40).optional(),
  projectId: z.uuid().optional(),
  /** `true`: its IoT monitor has an active alarm; `false`: it has none (or no monitor). */
  activeAlarm: z.enum(["true", "false"]).optional(),
  sort: sortParam(EQUIPMENT_SORTS),
});
export type ListEquipmentQuery = z.input<typeof ListEquipmentQuery>;
