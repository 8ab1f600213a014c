import { and, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { CHECK_STATE_LABELS, CUSTOMER_KIND_LABELS, CUSTOMER_KINDS, CustomerInput, type CustomerDto, type CustomerKind } from "@contracts/gas/customer";
import { IsoDate } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor, Tx } from "../../../platform/db/client.js";
import { readSheet, repeatedKeyErrors, validateRows, type RowError, type SheetColumn } from "../../../platform/excel/excel.js";
import { startImport } from "../../../platform/excel/import-job.js";
import { gasCustomers as CU } from "./schema.js";
import { assertGasEnterprise } from "./customer.service.js";
import type { UserCheckIntervalRule } from "./delivery.rules.js";
import { gasEnterpriseOf } from "../shared/index.js";
import { nextCheckDue } from "./safety-check.calc.js";

/**
 * The customers sheet (实名用户导入/导出). Import is all-or-nothing through the platform's import job: every
 * bad row listed (shape, check digits, repeats within the sheet, codes and IDs already on file).
 */

export const CUSTOMER_IMPORT_COLUMNS: SheetColumn<unknown>[] = [
  { key: "code", header: "用户编号", width: 16, note: "必填，企业内唯一；字母、数字、-、_" },
  { key: "kind", header: "用户类型", width: 10, note: `必填：${CUSTOMER_KINDS.map((k) => CUSTOMER_KIND_LABELS[k].zh).join("/")}` },
  { key: "name", header: "姓名/名称", width: 20, note: "必填" },
  { key: "idNumber", header: "证件号码", width: 22, note: "居民填身份证号码，餐饮/其他填统一社会信用代码（校验位）" },
  { key: "phone", header: "电话", width: 16, note: "必填，手机或带区号的固话" },
  { key: "address", header: "地址", width: 30, note: "必填" },
  { key: "lat", header: "纬度", width: 12, note: "可选，与经度同时填写" },
  { key: "lng", header: "经度", width: 12, note: "可选" },
  { key: "contractNo", header: "供用气合同编号", width: 18, note: "可选" },
  { key: "lastCheckOn", header: "上次安检日期", width: 14, note: "可选，YYYY-MM-DD（合格的安检）；空则首次安检当日到期" },
];

const headers = new Map(CUSTOMER_IMPORT_COLUMNS.map((c) => [c.key, c.header]));
const header = (key: string) => headers.get(key) ?? key;
const KIND_BY_TEXT = new Map<string, CustomerKind>(CUSTOMER_KINDS.flatMap((k) => [[k, k] as const, [CUSTOMER_KIND_LABELS[k].zh, k] as const]));
const text = (v: string | number | null) => (v === null ? null : String(v).trim() || null);
const num = (v: string | number | null) => (v === null ? null : typeof v === "number" ? v : Number.isFinite(Number(v)) ? Number(v) : v);

const SheetCustomer = CustomerInput.and(z.object({ lastCheckOn: IsoDate.nullable().optional() }));
type SheetCustomer = z.output<typeof SheetCustomer>;

export interface ImportedCustomer {
  input: SheetCustomer;
  nextCheckDue: string;
}

export async function parseCustomerSheet(db: Executor, enterpriseId: string, buffer: Buffer, rule: UserCheckIntervalRule): Promise<{ rows: ImportedCustomer[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, CUSTOMER_IMPORT_COLUMNS);
  const { inputs, errors } = validateRows(
    sheet,
    SheetCustomer,
    (v) => ({
      code: text(v.code) ?? undefined,
      kind: KIND_BY_TEXT.get(text(v.kind) ?? "") ?? text(v.kind) ?? undefined,
      name: text(v.name) ?? undefined,
      idNumber: text(v.idNumber) ?? "",
      phone: text(v.phone) ?? undefined,
      address: text(v.address) ?? undefined,
      lat: num(v.lat),
      lng: num(v.lng),
      contractNo: text(v.contractNo),
      lastCheckOn: text(v.lastCheckOn),
    }),
    header,
  );
  const today = shanghaiDay();
  for (const i of inputs) if (i.input.lastCheckOn && i.input.lastCheckOn > today) errors.push({ row: i.rowNumber, column: header("lastCheckOn"), message: "不能晚于今天 (cannot be in the future)" });
  const codes = repeatedKeyErrors(inputs, (i) => i.code, header("code"));
  const ids = repeatedKeyErrors(inputs, (i) => i.idNumber, header("idNumber"));
  errors.push(...codes.errors, ...ids.errors);
  if (inputs.length > 0) {
    const taken = await db
      .select({ code: CU.code, idNumber: CU.idNumber })
      .from(CU)
      .where(
        and(
          eq(CU.enterpriseId, enterpriseId),
          or(sql`${CU.code} = any(${sql.param(inputs.map((i) => i.input.code))}::text[])`, sql`${CU.idNumber} = any(${sql.param(inputs.map((i) => i.input.idNumber))}::text[])`),
        ),
      );
    const [takenCodes, takenIds] = [new Set(taken.map((t) => t.code)), new Set(taken.map((t) => t.idNumber))];
    for (const i of inputs) {
      if (takenCodes.has(i.input.code)) errors.push({ row: i.rowNumber, column: header("code"), message: "用户编号已存在 (already on file)" });
      if (takenIds.has(i.input.idNumber)) errors.push({ row: i.rowNumber, column: header("idNumber"), message: "该证件已登记为本企业用户 (already a customer)" });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const rows = inputs.map((i) => ({ input: i.input, nextCheckDue: i.input.lastCheckOn ? nextCheckDue(rule, i.input.kind, i.input.lastCheckOn, true) : today }));
  return { rows, errors };
}

/**
 * Imports customers for the actor's company (the bureau names one); answers the job id at once.
 * @throws AppError FORBIDDEN without gas.manage (before the upload is read); VALIDATION naming `enterpriseId`.
 */
export async function importCustomers(ctx: ServiceContext, upload: () => Promise<Buffer>, rule: UserCheckIntervalRule, requestedEnterpriseId?: string): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "gas.manage");
  const enterpriseId = gasEnterpriseOf(ctx.actor, requestedEnterpriseId);
  await assertGasEnterprise(ctx.db, enterpriseId);
  return startImport(ctx, upload, {
    kind: "gas.customer",
    entity: "gas_customer",
    parse: (buffer) => parseCustomerSheet(ctx.db, enterpriseId, buffer, rule),
    insertChunk: async (tx: Tx, rows: ImportedCustomer[]) => {
      const inserted = await tx
        .insert(CU)
        .values(
          rows.map(({ input, nextCheckDue: due }) => ({
            enterpriseId,
            code: input.code,
            kind: input.kind,
            name: input.name,
            idNumber: input.idNumber,
            phone: input.phone,
            address: input.address,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            contractNo: input.contractNo ?? null,
            lastCheckOn: input.lastCheckOn ?? null,
            nextCheckDue: due,
          })),
        )
        .returning({ id: CU.id });
      return inserted.length;
    },
  });
}

export const CUSTOMER_EXPORT_COLUMNS: SheetColumn<CustomerDto>[] = [
  { key: "code", header: "用户编号", width: 16, value: (c) => c.code },
  { key: "kind", header: "用户类型", width: 10, value: (c) => CUSTOMER_KIND_LABELS[c.kind].zh },
  { key: "name", header: "姓名/名称", width: 20, value: (c) => c.name },
  { key: "idNumber", header: "证件号码(脱敏)", width: 22, value: (c) => c.idNumber },
  { key: "phone", header: "电话", width: 16, value: (c) => c.phone },
  { key: "address", header: "地址", width: 30, value: (c) => c.address },
  { key: "contractNo", header: "供用气合同编号", width: 18, value: (c) => c.contractNo },
  { key: "enterprise", header: "燃气企业", width: 24, value: (c) => c.enterpriseName },
  { key: "lastCheckOn", header: "上次安检", width: 12, value: (c) => c.lastCheckOn },
  { key: "nextCheckDue", header: "下次安检到期", width: 14, value: (c) => c.nextCheckDue },
  { key: "checkState", header: "安检状态", width: 10, value: (c) => CHECK_STATE_LABELS[c.checkState].zh },
  { key: "cylindersHeld", header: "在用钢瓶", width: 10, value: (c) => c.cylindersHeld },
  { key: "active", header: "状态", width: 8, value: (c) => (c.active ? "正常" : "已销户") },
];
