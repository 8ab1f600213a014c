import { shanghaiDay } from "@contracts/platform/time";
import type { RiskFact, RiskFactorCode } from "@contracts/risk/risk";
import type { Executor } from "../../platform/db/client.js";
import { openCaseRiskFacts, overdueCaseRiskFacts, stopWorkRiskFacts } from "../cases/index.js";
import { gasMainRiskFacts } from "../gas/pipelines/index.js";
import { alarmRiskFacts } from "../iot/index.js";
import { dangerousWorkRiskFacts, liftingInspectionRiskFacts } from "../safety/index.js";
import { failedTestRiskFacts } from "../testing/index.js";
import { keyPersonnelRiskFacts, wageArrearsRiskFacts } from "../workforce/index.js";
import type { RiskIndexRule } from "./risk.rules.js";

const DAY_MS = 86_400_000;

export type FactsByFactor = Record<RiskFactorCode, RiskFact[]>;

/**
 * Every factor's records, one statement per factor through the owning module's read function: for the whole
 * city when `projectIds` is left out (set-based), else for the projects named (the same statements, which
 * the benchmark runs project by project as its baseline).
 */
export async function factorFacts(db: Executor, rule: RiskIndexRule, region: string, at: Date, projectIds?: string[]): Promise<FactsByFactor> {
  const since = (code: RiskFactorCode) => new Date(at.getTime() - (rule.factors[code]?.windowDays ?? 0) * DAY_MS);
  const day = shanghaiDay(at);
  const [alarms, open_cases, overdue_cases, stop_work, dangerous_works, lifting_inspection, failed_tests, key_personnel, wage_arrears, gas_main] = await Promise.all([
    alarmRiskFacts(db, { since: since("alarms"), projectIds }),
    openCaseRiskFacts(db, { projectIds }),
    overdueCaseRiskFacts(db, { at, projectIds }),
    stopWorkRiskFacts(db, { projectIds }),
    dangerousWorkRiskFacts(db, { projectIds }),
    liftingInspectionRiskFacts(db, { day, projectIds }),
    failedTestRiskFacts(db, { sinceDay: shanghaiDay(since("failed_tests")), projectIds }),
    keyPersonnelRiskFacts(db, { region, at, projectIds }),
    wageArrearsRiskFacts(db, { at, projectIds }),
    gasMainRiskFacts(db, { maxDistanceM: rule.gasMainDistanceM, projectIds }),
  ]);
  return { alarms, open_cases, overdue_cases, stop_work, dangerous_works, lifting_inspection, failed_tests, key_personnel, wage_arrears, gas_main };
}

/** The records of each project, by factor. */
export function byProject(facts: FactsByFactor): Map<string, Partial<FactsByFactor>> {
  const out = new Map<string, Partial<FactsByFactor>>();
  for (const [code, list] of Object.entries(facts) as [RiskFactorCode, RiskFact[]][]) {
    for (const f of list) {
      let p = out.get(f.projectId);
      if (!p) out.set(f.projectId, (p = {}));
      (p[code] ??= []).push(f);
    }
  }
  return out;
}
