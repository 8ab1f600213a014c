import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import { PhotoIds } from "../platform/files";
import { creditCodeProblem, idNumberProblem } from "../registry/identifiers";
import type { Labels } from "../registry/enums";

/** 实名用户 kinds: a resident household, a catering business (餐饮), or another business user. */
export const CUSTOMER_KINDS = ["resident", "catering", "other"] as const;
export const CustomerKind = z.enum(CUSTOMER_KINDS);
export type CustomerKind = z.infer<typeof CustomerKind>;
export const CUSTOMER_KIND_LABELS: Labels<CustomerKind> = {
  resident: { zh: "居民", en: "Resident" },
  catering: { zh: "餐饮", en: "Catering" },
  other: { zh: "其他", en: "Other" },
};

const Text = (max: number) => z.string().trim().max(max);

/** Mobile (1[3-9]…) or a landline with area code (0579-87654321), the numbers a delivery person calls. */
export const CustomerPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "电话格式不正确 (mobile 1[3-9]… or landline 0579-…)");

/** A user code of the gas company: letters, digits, '-' and '_' (it is typed on scanners and in sheets). */
export const CustomerCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z_-]{1,40}$/, "用户编号只能包含字母、数字、- 和 _ (letters, digits, - and _; at most 40)");

/**
 * A real-name customer. A resident is named by the 居民身份证 number (GB 11643 check digit), a catering or
 * other business by its 统一社会信用代码 (GB 32100 check character).
 */
export const CustomerInput = z
  .object({
    /** The gas company; a gas-company user may omit it (its own), the bureau must name one. */
    enterpriseId: z.uuid().nullable().optional(),
    code: CustomerCode,
    kind: CustomerKind,
    name: Text(100).min(1, "必填 (required)"),
    idNumber: z.string().trim().toUpperCase(),
    phone: CustomerPhone,
    address: Text(200).min(1, "必填 (required)"),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
    contractNo: Text(60).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "resident") {
      const p = idNumberProblem(v.idNumber);
      if (p) ctx.addIssue({ code: "custom", path: ["idNumber"], message: p === "checkChar" ? "身份证号码校验位错误 (check digit)" : p === "birthDate" ? "身份证号码中的出生日期无效 (birth date)" : "居民用户须填写18位身份证号码 (a resident needs an 18-character ID number)" });
    } else {
      const p = creditCodeProblem(v.idNumber);
      if (p) ctx.addIssue({ code: "custom", path: ["idNumber"], message: p === "checkChar" ? "统一社会信用代码校验位错误 (check character)" : "单位用户须填写统一社会信用代码 (a business needs its 18-character credit code)" });
    }
    if ((v.lat == null) !== (v.lng == null)) ctx.addIssue({ code: "custom", path: ["lng"], message: "经纬度须同时填写 (give both lat and lng)" });
  });
export type CustomerInput = z.input<typeof CustomerInput>;

/** Check state as lists show it: never checked, due within 30 days, overdue, or fine. */
export const CHECK_STATES = ["never", "overdue", "due_soon", "ok"] as const;
export const CheckState = z.enum(CHECK_STATES);
export type CheckState = z.infer<typeof CheckState>;
export const CHECK_STATE_LABELS: Labels<CheckState> = {
  never: { zh: "未安检", en: "Never checked" },
  overdue: { zh: "安检逾期", en: "Check overdue" },
  due_soon: { zh: "即将到期", en: "Due soon" },
  ok: { zh: "正常", en: "OK" },
};

export const CustomerDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  code: z.string(),
  kind: CustomerKind,
  name: z.string(),
  /** Masked (3307**********1234) except in the audited full view. */
  idNumber: z.string(),
  phone: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  contractNo: z.string().nullable(),
  lastCheckOn: z.string().nullable(),
  nextCheckDue: z.string().nullable(),
  checkState: CheckState,
  active: z.boolean(),
  /** Cylinders this customer holds now (in_use). */
  cylindersHeld: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerDto = z.infer<typeof CustomerDto>;

export const CUSTOMER_SORTS = ["code", "name", "nextCheckDue", "createdAt"] as const;
export const ListCustomersQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  kind: csvEnum(CUSTOMER_KINDS),
  checkState: csvEnum(CHECK_STATES),
  active: z.enum(["true", "false"]).optional(),
  sort: sortParam(CUSTOMER_SORTS),
});
export type ListCustomersQuery = z.infer<typeof ListCustomersQuery>;

/** Deactivates (销户) or reactivates a customer; rows are never deleted, deliveries refer to them. */
export const SetCustomerActiveInput = z.object({ active: z.boolean() });

/** 入户安检: the three items a check records; `passed` is all three fine. Photos come from POST /gas/safety-checks/photos. */
export const SafetyCheckInput = z.object({
  checkedOn: IsoDate,
  /** The gas company's staff member who checked (optional: the bureau may record its own visits). */
  checkerId: z.uuid().nullable().optional(),
  alarmFitted: z.boolean(),
  hoseOk: z.boolean(),
  valveOk: z.boolean(),
  note: Text(1000).default(""),
  photoIds: PhotoIds("/gas/safety-checks/photos").default([]),
});
export type SafetyCheckInput = z.input<typeof SafetyCheckInput>;

/** `POST /gas/safety-checks`: a check of one customer's installation. */
export const CreateSafetyCheckInput = SafetyCheckInput.extend({ customerId: z.uuid() });
export type CreateSafetyCheckInput = z.input<typeof CreateSafetyCheckInput>;

export const SafetyCheckDto = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerCode: z.string(),
  customerName: z.string(),
  enterpriseId: z.uuid(),
  checkedOn: z.string(),
  checkerId: z.uuid().nullable(),
  checkerName: z.string().nullable(),
  alarmFitted: z.boolean(),
  hoseOk: z.boolean(),
  valveOk: z.boolean(),
  passed: z.boolean(),
  nextDueOn: z.string(),
  note: z.string(),
  photoIds: z.array(z.string()),
  createdAt: z.string(),
});
export type SafetyCheckDto = z.infer<typeof SafetyCheckDto>;

export const ListSafetyChecksQuery = PageQuery.extend({
  customerId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  passed: z.enum(["true", "false"]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ListSafetyChecksQuery = z.infer<typeof ListSafetyChecksQuery>;
