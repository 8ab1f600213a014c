import { z } from "zod";
import { IsoDate, PageQuery, sortParam } from "../platform/common";

/** 工种 (trade) dictionary used on the roster and the gates. */
export const TRADES = [
  "rebar_worker",
  "carpenter",
  "mason",
  "concrete_worker",
  "scaffolder",
  "electrician",
  "welder",
  "plumber",
  "painter",
  "crane_operator",
  "signalman",
  "rigger",
  "hoist_operator",
  "labourer",
  "manager",
] as const;
export const Trade = z.enum(TRADES);
export type Trade = z.infer<typeof Trade>;
export const TRADE_LABELS: Record<Trade, { zh: string; en: string }> = {
  rebar_worker: { zh: "钢筋工", en: "Rebar worker" },
  carpenter: { zh: "木工", en: "Carpenter" },
  mason: { zh: "砌筑工", en: "Mason" },
  concrete_worker: { zh: "混凝土工", en: "Concrete worker" },
  scaffolder: { zh: "架子工", en: "Scaffolder" },
  electrician: { zh: "电工", en: "Electrician" },
  welder: { zh: "电焊工", en: "Welder" },
  plumber: { zh: "水暖工", en: "Plumber" },
  painter: { zh: "油漆工", en: "Painter" },
  crane_operator: { zh: "塔式起重机司机", en: "Crane operator" },
  signalman: { zh: "信号司索工", en: "Signalman" },
  rigger: { zh: "起重工", en: "Rigger" },
  hoist_operator: { zh: "施工升降机司机", en: "Hoist operator" },
  labourer: { zh: "普工", en: "General labourer" },
  manager: { zh: "管理人员", en: "Management staff" },
};

/** 登记 → 进场 → 在场 → 退场 (domain-rules §1.2). */
export const WORKER_STATUSES = ["registered", "entered", "on_site", "exited"] as const;
export const WorkerStatus = z.enum(WORKER_STATUSES);
export type WorkerStatus = z.infer<typeof WorkerStatus>;

export const WAGE_UNITS = ["day", "month", "piece"] as const;

/** Why a worker may not be admitted (进场), in the order they are checked. */
export const ADMISSION_BLOCKS = ["blacklisted", "no_contract", "contract_expired", "no_training"] as const;
export type AdmissionBlock = (typeof ADMISSION_BLOCKS)[number];

const BankCard = z.string().trim().regex(/^\d{12,19}$/, "12–19 digits");

export const RegisterWorkerInput = z.object({
  personId: z.uuid(),
  projectId: z.uuid(),
  employerId: z.uuid(),
  teamId: z.uuid().nullable().optional(),
  trade: Trade,
  isTeamLeader: z.boolean().default(false),
  contractSignedOn: IsoDate.nullable().optional(),
  contractStart: IsoDate.nullable().optional(),
  contractEnd: IsoDate.nullable().optional(),
  wageStandard: z.number().positive().max(1_000_000).nullable().optional(),
  wageUnit: z.enum(WAGE_UNITS).nullable().optional(),
  bankName: z.string().trim().max(60).nullable().optional(),
  bankCard: BankCard.nullable().optional(),
});
export type RegisterWorkerInput = z.infer<typeof RegisterWorkerInput>;

export const UpdateWorkerInput = RegisterWorkerInput.omit({ personId: true, projectId: true }).partial();
export type UpdateWorkerInput = z.infer<typeof UpdateWorkerInput>;

export const AdmitWorkerInput = z.object({ on: IsoDate.optional() });
export const ExitWorkerInput = z.object({ on: IsoDate.optional(), reason: z.string().trim().max(200).optional() });

export const WorkerDto = z.object({
  id: z.uuid(),
  workerNo: z.string(),
  personId: z.uuid(),
  name: z.string(),
  /** Masked unless the caller may read ID numbers. */
  idNumber: z.string(),
  gender: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  trade: Trade,
  isTeamLeader: z.boolean(),
  status: WorkerStatus,
  contractSignedOn: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  wageStandard: z.number().nullable(),
  wageUnit: z.string().nullable(),
  bankName: z.string().nullable(),
  /** Always masked here (6222 **** **** 1234); the full number only through the audited full view. */
  bankCard: z.string().nullable(),
  hasPhoto: z.boolean(),
  trainingPassed: z.boolean(),
  blacklisted: z.boolean(),
  /** Why 进场 is refused right now (empty when admission is possible). */
  admissionBlocks: z.array(z.enum(ADMISSION_BLOCKS)),
  enteredOn: z.string().nullable(),
  exitedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkerDto = z.infer<typeof WorkerDto>;

export const WORKER_SORT = ["workerNo", "name", "trade", "status", "enteredOn", "updatedAt"] as const;

export const ListWorkersQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  employerId: z.uuid().optional(),
  trade: Trade.optional(),
  status: WorkerStatus.optional(),
  sort: sortParam(WORKER_SORT),
});
export type ListWorkersQuery = z.infer<typeof ListWorkersQuery>;

export const TeamDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  name: z.string(),
  trade: z.string().nullable(),
  leaderName: z.string().nullable(),
  workers: z.number().int(),
});
export type TeamDto = z.infer<typeof TeamDto>;
export const CreateTeamInput = z.object({ employerId: z.uuid(), name: z.string().trim().min(1).max(60), trade: Trade.nullable().optional() });

export const TrainingInput = z.object({
  personId: z.uuid(),
  projectId: z.uuid().nullable().optional(),
  kind: z.enum(["entry_three_level", "special", "refresher"]).default("entry_three_level"),
  hours: z.number().positive().max(200),
  score: z.number().min(0).max(100).nullable().optional(),
  passed: z.boolean(),
  trainedOn: IsoDate,
});
export type TrainingInput = z.infer<typeof TrainingInput>;

export const BlacklistInput = z.object({
  personId: z.uuid(),
  reason: z.string().trim().min(2).max(300),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
});
export type BlacklistInput = z.infer<typeof BlacklistInput>;

/**
 * The audited full view (`GET /workers/:id/full`, needs `workforce.sensitive`): the same worker with the
 * ID number and bank card unmasked. Every answer is recorded in the audit log.
 */
export const WorkerFullDto = WorkerDto.extend({
  idNumber: z.string(),
  bankCard: z.string().nullable(),
  birthDate: z.string(),
  mobile: z.string().nullable(),
  photoPath: z.string().nullable(),
});
export type WorkerFullDto = z.infer<typeof WorkerFullDto>;

/** `GET /projects/:id/workers`: the list filters without the project (it is in the path). */
export const ListProjectWorkersQuery = ListWorkersQuery.omit({ projectId: true });
export type ListProjectWorkersQuery = z.infer<typeof ListProjectWorkersQuery>;

export const TRAINING_KINDS = ["entry_three_level", "special", "refresher"] as const;

export const TrainingDto = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  projectId: z.uuid().nullable(),
  projectName: z.string().nullable(),
  kind: z.enum(TRAINING_KINDS),
  hours: z.number(),
  score: z.number().nullable(),
  passed: z.boolean(),
  trainedOn: z.string(),
  createdAt: z.string(),
});
export type TrainingDto = z.infer<typeof TrainingDto>;

export const BlacklistEntryDto = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  /** Masked unless the caller may read ID numbers. */
  idNumber: z.string(),
  reason: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Not revoked and valid today (Asia/Shanghai): blocks admission everywhere. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type BlacklistEntryDto = z.infer<typeof BlacklistEntryDto>;

export const ListBlacklistQuery = PageQuery.extend({
  /** true: only entries in force today; false: only revoked or lapsed ones. */
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export type ListBlacklistQuery = z.infer<typeof ListBlacklistQuery>;

export const RevokeBlacklistInput = z.object({ reason: z.string().trim().max(300).optional() });
