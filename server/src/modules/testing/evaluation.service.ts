import type { ConcreteEvaluationDto, ConcreteEvaluationInput } from "@contracts/testing/evaluation";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import { invalidField } from "../../platform/errors.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { evaluateLot, round1, sizeFactorOf } from "./concrete.checks.js";
import { toEvaluationDto } from "./result.checks.js";
import { gbt50107Rule } from "./testing.rules.js";

/**
 * The GB/T 50107 judgement on its own (a calculator for inspectors and labs): group strengths of one lot,
 * converted from non-standard cubes, evaluated by the rule in force. Nothing is stored.
 */
export async function evaluateConcrete(ctx: ServiceContext, input: ConcreteEvaluationInput): Promise<ConcreteEvaluationDto> {
  requirePermission(ctx.actor, "testing.read");
  const rule = await ruleInForce(ctx.db, gbt50107Rule, ctx.region);
  const specimenSizeMm = input.specimenSizeMm ?? 150;
  const sizeFactor = sizeFactorOf(rule.value, specimenSizeMm);
  if (sizeFactor === undefined) throw invalidField("specimenSizeMm", `没有 ${specimenSizeMm} mm 试件的换算系数 (no size factor)`);
  const values = input.values.map((v) => round1(v * sizeFactor));
  const evaluation = evaluateLot(input.grade, values, rule.value, input.sigma0);
  return toEvaluationDto(evaluation, values, sizeFactor, specimenSizeMm, { code: rule.code, version: rule.version, region: rule.region, source: rule.source });
}
