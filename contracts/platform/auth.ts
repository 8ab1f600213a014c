import { z } from "zod";

export const ROLES = ["admin", "leader", "inspector", "enterprise", "project", "testing_agency", "gas_company"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const DOMAINS = ["quality", "safety", "testing", "workforce", "gas"] as const;
export const InspectorDomain = z.enum(DOMAINS);
export type InspectorDomain = z.infer<typeof InspectorDomain>;

/** Roles bound to one enterprise: they see what that enterprise takes part in. */
export const ENTERPRISE_BOUND_ROLES: readonly Role[] = ["enterprise", "testing_agency", "gas_company"];

export const PERMISSIONS = [
  "registry.project.read",
  "registry.project.create",
  "registry.project.update",
  "registry.enterprise.read",
  "registry.enterprise.create",
  "registry.enterprise.update",
  /** File a change request for the own enterprise's identity fields (name, credit code, type, legal rep, qualifications). */
  "registry.enterprise.requestChange",
  /** Approve or reject those requests (the bureau's registry roles). */
  "registry.enterprise.reviewChange",
  "registry.person.read",
  "registry.person.create",
  "registry.person.update",
  "registry.person.readIdNumber",
  "registry.import",
  "audit.read",
  "admin.users",
  "iot.read",
  "iot.device.manage",
  "iot.alarm.handle",
  "iot.command.send",
  "iot.rule.manage",
  "workforce.read",
  "workforce.manage",
  "workforce.blacklist",
  "workforce.sensitive",
  "wages.manage",
  "cases.read",
  "cases.inspect",
  "cases.reply",
  "cases.template.manage",
  "safety.read",
  "safety.manage",
  "quality.acceptance.sign",
  "testing.read",
  "testing.commission",
  "testing.report",
  "rules.manage",
  "gas.read",
  "gas.manage",
  /** Read, download and subscribe to the city briefings (日报/周报/月报). */
  "reports.read",
  /** Generate a briefing on demand. */
  "reports.generate",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["registry.project.read", "registry.enterprise.read", "registry.person.read"];
/** Bound users keep their own enterprise's contacts and address; its identity fields change only through a request the bureau approves. */
const OWN_ENTERPRISE: Permission[] = [...READ, "registry.enterprise.update", "registry.enterprise.requestChange", "registry.person.create", "registry.person.update"];
/** Site operators (contractor, project team) register their devices, answer alarms and switch equipment, on their own projects. */
const SITE_IOT: Permission[] = ["iot.read", "iot.device.manage", "iot.alarm.handle", "iot.command.send"];
/**
 * Site operators keep their workers' records and payroll. `workforce.sensitive` is the full view of ID
 * numbers, bank cards and photos — every such view is audited.
 */
const SITE_WORKFORCE: Permission[] = ["workforce.read", "workforce.manage", "workforce.sensitive", "wages.manage"];
/** The bureau reads every supervision record. */
const SUPERVISION_READ: Permission[] = ["cases.read", "safety.read", "testing.read"];
/**
 * Project parties (contractor, supervisor, client) answer cases, keep their 危大 works and equipment,
 * sign acceptances and commission tests, on their own projects.
 */
const SITE_SUPERVISION: Permission[] = [...SUPERVISION_READ, "cases.reply", "safety.manage", "quality.acceptance.sign", "testing.commission"];

/**
 * What each role may do at all. Which records it may touch is the data scope, enforced separately
 * (an enterprise user may update projects, but only those its enterprise takes part in).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  leader: [...READ, "registry.person.readIdNumber", "iot.read", "workforce.read", ...SUPERVISION_READ, "gas.read", "reports.read", "reports.generate"],
  inspector: [
    ...READ,
    "registry.project.create",
    "registry.project.update",
    "registry.enterprise.create",
    "registry.enterprise.update",
    "registry.enterprise.reviewChange",
    "registry.person.create",
    "registry.person.update",
    "registry.person.readIdNumber",
    "registry.import",
    ...SITE_IOT,
    "workforce.read",
    "workforce.manage",
    "workforce.blacklist",
    "workforce.sensitive",
    ...SUPERVISION_READ,
    "cases.inspect",
    "cases.template.manage",
    "gas.read",
    "reports.read",
    "reports.generate",
  ],
  enterprise: [...OWN_ENTERPRISE, "registry.project.update", ...SITE_IOT, ...SITE_WORKFORCE, ...SITE_SUPERVISION],
  project: [...READ, "registry.project.update", ...SITE_IOT, ...SITE_WORKFORCE, ...SITE_SUPERVISION],
  testing_agency: [...OWN_ENTERPRISE, "iot.read", "testing.read", "testing.report"],
  /** Gas companies keep their own stations, cylinders, customers, pipelines and detection vehicles, and answer their cases. */
  gas_company: [...OWN_ENTERPRISE, "iot.read", "iot.device.manage", "gas.read", "gas.manage", "cases.read", "cases.reply"],
};

export const hasPermission = (role: Role, p: Permission) => ROLE_PERMISSIONS[role].includes(p);

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const MeDto = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  domain: InspectorDomain.nullable(),
  enterpriseId: z.uuid().nullable(),
  projectIds: z.array(z.uuid()),
  permissions: z.array(z.string()),
});
export type MeDto = z.infer<typeof MeDto>;

export const UserDto = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  domain: InspectorDomain.nullable(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  projectIds: z.array(z.uuid()),
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;

const Username = z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,64}$/, "3–64 letters, digits, _ . -");
const Password = z.string().min(8, "at least 8 characters").max(256);

const userScopeFields = {
  role: Role,
  domain: InspectorDomain.nullable().optional(),
  enterpriseId: z.uuid().nullable().optional(),
  projectIds: z.array(z.uuid()).max(500).optional(),
};

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(64),
  password: Password,
  ...userScopeFields,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  password: Password.optional(),
  isActive: z.boolean().optional(),
  ...userScopeFields,
  role: Role.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ListUsersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const ApiTokenDto = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  username: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof ApiTokenDto>;

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1).max(64),
  userId: z.uuid(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

/** The only answer that ever carries the token in clear text. */
export const CreatedApiTokenDto = ApiTokenDto.extend({ token: z.string() });
export type CreatedApiTokenDto = z.infer<typeof CreatedApiTokenDto>;

export const AuditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const ListAuditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const AuditVerifyDto = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyDto = z.infer<typeof AuditVerifyDto>;
