import { z } from "zod";

/** zh-CN and English labels for a code list; Excel sheets and the web both read these. */
export type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const ENTERPRISE_TYPES = ["builder", "contractor", "supervisor", "surveyor", "designer", "testing", "gas", "other"] as const;
export const EnterpriseType = z.enum(ENTERPRISE_TYPES);
export type EnterpriseType = z.infer<typeof EnterpriseType>;
export const ENTERPRISE_TYPE_LABELS: Labels<EnterpriseType> = {
  builder: { zh: "建设单位", en: "Client" },
  contractor: { zh: "施工企业", en: "Contractor" },
  supervisor: { zh: "监理企业", en: "Supervision firm" },
  surveyor: { zh: "勘察单位", en: "Surveyor" },
  designer: { zh: "设计单位", en: "Designer" },
  testing: { zh: "检测机构", en: "Testing agency" },
  gas: { zh: "燃气企业", en: "Gas company" },
  other: { zh: "其他", en: "Other" },
};

export const ENTERPRISE_STATUSES = ["normal", "suspended", "revoked"] as const;
export const EnterpriseStatus = z.enum(ENTERPRISE_STATUSES);
export type EnterpriseStatus = z.infer<typeof EnterpriseStatus>;
export const ENTERPRISE_STATUS_LABELS: Labels<EnterpriseStatus> = {
  normal: { zh: "正常", en: "Normal" },
  suspended: { zh: "暂停", en: "Suspended" },
  revoked: { zh: "注销", en: "Revoked" },
};

export const CERTIFICATE_KINDS = ["constructor", "supervisor", "safety_a", "safety_b", "safety_c", "special_operation", "other"] as const;
export const CertificateKind = z.enum(CERTIFICATE_KINDS);
export type CertificateKind = z.infer<typeof CertificateKind>;
export const CERTIFICATE_KIND_LABELS: Labels<CertificateKind> = {
  constructor: { zh: "注册建造师", en: "Registered constructor" },
  supervisor: { zh: "注册监理工程师", en: "Registered supervising engineer" },
  safety_a: { zh: "安全生产考核合格证(A)", en: "Safety certificate A" },
  safety_b: { zh: "安全生产考核合格证(B)", en: "Safety certificate B" },
  safety_c: { zh: "安全生产考核合格证(C)", en: "Safety certificate C" },
  special_operation: { zh: "特种作业操作证", en: "Special operation certificate" },
  other: { zh: "其他证书", en: "Other certificate" },
};

export const PROJECT_TYPES = ["building", "municipal", "transport", "water", "landscape", "other"] as const;
export const ProjectType = z.enum(PROJECT_TYPES);
export type ProjectType = z.infer<typeof ProjectType>;
export const PROJECT_TYPE_LABELS: Labels<ProjectType> = {
  building: { zh: "房屋建筑", en: "Building" },
  municipal: { zh: "市政工程", en: "Municipal" },
  transport: { zh: "交通工程", en: "Transport" },
  water: { zh: "水利工程", en: "Water works" },
  landscape: { zh: "园林绿化", en: "Landscape" },
  other: { zh: "其他", en: "Other" },
};

export const PROJECT_STATUSES = ["approved", "in_progress", "suspended", "resumed", "completed"] as const;
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export const PROJECT_STATUS_LABELS: Labels<ProjectStatus> = {
  approved: { zh: "立项", en: "Approved" },
  in_progress: { zh: "在建", en: "Under construction" },
  suspended: { zh: "停工", en: "Suspended" },
  resumed: { zh: "复工", en: "Resumed" },
  completed: { zh: "竣工验收", en: "Completed" },
};

/** The lifecycle 立项 → 在建 → 停工 ⇄ 复工 → 竣工验收. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  approved: ["in_progress"],
  in_progress: ["suspended", "completed"],
  suspended: ["resumed"],
  resumed: ["suspended", "completed"],
  completed: [],
};

/** Statuses in which a project is live (在建 in the broad sense: started and not yet accepted). */
export const LIVE_PROJECT_STATUSES: readonly ProjectStatus[] = ["in_progress", "suspended", "resumed"];

export const PARTICIPANT_ROLES = [
  "builder",
  "general_contractor",
  "specialty_subcontractor",
  "labour_subcontractor",
  "supervisor",
  "surveyor",
  "designer",
  "testing",
] as const;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;
export const PARTICIPANT_ROLE_LABELS: Labels<ParticipantRole> = {
  builder: { zh: "建设单位", en: "Client" },
  general_contractor: { zh: "施工总承包", en: "General contractor" },
  specialty_subcontractor: { zh: "专业分包", en: "Specialty subcontractor" },
  labour_subcontractor: { zh: "劳务分包", en: "Labour subcontractor" },
  supervisor: { zh: "监理单位", en: "Supervisor" },
  surveyor: { zh: "勘察单位", en: "Surveyor" },
  designer: { zh: "设计单位", en: "Designer" },
  testing: { zh: "检测单位", en: "Testing agency" },
};
/** Participant roles that must hold a valid qualification (资质) to join a project. */
export const QUALIFIED_PARTICIPANT_ROLES: readonly ParticipantRole[] = PARTICIPANT_ROLES.filter((r) => r !== "builder");

export const POSTS = [
  "project_manager",
  "technical_lead",
  "safety_officer",
  "quality_officer",
  "chief_supervisor",
  "supervising_engineer",
] as const;
export const Post = z.enum(POSTS);
export type Post = z.infer<typeof Post>;
export const POST_LABELS: Labels<Post> = {
  project_manager: { zh: "项目经理", en: "Project manager" },
  technical_lead: { zh: "技术负责人", en: "Technical lead" },
  safety_officer: { zh: "专职安全员", en: "Safety officer" },
  quality_officer: { zh: "质量员", en: "Quality officer" },
  chief_supervisor: { zh: "总监理工程师", en: "Chief supervising engineer" },
  supervising_engineer: { zh: "专业监理工程师", en: "Supervising engineer" },
};

/**
 * What a post requires: the participant role its holder's employer must have on the project, and the
 * certificates that must be valid (all of them). 项目负责人 needs 注册建造师 and 安全B证, 专职安全员 the C证,
 * 总监 the 注册监理工程师 (建筑施工企业安全生产管理人员考核 rules; 建设工程监理规范 GB/T 50319).
 */
export const POST_REQUIREMENTS: Record<Post, { roles: readonly ParticipantRole[]; certificates: readonly CertificateKind[] }> = {
  project_manager: { roles: ["general_contractor", "specialty_subcontractor"], certificates: ["constructor", "safety_b"] },
  technical_lead: { roles: ["general_contractor", "specialty_subcontractor"], certificates: [] },
  safety_officer: { roles: ["general_contractor", "specialty_subcontractor"], certificates: ["safety_c"] },
  quality_officer: { roles: ["general_contractor", "specialty_subcontractor"], certificates: [] },
  chief_supervisor: { roles: ["supervisor"], certificates: ["supervisor"] },
  supervising_engineer: { roles: ["supervisor"], certificates: [] },
};

/** Yongkang (永康市, 330784) streets and towns used for project districts. */
export const YONGKANG_DISTRICTS = [
  "东城街道",
  "西城街道",
  "江南街道",
  "石柱镇",
  "前仓镇",
  "舟山镇",
  "古山镇",
  "方岩镇",
  "龙山镇",
  "西溪镇",
  "象珠镇",
  "唐先镇",
  "花街镇",
  "芝英镇",
  "经济开发区",
] as const;

/** Expiry state of a certificate or qualification, derived from its expiry date (never stored). */
export const EXPIRY_STATES = ["valid", "expiring", "expired"] as const;
export const ExpiryState = z.enum(EXPIRY_STATES);
export type ExpiryState = z.infer<typeof ExpiryState>;
/** Days before expiry at which a certificate shows as expiring. */
export const EXPIRING_WITHIN_DAYS = 60;
