import { z } from "zod";
import { IsoDate, PageQuery, sortParam } from "../platform/common.js";
import type { Labels } from "../registry/enums";

const Text = (max: number) => z.string().trim().max(max);

export const STATION_KINDS = ["filling", "supply_point"] as const;
export const StationKind = z.enum(STATION_KINDS);
export type StationKind = z.infer<typeof StationKind>;
export const STATION_KIND_LABELS: Labels<StationKind> = {
  filling: { zh: "充装站", en: "Filling station" },
  supply_point: { zh: "供应站/点", en: "Supply point" },
};

/** Files or edits a station; a gas company files for itself, the bureau names the company. */
export const StationInput = z.object({
  enterpriseId: z.uuid().optional(),
  code: Text(40).min(1, "必填 (required)").regex(/^[A-Za-z0-9_-]+$/, "只能含字母、数字、- 和 _ (letters, digits, - and _ only)"),
  name: Text(100).min(1, "必填 (required)"),
  kind: StationKind,
  licenceNo: Text(60).nullable().optional(),
  address: Text(200).default(""),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  active: z.boolean().default(true),
});
export type StationInput = z.input<typeof StationInput>;

export const StationDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: StationKind,
  licenceNo: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  active: z.boolean(),
  cylinders: z.number().int(),
  updatedAt: z.string(),
});
export type StationDto = z.infer<typeof StationDto>;

export const ListStationsQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  kind: StationKind.optional(),
  active: z.enum(["true", "false"]).optional(),
  sort: sortParam(["code", "name", "updatedAt", "cylinders"] as const),
});
export type ListStationsQuery = z.infer<typeof ListStationsQuery>;

export const STAFF_ROLES = ["filler", "delivery"] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
export const STAFF_ROLE_LABELS: Labels<StaffRole> = {
  filler: { zh: "充装工", en: "Filler" },
  delivery: { zh: "送气工", en: "Delivery person" },
};

/** Certified staff: a registry person (looked up by id) with a role, certificate and expiry. */
export const StaffInput = z.object({
  enterpriseId: z.uuid().optional(),
  personId: z.uuid(),
  stationId: z.uuid().nullable().optional(),
  role: StaffRole,
  certificateNo: Text(60).min(1, "必填 (required)"),
  certificateValidTo: IsoDate,
  active: z.boolean().default(true),
});
export type StaffInput = z.input<typeof StaffInput>;

export const StaffDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  role: StaffRole,
  certificateNo: z.string().nullable(),
  certificateValidTo: z.string().nullable(),
  /** Active and the certificate valid today (Asia/Shanghai). */
  certified: z.boolean(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type StaffDto = z.infer<typeof StaffDto>;

export const ListStaffQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  stationId: z.uuid().optional(),
  role: StaffRole.optional(),
  certified: z.enum(["true", "false"]).optional(),
  sort: sortParam(["personName", "certificateValidTo", "updatedAt"] as const),
});
export type ListStaffQuery = z.infer<typeof ListStaffQuery>;
