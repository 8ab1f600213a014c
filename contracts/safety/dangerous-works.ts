import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common";
import type { Labels } from "../registry/enums";

/**
 * 危大工程 (住建部令第37号; 建办质〔2018〕31号 附件1/附件2). The categories follow the two annexes; each
 * category declares the parameters a user fills in (numbers with units, or yes/no kinds). Which values make
 * a work 危大 or 超危大 is not here: it is the versioned rule `safety.dangerous_work.thresholds`.
 */
export const DANGEROUS_WORK_CATEGORIES = [
  "foundation_pit",
  "tool_formwork",
  "formwork_support",
  "load_bearing_support",
  "lifting",
  "scaffold",
  "demolition",
  "underground_excavation",
  "curtain_wall",
  "steel_structure",
  "hand_dug_pile",
  "underwater",
  "precast_install",
  "integral_jacking",
  "four_new",
] as const;
export const DangerousWorkCategory = z.enum(DANGEROUS_WORK_CATEGORIES);
export type DangerousWorkCategory = z.infer<typeof DangerousWorkCategory>;
export const DANGEROUS_WORK_CATEGORY_LABELS: Labels<DangerousWorkCategory> = {
  foundation_pit: { zh: "基坑工程", en: "Foundation pit" },
  tool_formwork: { zh: "工具式模板工程", en: "Tool-type formwork" },
  formwork_support: { zh: "混凝土模板支撑工程", en: "Concrete formwork support" },
  load_bearing_support: { zh: "承重支撑体系", en: "Load-bearing support" },
  lifting: { zh: "起重吊装及起重机械安装拆卸", en: "Lifting and crane erection" },
  scaffold: { zh: "脚手架工程", en: "Scaffolding" },
  demolition: { zh: "拆除工程", en: "Demolition" },
  underground_excavation: { zh: "暗挖工程", en: "Underground excavation" },
  curtain_wall: { zh: "建筑幕墙安装", en: "Curtain wall installation" },
  steel_structure: { zh: "钢结构、网架和索膜结构安装", en: "Steel, space-frame and membrane structures" },
  hand_dug_pile: { zh: "人工挖孔桩", en: "Hand-dug piles" },
  underwater: { zh: "水下作业", en: "Underwater work" },
  precast_install: { zh: "装配式预制构件安装", en: "Precast component installation" },
  integral_jacking: { zh: "整体顶升、平移、转体", en: "Integral jacking, sliding, rotation" },
  four_new: { zh: "四新技术(无标准)", en: "New technique without a standard" },
};

/** Excavation-type works: near a gas main they need the gas company's clearance (交底/监护). */
export const EXCAVATION_CATEGORIES: readonly DangerousWorkCategory[] = ["foundation_pit", "underground_excavation"];

/** One declared parameter of a category: a measure with its unit, or a yes/no kind. */
export interface ParamSpec {
  key: string;
  type: "number" | "boolean";
  unit?: string;
  zh: string;
  en: string;
}

const n = (key: string, unit: string, zh: string, en: string): ParamSpec => ({ key, type: "number", unit, zh, en });
const b = (key: string, zh: string, en: string): ParamSpec => ({ key, type: "boolean", zh, en });

/** The parameters each category declares (31号文 wording); any other key is refused. */
export const CATEGORY_PARAMS: Record<DangerousWorkCategory, readonly ParamSpec[]> = {
  foundation_pit: [
    n("depth_m", "m", "开挖深度", "Excavation depth"),
    b("complex_conditions", "地质条件、周围环境或地下管线复杂", "Complex geology, surroundings or pipelines"),
  ],
  tool_formwork: [
    b("slip_form", "滑模", "Slip form"),
    b("climbing_form", "爬模", "Climbing form"),
    b("flying_form", "飞模", "Flying form"),
    b("tunnel_form", "隧道模", "Tunnel form"),
  ],
  formwork_support: [
    n("height_m", "m", "搭设高度", "Erection height"),
    n("span_m", "m", "搭设跨度", "Span"),
    n("total_load_kn_m2", "kN/m²", "施工总荷载(设计值)", "Total load (design)"),
    n("line_load_kn_m", "kN/m", "集中线荷载(设计值)", "Line load (design)"),
    b("isolated_tall", "高度大于支撑水平投影宽度且相对独立", "Isolated, taller than its footprint width"),
  ],
  load_bearing_support: [
    b("steel_erection_support", "用于钢结构安装等满堂支撑体系", "Full support for steel erection"),
    n("point_load_kn", "kN", "单点集中荷载", "Point load"),
  ],
  lifting: [
    b("non_standard", "采用非常规起重设备、方法", "Non-standard equipment or method"),
    n("piece_weight_kn", "kN", "单件起吊重量", "Single piece weight"),
    b("machine_install", "采用起重机械进行安装的工程", "Installation by lifting machinery"),
    b("crane_erection", "起重机械安装和拆卸工程", "Crane erection or dismantling"),
    n("crane_capacity_kn", "kN", "起重机械起重量", "Crane capacity"),
    n("total_height_m", "m", "搭设总高度", "Total erection height"),
    n("base_elevation_m", "m", "搭设基础标高", "Base elevation"),
  ],
  scaffold: [
    n("ground_height_m", "m", "落地式钢管脚手架搭设高度", "Ground-standing scaffold height"),
    b("attached_lifting", "附着式升降脚手架", "Attached lifting scaffold"),
    n("lift_height_m", "m", "附着式升降脚手架提升高度", "Lift height (attached)"),
    b("cantilever", "悬挑式脚手架", "Cantilever scaffold"),
    n("segment_height_m", "m", "悬挑分段架体搭设高度", "Cantilever segment height"),
    b("gondola", "高处作业吊篮", "Gondola"),
    b("platform", "卸料平台、操作平台", "Unloading or operating platform"),
    b("special_shaped", "异型脚手架", "Special-shaped scaffold"),
  ],
  demolition: [
    b("affects_surroundings", "可能影响行人、交通、电力、通讯或其他建构筑物安全", "May affect people, traffic, utilities or structures"),
    b("special_structure", "码头、桥梁、高架、烟囱、水塔等特殊建构筑物", "Dock, bridge, viaduct, chimney, water tower"),
    b("hazardous_release", "易引起有毒有害气(液)体、粉尘扩散或易燃易爆", "Toxic release, fire or explosion risk"),
    b("protected_zone", "文物保护建筑、优秀历史建筑或历史文化风貌区影响范围内", "Within a protected or historic zone"),
  ],
  underground_excavation: [
    b("mining_method", "矿山法", "Mining method"),
    b("shield_method", "盾构法", "Shield method"),
    b("pipe_jacking", "顶管法", "Pipe jacking"),
  ],
  curtain_wall: [n("height_m", "m", "施工高度", "Construction height")],
  steel_structure: [n("span_m", "m", "钢结构跨度", "Steel span"), n("space_frame_span_m", "m", "网架或索膜结构跨度", "Space-frame or membrane span")],
  hand_dug_pile: [n("depth_m", "m", "开挖深度", "Excavation depth")],
  underwater: [],
  precast_install: [],
  integral_jacking: [n("weight_kn", "kN", "结构重量", "Structure weight")],
  four_new: [],
};

export const DANGER_LEVELS = ["none", "weida", "chaoweida"] as const;
export const DangerLevel = z.enum(DANGER_LEVELS);
export type DangerLevel = z.infer<typeof DangerLevel>;
export const DANGER_LEVEL_LABELS: Labels<DangerLevel> = {
  none: { zh: "未达危大", en: "Below threshold" },
  weida: { zh: "危大", en: "Dangerous" },
  chaoweida: { zh: "超危大", en: "Beyond scale" },
};

/**
 * One row of the 31号文 table. `>=`: the numeric parameter reaches the value (and every `requires` kind is
 * declared); `is`: the yes/no kind is declared; `any`: declaring the category is enough.
 */
export const ThresholdRow = z.discriminatedUnion("op", [
  z.object({
    category: DangerousWorkCategory,
    op: z.literal(">="),
    metric: z.string(),
    value: z.number(),
    unit: z.string(),
    requires: z.array(z.string()).optional(),
    level: z.enum(["weida", "chaoweida"]),
    clause: z.string(),
  }),
  z.object({ category: DangerousWorkCategory, op: z.literal("is"), metric: z.string(), level: z.enum(["weida", "chaoweida"]), clause: z.string() }),
  z.object({ category: DangerousWorkCategory, op: z.literal("any"), level: z.enum(["weida", "chaoweida"]), clause: z.string() }),
]);
export type ThresholdRow = z.infer<typeof ThresholdRow>;

/** 37号令 workflow stages (domain-rules §4.3). */
export const DANGEROUS_WORK_STATES = [
  "identified",
  "scheme_drafting",
  "enterprise_review",
  "supervisor_review",
  "expert_review",
  "disclosed",
  "posted",
  "in_progress",
  "acceptance",
  "accepted",
  "closed",
  "emergency",
] as const;
export const DangerousWorkState = z.enum(DANGEROUS_WORK_STATES);
export type DangerousWorkState = z.infer<typeof DangerousWorkState>;
export const DANGEROUS_WORK_STATE_LABELS: Labels<DangerousWorkState> = {
  identified: { zh: "已辨识", en: "Identified" },
  scheme_drafting: { zh: "方案编制", en: "Scheme drafting" },
  enterprise_review: { zh: "施工单位审核", en: "Contractor review" },
  supervisor_review: { zh: "监理审查", en: "Supervisor review" },
  expert_review: { zh: "专家论证", en: "Expert review" },
  disclosed: { zh: "方案交底", en: "Disclosure" },
  posted: { zh: "现场公示", en: "Posted on site" },
  in_progress: { zh: "实施中", en: "In progress" },
  acceptance: { zh: "验收中", en: "Acceptance" },
  accepted: { zh: "已验收", en: "Accepted" },
  closed: { zh: "已归档", en: "Closed" },
  emergency: { zh: "险情处置", en: "Emergency" },
};

/**
 * What a step records in its `data`, by key (the workflow names the keys each step needs; the detail's
 * `nextSteps[].fields` repeats them so a form can ask for exactly those). `date` is YYYY-MM-DD, `datetime`
 * an ISO 8601 instant, `text` at least one visible character.
 */
export const STEP_FIELDS = {
  disclosedOn: { kind: "date", zh: "安全技术交底日期", en: "Safety briefing date" },
  postedOn: { kind: "date", zh: "现场公示日期", en: "Site notice date" },
  responsiblePersons: { kind: "text", zh: "公示的具体责任人员", en: "Responsible persons on the notice" },
  occurredAt: { kind: "datetime", zh: "险情发生时间", en: "When the emergency occurred" },
  recoveryPlan: { kind: "text", zh: "工程恢复方案", en: "Recovery plan" },
  postAssessment: { kind: "text", zh: "应急抢险后评估", en: "Post-emergency assessment" },
} as const satisfies Record<string, { kind: "date" | "datetime" | "text"; zh: string; en: string }>;
export const STEP_FIELD_KEYS = Object.keys(STEP_FIELDS) as (keyof typeof STEP_FIELDS)[];
export type StepField = keyof typeof STEP_FIELDS;

/**
 * Documents kept with a work (37号令 第二十四条: the scheme, reviews, expert report, disclosures, monitoring,
 * acceptance and emergency records are archived). The scheme of the current revision must be on file before
 * the contractor's review is signed.
 */
export const WORK_FILE_KINDS = ["scheme", "expert_report", "disclosure", "posting", "monitoring", "acceptance", "emergency", "other"] as const;
export const WorkFileKind = z.enum(WORK_FILE_KINDS);
export type WorkFileKind = z.infer<typeof WorkFileKind>;
export const WORK_FILE_KIND_LABELS: Labels<WorkFileKind> = {
  scheme: { zh: "专项施工方案", en: "Special scheme" },
  expert_report: { zh: "专家论证报告", en: "Expert review report" },
  disclosure: { zh: "交底记录", en: "Briefing record" },
  posting: { zh: "现场公示", en: "Site notice" },
  monitoring: { zh: "监测记录", en: "Monitoring record" },
  acceptance: { zh: "验收记录", en: "Acceptance record" },
  emergency: { zh: "险情处置资料", en: "Emergency record" },
  other: { zh: "其他", en: "Other" },
};
/** PDF, JPEG or PNG by their first bytes; the size limit is the upload limit. */
export const WORK_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const UploadWorkFileQuery = z.object({ kind: WorkFileKind });
export const WorkFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const WorkFileDto = z.object({
  id: z.uuid(),
  kind: WorkFileKind,
  /** The scheme revision the work was at when the file was filed. */
  revision: z.number().int(),
  fileName: z.string(),
  contentType: z.enum(WORK_FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type WorkFileDto = z.infer<typeof WorkFileDto>;

export const EXPERT_VERDICTS = ["pass", "pass_with_changes", "fail"] as const;
export const ExpertVerdict = z.enum(EXPERT_VERDICTS);
export type ExpertVerdict = z.infer<typeof ExpertVerdict>;
export const EXPERT_VERDICT_LABELS: Labels<ExpertVerdict> = {
  pass: { zh: "通过", en: "Passed" },
  pass_with_changes: { zh: "修改后通过", en: "Passed after changes" },
  fail: { zh: "不通过", en: "Failed" },
};

export const Params = z.record(z.string(), z.union([z.number().nonnegative().max(100_000), z.boolean()]));
export type Params = z.infer<typeof Params>;

export const CreateDangerousWorkInput = z.object({
  category: DangerousWorkCategory,
  name: z.string().trim().min(1).max(120),
  location: z.string().trim().max(200).default(""),
  params: Params.default({}),
  plannedStart: IsoDate.nullable().optional(),
  plannedEnd: IsoDate.nullable().optional(),
  authorName: z.string().trim().max(60).nullable().optional(),
  /** A specialty subcontractor of the project that drafted the scheme; its technical lead then signs too. */
  drafterEnterpriseId: z.uuid().nullable().optional(),
});
export type CreateDangerousWorkInput = z.input<typeof CreateDangerousWorkInput>;

export const UpdateDangerousWorkInput = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  location: z.string().trim().max(200).optional(),
  params: Params.optional(),
  plannedStart: IsoDate.nullable().optional(),
  plannedEnd: IsoDate.nullable().optional(),
  authorName: z.string().trim().max(60).nullable().optional(),
  drafterEnterpriseId: z.uuid().nullable().optional(),
  /** Why the scheme changed (design change …); recorded on the timeline. */
  note: z.string().trim().max(500).optional(),
});
export type UpdateDangerousWorkInput = z.input<typeof UpdateDangerousWorkInput>;

export const TransitionInput = z.object({
  to: DangerousWorkState,
  note: z.string().trim().max(1000).default(""),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TransitionInput = z.input<typeof TransitionInput>;

export const ExpertReviewInput = z.object({
  expertIds: z.array(z.uuid()).min(5, "至少 5 名专家 (at least 5 experts)").max(15),
  heldOn: IsoDate,
  verdict: ExpertVerdict,
  opinion: z.string().trim().max(4000).default(""),
});
export type ExpertReviewInput = z.input<typeof ExpertReviewInput>;

export const DrafterSignoffInput = z.object({ note: z.string().trim().max(500).default("") });
export type DrafterSignoffInput = z.input<typeof DrafterSignoffInput>;

export const GasClearanceInput = z.object({ enterpriseId: z.uuid(), refNo: z.string().trim().min(1).max(64) });
export type GasClearanceInput = z.infer<typeof GasClearanceInput>;

export const GasClearanceDto = z.object({ enterpriseId: z.uuid(), enterpriseName: z.string().nullable(), refNo: z.string(), at: z.string(), by: z.string() });

/** A step the actor may take now, or one the workflow would refuse, with the reason. */
export const NextStepDto = z.object({
  to: DangerousWorkState,
  allowed: z.boolean(),
  reason: z.string().nullable(),
  /** The step must say why (a return, a failed acceptance, an emergency report). */
  needsNote: z.boolean(),
  /** The `data` keys the step records (STEP_FIELDS). */
  fields: z.array(z.enum(STEP_FIELD_KEYS as [StepField, ...StepField[]])),
});
export type NextStepDto = z.infer<typeof NextStepDto>;

export const DangerousWorkDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  projectCode: z.string(),
  district: z.string(),
  category: DangerousWorkCategory,
  name: z.string(),
  location: z.string(),
  params: Params,
  level: DangerLevel,
  levelClauses: z.array(z.string()),
  state: DangerousWorkState,
  revision: z.number().int(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  authorName: z.string().nullable(),
  drafterEnterpriseId: z.uuid().nullable(),
  drafterEnterpriseName: z.string().nullable(),
  /** With a subcontractor drafter: its technical lead has signed the current revision (the first of the two signatures). */
  drafterSigned: z.boolean(),
  gasClearance: GasClearanceDto.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DangerousWorkDto = z.infer<typeof DangerousWorkDto>;

export const DangerousWorkEventDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromState: DangerousWorkState.nullable(),
  toState: DangerousWorkState.nullable(),
  note: z.string(),
  data: z.unknown().nullable(),
});
export type DangerousWorkEventDto = z.infer<typeof DangerousWorkEventDto>;

export const ExpertReviewDto = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  experts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  heldOn: z.string(),
  verdict: ExpertVerdict,
  opinion: z.string(),
  createdAt: z.string(),
});
export type ExpertReviewDto = z.infer<typeof ExpertReviewDto>;

export const DangerousWorkDetailDto = DangerousWorkDto.extend({
  events: z.array(DangerousWorkEventDto),
  expertReviews: z.array(ExpertReviewDto),
  nextSteps: z.array(NextStepDto),
  files: z.array(WorkFileDto),
  /** Whether the caller may sign now as the drafting subcontractor, or why not (null when no subcontractor drafted). */
  drafterSignoff: z.object({ allowed: z.boolean(), reason: z.string().nullable() }).nullable(),
});
export type DangerousWorkDetailDto = z.infer<typeof DangerousWorkDetailDto>;

export const DANGEROUS_WORK_SORTS = ["plannedStart", "updatedAt", "level", "state", "name"] as const;
export const ListDangerousWorksQuery = PageQuery.extend({
  level: csvEnum(["weida", "chaoweida"] as const),
  state: csvEnum(DANGEROUS_WORK_STATES),
  category: csvEnum(DANGEROUS_WORK_CATEGORIES),
  district: z.string().trim().max(40).optional(),
  projectId: z.uuid().optional(),
  sort: sortParam(DANGEROUS_WORK_SORTS),
});
export type ListDangerousWorksQuery = z.input<typeof ListDangerousWorksQuery>;

/** Why a work is on the week's list. */
export const WEEKLY_REASONS = ["in_progress", "starting", "accepted"] as const;
export const WEEKLY_REASON_LABELS: Labels<(typeof WEEKLY_REASONS)[number]> = {
  in_progress: { zh: "实施中", en: "In progress" },
  starting: { zh: "本周开工", en: "Starting this week" },
  accepted: { zh: "本周验收", en: "Accepted this week" },
};
export const WeeklyQuery = z.object({ day: IsoDate.optional() });
export const WeeklyItemDto = DangerousWorkDto.extend({ reasons: z.array(z.enum(WEEKLY_REASONS)) });
export type WeeklyItemDto = z.infer<typeof WeeklyItemDto>;
export const WeeklyListDto = z.object({ from: z.string(), to: z.string(), items: z.array(WeeklyItemDto) });
export type WeeklyListDto = z.infer<typeof WeeklyListDto>;
