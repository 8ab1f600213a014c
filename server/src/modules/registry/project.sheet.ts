import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import {
  PARTICIPANT_ROLE_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_TYPE_LABELS,
  PROJECT_TYPES,
  QUALIFIED_PARTICIPANT_ROLES,
  YONGKANG_DISTRICTS,
  type ParticipantRole,
  type ProjectStatus,
  type ProjectType,
} from "@contracts/registry/enums";
import { CreateProjectInput, type ListProjectsQuery } from "@contracts/registry/project";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { conflict } from "../../platform/errors.js";
import { readSheet, repeatedKeyErrors, validateRows, writeSheet, type RowError, type SheetColumn, type SheetRow } from "../../platform/excel/excel.js";
import { startImport } from "../../platform/excel/import-job.js";
import { todayInShanghai } from "./expiry.checks.js";
import { generalContractorName, participantCreditCode, projectFilters, projectManagerName, projectOrder } from "./project.queries.js";
import { projectFieldIssues } from "./project.service.js";
import { registryEnterprises as E, registryProjectParticipants, registryProjects as P, registryQualifications as Q } from "./schema.js";

/** Excel export, template and all-or-nothing import of projects (项目库). */

const EXPORT_MAX_ROWS = 100_000;

/** Sheet columns that name a participant by credit code, and the role each one becomes. */
const PARTICIPANT_COLUMNS = { builderCode: "builder", contractorCode: "general_contractor", supervisorCode: "supervisor" } as const satisfies Record<
  string,
  ParticipantRole
>;
type ParticipantKey = keyof typeof PARTICIPANT_COLUMNS;

interface ExportRow {
  code: string;
  name: string;
  type: string;
  district: string;
  address: string;
  lng: number | null;
  lat: number | null;
  areaM2: number | null;
  contractValueWan: number | null;
  permitNo: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  contractSignedOn: string | null;
  builderCode: string | null;
  contractorCode: string | null;
  supervisorCode: string | null;
  status: string;
  generalContractor: string | null;
  projectManager: string | null;
}

const typeLabels = PROJECT_TYPES.map((t) => PROJECT_TYPE_LABELS[t].zh).join("、");

/** The import columns; the export adds status and names after them, so an export re-imports as is. */
export const PROJECT_IMPORT_COLUMNS: SheetColumn<ExportRow>[] = [
  { key: "code", header: "项目编号", value: (r) => r.code, note: "必填，4–40 位字母、数字或 -，不可重复" },
  { key: "name", header: "项目名称", width: 40, value: (r) => r.name, note: "必填" },
  { key: "type", header: "项目类型", value: (r) => PROJECT_TYPE_LABELS[r.type as ProjectType]?.zh ?? r.type, note: `必填：${typeLabels}` },
  { key: "district", header: "所属街道", value: (r) => r.district, note: `必填：${YONGKANG_DISTRICTS.join("、")}` },
  { key: "address", header: "项目地址", width: 40, value: (r) => r.address },
  { key: "lng", header: "经度", value: (r) => r.lng, note: "可选，永康市范围 119.8–120.35，与纬度同时填写" },
  { key: "lat", header: "纬度", value: (r) => r.lat, note: "可选，永康市范围 28.75–29.15" },
  { key: "areaM2", header: "建筑面积(㎡)", value: (r) => r.areaM2, note: "可选，数字" },
  { key: "contractValueWan", header: "合同价(万元)", value: (r) => r.contractValueWan, note: "可选，数字" },
  { key: "permitNo", header: "施工许可证号", width: 24, value: (r) => r.permitNo },
  { key: "plannedStart", header: "计划开工", value: (r) => r.plannedStart, note: "可选，日期 YYYY-MM-DD" },
  { key: "plannedEnd", header: "计划竣工", value: (r) => r.plannedEnd, note: "可选，日期 YYYY-MM-DD，不早于计划开工" },
  { key: "builderCode", header: "建设单位信用代码", width: 24, value: (r) => r.builderCode, note: "可选，已登记企业的统一社会信用代码" },
  { key: "contractorCode", header: "施工总承包信用代码", width: 24, value: (r) => r.contractorCode, note: "可选，须为有效资质的已登记企业" },
  { key: "supervisorCode", header: "监理单位信用代码", width: 24, value: (r) => r.supervisorCode, note: "可选，须为有效资质的已登记企业" },
  // Last, so sheets made from the older template keep their columns.
  { key: "contractSignedOn", header: "施工合同签订日期", value: (r) => r.contractSignedOn, note: "可选，日期 YYYY-MM-DD（工资专户须在其后 30 日内开立）" },
];

const EXPORT_COLUMNS: SheetColumn<ExportRow>[] = [
  ...PROJECT_IMPORT_COLUMNS,
  { key: "status", header: "状态", value: (r) => PROJECT_STATUS_LABELS[r.status as ProjectStatus]?.zh ?? r.status },
  { key: "generalContractor", header: "施工总承包单位", width: 36, value: (r) => r.generalContractor },
  { key: "projectManager", header: "项目经理", value: (r) => r.projectManager },
];

const headerOf = (key: string) => PROJECT_IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** Every project matching the list filters (no paging, capped) as an .xlsx. */
export async function exportProjects(db: Executor, ctx: Pick<ServiceContext, "actor">, q: Partial<ListProjectsQuery>): Promise<Buffer> {
  requirePermission(ctx.actor, "registry.project.read");
  const rows = await db
    .select({
      code: P.code,
      name: P.name,
      type: P.type,
      district: P.district,
      address: P.address,
      lng: P.lng,
      lat: P.lat,
      areaM2: P.areaM2,
      contractValueWan: P.contractValueWan,
      permitNo: P.permitNo,
      plannedStart: P.plannedStart,
      plannedEnd: P.plannedEnd,
      contractSignedOn: P.contractSignedOn,
      builderCode: participantCreditCode("builder"),
      contractorCode: participantCreditCode("general_contractor"),
      supervisorCode: participantCreditCode("supervisor"),
      status: P.status,
      generalContractor: generalContractorName,
      projectManager: projectManagerName,
    })
    .from(P)
    .where(projectFilters(ctx.actor, q))
    .orderBy(...projectOrder(q.sort))
    .limit(EXPORT_MAX_ROWS);
  return writeSheet("项目库", EXPORT_COLUMNS, rows);
}

/** The empty import sheet with a notes sheet of allowed values; it holds no data, so any signed-in user may fetch it. */
export function projectImportTemplate(): Promise<Buffer> {
  return writeSheet("项目库", PROJECT_IMPORT_COLUMNS, [], true);
}

const codeColumn = z.string().trim().toUpperCase().max(18).nullable().optional();

/** One sheet row: the create contract, with zh labels for the enums and the participants' credit codes. */
const ImportRow = CreateProjectInput.extend({
  type: z.enum(PROJECT_TYPES, { error: `项目类型须为：${typeLabels} (unknown project type)` }),
  district: z.enum(YONGKANG_DISTRICTS, { error: "所属街道须为永康市的街道或镇 (unknown district)" }),
  builderCode: codeColumn,
  contractorCode: codeColumn,
  supervisorCode: codeColumn,
});
type ImportRow = z.output<typeof ImportRow>;

const TYPE_BY_LABEL = new Map<string, string>(PROJECT_TYPES.flatMap((t) => [[PROJECT_TYPE_LABELS[t].zh, t], [PROJECT_TYPE_LABELS[t].en, t], [t, t]]));

const asText = (v: string | number | null) => (v === null ? null : String(v));
// Numeric cells typed as text still import; anything else reaches zod and is reported against its column.
const asNumber = (v: string | number | null) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);
// 2024/3/5 and 2024.3.5 are how people type dates in Excel; the contract wants 2024-03-05.
const asDate = (v: string | number | null) => {
  const m = typeof v === "string" ? /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(v) : null;
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : asText(v);
};

function toInput(v: SheetRow["values"]): unknown {
  const type = asText(v.type);
  return {
    code: asText(v.code) ?? undefined,
    name: asText(v.name) ?? undefined,
    type: type === null ? undefined : (TYPE_BY_LABEL.get(type) ?? type),
    district: asText(v.district) ?? undefined,
    address: asText(v.address) ?? "",
    lng: asNumber(v.lng),
    lat: asNumber(v.lat),
    areaM2: asNumber(v.areaM2),
    contractValueWan: asNumber(v.contractValueWan),
    permitNo: asText(v.permitNo),
    plannedStart: asDate(v.plannedStart),
    plannedEnd: asDate(v.plannedEnd),
    contractSignedOn: asDate(v.contractSignedOn),
    builderCode: asText(v.builderCode),
    contractorCode: asText(v.contractorCode),
    supervisorCode: asText(v.supervisorCode),
  };
}

/**
 * Starts the import of an .xlsx of projects as a job (platform/excel/import-job.ts). All or nothing:
 * any bad row fails the job with every problem listed; otherwise one transaction inserts every project
 * as 立项 with its participants.
 * @throws AppError FORBIDDEN without `registry.import` (before the upload is read); VALIDATION naming `file`.
 */
export async function importProjects(ctx: ServiceContext, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "registry.import");
  let enterpriseIds = new Map<string, string>();
  return startImport(ctx, upload, {
    kind: "registry.project",
    entity: "project",
    parse: async (buffer) => {
      const sheet = await readSheet(buffer, PROJECT_IMPORT_COLUMNS);
      const { inputs, errors } = validateRows(sheet, ImportRow, toInput, headerOf);
      for (const { rowNumber, input } of inputs) {
        for (const issue of projectFieldIssues(input)) errors.push({ row: rowNumber, column: headerOf(issue.path), message: issue.message });
      }
      errors.push(...(await duplicateCodeErrors(ctx.db, inputs)));
      const participants = await resolveParticipants(ctx.db, inputs);
      enterpriseIds = participants.enterpriseIds;
      errors.push(...participants.errors);
      errors.sort((a, b) => a.row - b.row);
      return { rows: inputs.map((r) => r.input), errors };
    },
    insertChunk: async (tx, rows) => {
      const created = await tx
        .insert(P)
        .values(rows.map(({ builderCode: _b, contractorCode: _c, supervisorCode: _s, ...p }) => ({ ...p, permitNo: p.permitNo || null, status: "approved" })))
        .onConflictDoNothing({ target: P.code })
        .returning({ id: P.id, code: P.code });
      // Another writer registered one of these codes after the duplicate check: roll everything back.
      if (created.length !== rows.length) throw conflict("部分项目编号已被同时登记，未导入任何数据 (a code was registered meanwhile; nothing was imported)");
      const idByCode = new Map(created.map((c) => [c.code, c.id]));
      const participants = rows.flatMap((row) =>
        (Object.keys(PARTICIPANT_COLUMNS) as ParticipantKey[])
          .filter((key) => row[key])
          .map((key) => ({ projectId: idByCode.get(row.code) as string, enterpriseId: enterpriseIds.get(row[key] as string) as string, role: PARTICIPANT_COLUMNS[key] })),
      );
      if (participants.length > 0) await tx.insert(registryProjectParticipants).values(participants);
      return created.length;
    },
  });
}

/** Codes repeated within the sheet or already registered. */
async function duplicateCodeErrors(db: Executor, inputs: { rowNumber: number; input: ImportRow }[]): Promise<RowError[]> {
  const { errors, firstRowOf: firstRow } = repeatedKeyErrors(inputs, (i) => i.code, headerOf("code"));
  if (firstRow.size === 0) return errors;
  const taken = await db
    .select({ code: P.code })
    .from(P)
    .where(sql`${P.code} = any(${sql.param([...firstRow.keys()])}::text[])`);
  for (const { code } of taken) {
    errors.push({ row: firstRow.get(code) as number, column: headerOf("code"), message: `项目编号 ${code} 已存在 (already registered)` });
  }
  return errors;
}

/** Resolves the participants' credit codes in one query; unknown, abnormal or unqualified enterprises are row errors. */
async function resolveParticipants(db: Executor, inputs: { rowNumber: number; input: ImportRow }[]) {
  const keys = Object.keys(PARTICIPANT_COLUMNS) as ParticipantKey[];
  const codes = [...new Set(inputs.flatMap(({ input }) => keys.map((k) => input[k]).filter((c): c is string => !!c)))];
  const enterprises = codes.length === 0 ? [] : await enterprisesByCreditCode(db, codes);
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  const today = todayInShanghai();
  const errors: RowError[] = [];
  for (const { rowNumber, input } of inputs) {
    for (const key of keys) {
      const code = input[key];
      if (!code) continue;
      const e = byCode.get(code);
      const role = PARTICIPANT_COLUMNS[key];
      const column = headerOf(key);
      if (!e) errors.push({ row: rowNumber, column, message: `未找到信用代码为 ${code} 的企业 (no registered enterprise with this credit code)` });
      else if (e.status !== "normal") errors.push({ row: rowNumber, column, message: `企业「${e.name}」状态异常 (enterprise status ${e.status})` });
      else if (QUALIFIED_PARTICIPANT_ROLES.includes(role) && (!e.qualifiedUntil || e.qualifiedUntil < today)) {
        const why = e.qualifiedUntil ? `资质已于 ${e.qualifiedUntil} 过期 (qualification expired)` : "无资质 (no qualification)";
        errors.push({ row: rowNumber, column, message: `企业「${e.name}」${why}，不能担任${PARTICIPANT_ROLE_LABELS[role].zh}` });
      }
    }
  }
  return { errors, enterpriseIds: new Map(enterprises.map((e) => [e.creditCode, e.id])) };
}

async function enterprisesByCreditCode(db: Executor, codes: string[]) {
  return db
    .select({ id: E.id, creditCode: E.creditCode, name: E.name, status: E.status, qualifiedUntil: sql<string | null>`max(${Q.expiresOn})::text` })
    .from(E)
    .leftJoin(Q, eq(Q.enterpriseId, E.id))
    .where(sql`${E.creditCode} = any(${sql.param(codes)}::text[])`)
    .groupBy(E.id);
}
