import { z } from "zod";
import { IdNumber, Name } from "@contracts/registry/fields";
import { ADMISSION_BLOCKS, TRADE_LABELS, TRADES, WAGE_UNITS, type Trade, type WorkerDto, type WorkerStatus } from "@contracts/workforce/workers";
import { readSheet, repeatedKeyErrors, validateRows, type RowError, type SheetColumn, type SheetRow } from "../../platform/excel/excel.js";

/**
 * The roster sheet (花名册): one column list serves the template, the import parser and the export.
 * People are named by ID number (created in the personnel registry when new), the employer by its
 * credit code, the team by name (created when missing), the trade by its Chinese label.
 */

const WAGE_UNIT_LABELS: Record<(typeof WAGE_UNITS)[number], string> = { day: "日", month: "月", piece: "计件" };
const STATUS_LABELS: Record<WorkerStatus, string> = { registered: "登记", entered: "进场", on_site: "在场", exited: "退场" };
const BLOCK_LABELS: Record<(typeof ADMISSION_BLOCKS)[number], string> = {
  blacklisted: "黑名单",
  no_contract: "未签合同",
  contract_expired: "合同不在有效期",
  no_training: "未通过三级安全教育",
};
const YES = new Set(["是", "y", "yes", "true", "1", "班组长"]);
const NO = new Set(["否", "n", "no", "false", "0"]);

/** Columns users fill in; the import reads exactly these. */
export const ROSTER_IMPORT_COLUMNS: SheetColumn<WorkerDto>[] = [
  { key: "name", header: "姓名", value: (r) => r.name, note: "必填 (required)；已在人员库登记的须与人员库一致" },
  {
    key: "idNumber",
    header: "身份证号",
    width: 24,
    value: (r) => r.idNumber,
    note: "必填，18 位公民身份号码；请将该列设为文本格式。人员库中没有的人员按姓名和身份证号新建（性别、出生日期由号码得出）",
  },
  { key: "trade", header: "工种", value: (r) => TRADE_LABELS[r.trade].zh, note: `必填，取值：${TRADES.map((t) => TRADE_LABELS[t].zh).join("、")}` },
  { key: "teamName", header: "班组", width: 16, value: (r) => r.teamName, note: "选填；本项目没有的班组按名称新建，属于该行的用工单位" },
  {
    key: "employerCreditCode",
    header: "用工单位统一社会信用代码",
    width: 28,
    note: "必填，须为本项目的施工总承包或专业分包单位 (a general or specialty contractor of this project)",
  },
  { key: "contractSignedOn", header: "合同签订日期", width: 14, value: (r) => r.contractSignedOn, note: "选填，YYYY-MM-DD；未签合同者不能进场" },
  { key: "contractStart", header: "合同开始", width: 14, value: (r) => r.contractStart, note: "选填，YYYY-MM-DD" },
  { key: "contractEnd", header: "合同结束", width: 14, value: (r) => r.contractEnd, note: "选填，YYYY-MM-DD，不早于合同开始" },
  { key: "wageStandard", header: "工资标准", value: (r) => r.wageStandard, note: "选填，元，正数" },
  { key: "wageUnit", header: "工资单位", value: (r) => (r.wageUnit ? (WAGE_UNIT_LABELS[r.wageUnit as keyof typeof WAGE_UNIT_LABELS] ?? r.wageUnit) : null), note: "选填，取值：日、月、计件" },
  { key: "bankName", header: "开户行", width: 20, value: (r) => r.bankName, note: "选填" },
  { key: "bankCard", header: "工资卡号", width: 24, value: (r) => r.bankCard, note: "选填，12–19 位数字；请将该列设为文本格式" },
  { key: "isTeamLeader", header: "是否班组长", value: (r) => (r.isTeamLeader ? "是" : "否"), note: "选填，是/否，默认否" },
];

/** The export: 工号 first, the import columns (ID number and bank card masked), then status and admission. */
export const ROSTER_EXPORT_COLUMNS: SheetColumn<WorkerDto>[] = [
  { key: "workerNo", header: "工号", width: 14, value: (r) => r.workerNo },
  ...ROSTER_IMPORT_COLUMNS.filter((c) => c.key !== "employerCreditCode"),
  { key: "gender", header: "性别", value: (r) => (r.gender === "F" ? "女" : "男") },
  { key: "employerName", header: "用工单位", width: 32, value: (r) => r.employerName },
  { key: "status", header: "状态", value: (r) => STATUS_LABELS[r.status] },
  { key: "enteredOn", header: "进场日期", width: 14, value: (r) => r.enteredOn },
  { key: "exitedOn", header: "退场日期", width: 14, value: (r) => r.exitedOn },
  { key: "trainingPassed", header: "三级安全教育", value: (r) => (r.trainingPassed ? "有效" : "无/过期") },
  { key: "hasPhoto", header: "人脸照片", value: (r) => (r.hasPhoto ? "有" : "无") },
  { key: "admissionBlocks", header: "不能进场原因", width: 30, value: (r) => r.admissionBlocks.map((b) => BLOCK_LABELS[b]).join("、") },
];

const headers = new Map(ROSTER_IMPORT_COLUMNS.map((c) => [c.key, c.header]));
const header = (key: string) => headers.get(key) ?? key;

const TRADE_BY_LABEL = new Map<string, Trade>(TRADES.flatMap((t) => [[TRADE_LABELS[t].zh, t] as const, [t, t] as const]));
const UNIT_BY_LABEL = new Map<string, string>(WAGE_UNITS.flatMap((u) => [[WAGE_UNIT_LABELS[u], u] as const, [u, u] as const]));
const SheetDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD (date)" }).nullable();

/** One sheet row as a schema sees it, the employer still a credit code and the team a name. */
const RosterRow = z.object({
  name: Name,
  idNumber: IdNumber,
  trade: z.enum(TRADES, { error: `工种须为：${TRADES.map((t) => TRADE_LABELS[t].zh).join("、")} (unknown trade)` }),
  teamName: z.string().trim().max(60, "班组名称最多 60 字 (at most 60 characters)").nullable(),
  employerCreditCode: z.string().trim().toUpperCase().min(1, "必填 (required)"),
  contractSignedOn: SheetDate,
  contractStart: SheetDate,
  contractEnd: SheetDate,
  wageStandard: z.number({ error: "工资标准须为数字 (a number)" }).positive("工资标准须大于 0 (positive)").max(1_000_000).nullable(),
  wageUnit: z.enum(WAGE_UNITS, { error: "工资单位须为：日、月、计件 (day, month or piece)" }).nullable(),
  bankName: z.string().trim().max(60).nullable(),
  bankCard: z.string().regex(/^\d{12,19}$/, "工资卡号须为 12–19 位数字 (12–19 digits)").nullable(),
  isTeamLeader: z.boolean({ error: "是否班组长须为「是」或「否」(yes or no)" }),
});
type RosterRowInput = z.output<typeof RosterRow>;

const text = (v: string | number | null) => (v === null ? null : String(v).trim() || null);

function toRowInput(v: SheetRow["values"]): unknown {
  const trade = text(v.trade);
  const unit = text(v.wageUnit);
  const leader = text(v.isTeamLeader)?.toLowerCase() ?? null;
  const wage = v.wageStandard;
  return {
    name: text(v.name) ?? "",
    idNumber: text(v.idNumber) ?? "",
    trade: trade ? (TRADE_BY_LABEL.get(trade) ?? trade) : "",
    teamName: text(v.teamName),
    employerCreditCode: text(v.employerCreditCode) ?? "",
    contractSignedOn: text(v.contractSignedOn),
    contractStart: text(v.contractStart),
    contractEnd: text(v.contractEnd),
    wageStandard: wage === null ? null : typeof wage === "number" ? wage : Number.isFinite(Number(wage)) ? Number(wage) : String(wage),
    wageUnit: unit ? (UNIT_BY_LABEL.get(unit) ?? unit) : null,
    bankName: text(v.bankName),
    bankCard: text(v.bankCard)?.replace(/\s+/g, "") ?? null,
    isTeamLeader: leader === null ? false : YES.has(leader) ? true : NO.has(leader) ? false : leader,
  };
}

/** What the parser needs to know about the project and the city, each answered for the whole sheet in one query. */
export interface RosterLookups {
  /** Registered people by ID number, with whether they are enrolled on this project now. */
  persons(idNumbers: string[]): Promise<Map<string, { id: string; name: string; enrolledHere: boolean }>>;
  /** Enterprises by credit code, with whether they may employ workers on this project. */
  employers(creditCodes: string[]): Promise<Map<string, { id: string; mayEmploy: boolean }>>;
  /** Existing teams of the project by name, with their employer. */
  teams(): Promise<Map<string, { employerId: string }>>;
}

/** A roster row ready to insert: the person (existing or to create), the employer and team resolved. */
export interface RosterImportRow {
  personId: string | null;
  name: string;
  idNumber: string;
  employerId: string;
  teamName: string | null;
  trade: Trade;
  isTeamLeader: boolean;
  contractSignedOn: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  wageStandard: number | null;
  wageUnit: string | null;
  bankName: string | null;
  bankCard: string | null;
}

function rowRuleErrors(rowNumber: number, i: RosterRowInput): RowError[] {
  const errors: RowError[] = [];
  if (i.contractStart && i.contractEnd && i.contractEnd < i.contractStart) {
    errors.push({ row: rowNumber, column: header("contractEnd"), message: "合同结束日期早于开始日期 (contract ends before it starts)" });
  }
  if ((i.contractStart || i.contractEnd) && !i.contractSignedOn) {
    errors.push({ row: rowNumber, column: header("contractSignedOn"), message: "填写合同期限时须填写签订日期 (contract dates need the signing date)" });
  }
  return errors;
}

/**
 * Parses and checks a roster: every row against the schema, ID numbers repeated in the sheet, names that
 * contradict the registry, people already enrolled here, employers that do not take part, and teams of
 * another employer. Nothing is written; every problem of every row is returned.
 */
export async function parseRosterSheet(buffer: Buffer, lookups: RosterLookups): Promise<{ rows: RosterImportRow[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, ROSTER_IMPORT_COLUMNS);
  const { inputs, errors } = validateRows(sheet, RosterRow, toRowInput, header);
  const repeated = repeatedKeyErrors(inputs, (i) => i.idNumber, header("idNumber"));
  errors.push(...repeated.errors);
  const codes = [...new Set(inputs.map(({ input }) => input.employerCreditCode))];
  const [persons, employers, teams] = await Promise.all([lookups.persons([...repeated.firstRowOf.keys()]), lookups.employers(codes), lookups.teams()]);
  // A team new to the project belongs to the employer of the first row naming it.
  const newTeams = new Map<string, { employerId: string; row: number }>();
  const rows: RosterImportRow[] = [];
  for (const { rowNumber, input } of inputs) {
    errors.push(...rowRuleErrors(rowNumber, input));
    const person = persons.get(input.idNumber);
    if (person && person.name !== input.name) {
      errors.push({ row: rowNumber, column: header("name"), message: `与人员库登记的姓名「${person.name}」不一致 (name differs from the registry)` });
    }
    if (person?.enrolledHere) errors.push({ row: rowNumber, column: header("idNumber"), message: "该人员已在本项目登记 (already enrolled on this project)" });
    const employer = employers.get(input.employerCreditCode);
    if (!employer) {
      errors.push({ row: rowNumber, column: header("employerCreditCode"), message: `企业库中没有统一社会信用代码为 ${input.employerCreditCode} 的企业 (no such enterprise)` });
    } else if (!employer.mayEmploy) {
      errors.push({ row: rowNumber, column: header("employerCreditCode"), message: "该企业不是本项目的施工总承包或专业分包单位 (not a contractor of this project)" });
    }
    if (input.teamName && employer?.mayEmploy) {
      const owner = teams.get(input.teamName)?.employerId ?? newTeams.get(input.teamName)?.employerId;
      if (owner === undefined) newTeams.set(input.teamName, { employerId: employer.id, row: rowNumber });
      else if (owner !== employer.id) errors.push({ row: rowNumber, column: header("teamName"), message: `班组「${input.teamName}」属于其他用工单位 (the team belongs to another employer)` });
    }
    rows.push({
      personId: person?.id ?? null,
      name: input.name,
      idNumber: input.idNumber,
      employerId: employer?.id ?? "",
      teamName: input.teamName,
      trade: input.trade,
      isTeamLeader: input.isTeamLeader,
      contractSignedOn: input.contractSignedOn,
      contractStart: input.contractStart,
      contractEnd: input.contractEnd,
      wageStandard: input.wageStandard,
      wageUnit: input.wageUnit,
      bankName: input.bankName,
      bankCard: input.bankCard,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}
