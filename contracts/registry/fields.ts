import { z } from "zod";
import { creditCodeProblem, idNumberProblem, MOBILE_PATTERN } from "./identifiers";

/** Field schemas whose messages the web shows next to the field; the codes are stable. */
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem === "format") ctx.addIssue({ code: "custom", message: "统一社会信用代码格式不正确 (18 characters, GB 32100)", params: { reason: "format" } });
    if (problem === "checkChar") ctx.addIssue({ code: "custom", message: "统一社会信用代码校验位错误 (check character)", params: { reason: "checkChar" } });
  });

export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem === "format") ctx.addIssue({ code: "custom", message: "身份证号码格式不正确 (18 characters)", params: { reason: "format" } });
    if (problem === "birthDate") ctx.addIssue({ code: "custom", message: "身份证号码中的出生日期无效 (birth date)", params: { reason: "birthDate" } });
    if (problem === "checkChar") ctx.addIssue({ code: "custom", message: "身份证号码校验位错误 (check digit)", params: { reason: "checkChar" } });
  });

export const Mobile = z.string().trim().regex(MOBILE_PATTERN, "手机号码格式不正确 (11 digits, 1[3-9]…)");

export const Name = z.string().trim().min(1, "必填 (required)").max(100);
export const OptionalText = z.string().trim().max(200).nullable().optional();
