import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import type { Labels } from "../registry/enums.js";

const Text = (max: number) => z.string().trim().max(max);

/**
 * 压力级制 (GB 50028-2006 《城镇燃气设计规范》 §6.1.6): 低压 P < 0.01 MPa; 中压 0.01–0.4 MPa (B ≤ 0.2, A ≤ 0.4);
 * 次高压 0.4–1.6 MPa (B ≤ 0.8, A ≤ 1.6); 高压 1.6–4.0 MPa (B ≤ 2.5, A ≤ 4.0). Ordered low → high.
 */
export const PRESSURE_CLASSES = ["low", "medium", "sub_high", "high"] as const;
export const PressureClass = z.enum(PRESSURE_CLASSES);
export type PressureClass = z.infer<typeof PressureClass>;
export const PRESSURE_CLASS_LABELS: Labels<PressureClass> = {
  low: { zh: "低压", en: "Low" },
  medium: { zh: "中压", en: "Medium" },
  sub_high: { zh: "次高压", en: "Sub-high" },
  high: { zh: "高压", en: "High" },
};
/** The MPa band of each class (lower bound exclusive except for low). */
export const PRESSURE_CLASS_MPA: Record<PressureClass, { fromMpa: number; toMpa: number }> = {
  low: { fromMpa: 0, toMpa: 0.01 },
  medium: { fromMpa: 0.01, toMpa: 0.4 },
  sub_high: { fromMpa: 0.4, toMpa: 1.6 },
  high: { fromMpa: 1.6, toMpa: 4.0 },
};
/** Whether `c` is at least `floor` (e.g. "medium or higher"). */
export const pressureAtLeast = (c: PressureClass, floor: PressureClass) => PRESSURE_CLASSES.indexOf(c) >= PRESSURE_CLASSES.indexOf(floor);

/**
 * 管材 is free text as the ledgers write it (grade and SDR matter: "PE100 SDR11", "无缝钢管 L245"); these are
 * the common values the form suggests.
 */
export const PIPE_MATERIAL_SUGGESTIONS = ["PE100 SDR11", "PE100 SDR17", "PE80 SDR11", "无缝钢管", "螺旋焊缝钢管", "直缝钢管", "镀锌钢管", "球墨铸铁管", "铸铁管", "钢骨架聚乙烯复合管"] as const;
export const PipeMaterial = z.string().trim().min(1, "必填 (required)").max(60);

/** WGS-84 [lng, lat], the GeoJSON order. */
export const LngLatInput = z.tuple([
  z.number().min(-180, "经度须在 -180 至 180 之间 (lng out of range)").max(180, "经度须在 -180 至 180 之间 (lng out of range)"),
  z.number().min(-90, "纬度须在 -90 至 90 之间 (lat out of range)").max(90, "纬度须在 -90 至 90 之间 (lat out of range)"),
]);

/** A GeoJSON LineString: at least 2 distinct points, at most 5,000. */
export const LineStringInput = z.object({
  type: z.literal("LineString"),
  coordinates: z
    .array(LngLatInput)
    .min(2, "线路至少 2 个点 (a line needs at least 2 points)")
    .max(5000, "一条线路最多 5000 个点 (at most 5000 points)")
    .refine((c) => c.some((p) => p[0] !== c[0][0] || p[1] !== c[0][1]), "线路的点不能全部重合 (the points must not all coincide)"),
});
export type LineStringInput = z.infer<typeof LineStringInput>;

const PipelineFields = {
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{2,40}$/, "2–40 位字母、数字、- 或 _ (2–40 letters, digits, - or _)"),
  name: Text(100).min(1, "必填 (required)"),
  pressureClass: PressureClass,
  material: PipeMaterial,
  diameterMm: z.number().int().min(10, "管径 10–2000 mm (diameter 10–2000 mm)").max(2000, "管径 10–2000 mm (diameter 10–2000 mm)").nullable().optional(),
  laidOn: IsoDate.nullable().optional(),
  geometry: LineStringInput,
};

/** Files one line; a gas company files its own, the bureau (admin) names the owner. */
export const PipelineInput = z.object({ ...PipelineFields, enterpriseId: z.uuid().nullable().optional() });
export type PipelineInput = z.input<typeof PipelineInput>;

export const UpdatePipelineInput = z.object(PipelineFields).partial();
export type UpdatePipelineInput = z.input<typeof UpdatePipelineInput>;

export const PipelineDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  pressureClass: PressureClass,
  material: z.string(),
  diameterMm: z.number().int().nullable(),
  laidOn: z.string().nullable(),
  /** Whole years since laid, or null when unknown. */
  ageYears: z.number().int().nullable(),
  geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
  lengthM: z.number(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  siteLinks: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PipelineDto = z.infer<typeof PipelineDto>;

export const PIPELINE_SORTS = ["code", "name", "pressureClass", "lengthM", "laidOn", "createdAt"] as const;
export const ListPipelinesQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  pressureClass: csvEnum(PRESSURE_CLASSES),
  /** Substring of the material. */
  material: z.string().trim().max(60).optional(),
  linked: z.enum(["true", "false"]).optional(),
  sort: sortParam(PIPELINE_SORTS),
});
export type ListPipelinesQuery = z.infer<typeof ListPipelinesQuery>;

/** The map layer: `?bbox=minLng,minLat,maxLng,maxLat` limits it to the view. */
export const PipelineMapQuery = z.object({
  enterpriseId: z.uuid().optional(),
  pressureClass: csvEnum(PRESSURE_CLASSES),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, "bbox=minLng,minLat,maxLng,maxLat")
    .optional(),
});
export type PipelineMapQuery = z.infer<typeof PipelineMapQuery>;

export const PipelineFeatureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      id: z.string(),
      geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
      properties: z.object({
        code: z.string(),
        name: z.string(),
        enterpriseId: z.string(),
        enterpriseName: z.string(),
        pressureClass: PressureClass,
        material: z.string(),
        lengthM: z.number(),
        /** The latest patrol coverage of this line (%), or null when never patrolled. */
        coveragePct: z.number().nullable(),
        lastPatrolAt: z.string().nullable(),
      }),
    }),
  ),
});
export type PipelineFeatureCollection = z.infer<typeof PipelineFeatureCollection>;

/**
 * Bulk import: a GeoJSON FeatureCollection of LineStrings whose properties carry the fields. All or nothing;
 * every bad feature is listed as `features.<i>.<field>`.
 */
export const PipelineImportInput = z.object({
  type: z.literal("FeatureCollection"),
  /** For the bureau (admin): the owner of every feature without its own `enterpriseId`. */
  enterpriseId: z.uuid().nullable().optional(),
  features: z.array(z.unknown()).min(1, "至少一条线路 (at least one feature)").max(5000, "一次最多 5000 条 (at most 5000 features)"),
});
export type PipelineImportInput = z.input<typeof PipelineImportInput>;

export const PipelineFeatureProps = z.object({
  code: PipelineFields.code,
  name: PipelineFields.name,
  pressureClass: PressureClass,
  material: PipeMaterial,
  diameterMm: PipelineFields.diameterMm,
  laidOn: PipelineFields.laidOn,
  enterpriseId: z.uuid().nullable().optional(),
});

export const PipelineImportResult = z.object({ created: z.number().int(), updated: z.number().int(), siteLinks: z.number().int() });
export type PipelineImportResult = z.infer<typeof PipelineImportResult>;
