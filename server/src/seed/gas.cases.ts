import { LEAK_LEVEL_LABELS, type LeakLevel } from "@contracts/gas/leak";
import { HAZARD_KIND_LABELS, type HazardKind } from "@contracts/gas/patrol";
import { PRESSURE_CLASS_LABELS, type PressureClass } from "@contracts/gas/pipeline";
import type { Tx } from "../platform/db/client.js";
import { ensureRuleDefaults } from "../platform/rules/rules.js";
import { casesRuleDefinitions, openCase } from "../modules/cases/index.js";
import { hazardGrade } from "../modules/gas/pipelines/index.js";
import type { LeakRow } from "./gas.detector.gen.js";
import type { HazardRow, PipelineRow } from "./gas.pipelines.gen.js";
import { seedContext } from "./context.js";

/**
 * The cases the seeded hazards and the confirmed leak would have opened: through `cases.openCase` (the one
 * loop), with the same source refs, titles, grades and legal basis the gas services use (hazard.service.ts,
 * leak.service.ts), no project and the line's company responsible; the case id goes on the row, which the
 * seed writes after. A handful of calls, opened by the platform (the system actor).
 */

/** A confirmed leak's case deadline (the leak rule's default is a day). */
const LEAK_DEADLINE_MS = 24 * 3_600_000;

export async function openGasCases(tx: Tx, input: { hazards: HazardRow[]; leaks: LeakRow[]; pipelines: PipelineRow[]; region: string }): Promise<number> {
  await ensureRuleDefaults(tx, casesRuleDefinitions);
  const ctx = seedContext(tx, input.region);
  const lines = new Map(input.pipelines.map((p) => [p.id, p]));
  let opened = 0;
  for (const h of input.hazards) {
    const line = h.pipelineId ? lines.get(h.pipelineId) : undefined;
    const pressure = (line?.pressureClass ?? null) as PressureClass | null;
    const kindLabel = HAZARD_KIND_LABELS[h.kind as HazardKind].zh;
    const c = await openCase(
      tx,
      ctx,
      {
        projectId: null,
        enterpriseId: line?.enterpriseId ?? h.enterpriseId,
        source: "gas",
        sourceRef: `gas_hazard:${h.id}`,
        category: "gas",
        grade: hazardGrade(h.kind as HazardKind, pressure),
        title: line ? `管线巡查隐患：${kindLabel}（${line.code} ${PRESSURE_CLASS_LABELS[pressure!].zh}）` : `管线巡查隐患：${kindLabel}`,
        description: h.description || kindLabel,
        location: `${h.lng.toFixed(6)},${h.lat.toFixed(6)}${line ? ` ${line.name}` : ""}`,
        legalBasis: "《城镇燃气管理条例》第三十三条、第三十五条",
      },
    );
    h.caseId = c.id;
    opened++;
  }
  for (const l of input.leaks.filter((x) => x.state === "confirmed")) {
    const main = l.pipelineId ? lines.get(l.pipelineId) : undefined;
    const c = await openCase(
      tx,
      ctx,
      {
        projectId: null,
        enterpriseId: main?.enterpriseId ?? l.enterpriseId,
        source: "gas",
        sourceRef: `gas_leak:${l.id}`,
        category: "gas",
        grade: "major",
        title: `燃气泄漏：${LEAK_LEVEL_LABELS[l.level as LeakLevel].zh}${main ? `（${main.code} ${main.name}）` : ""}`,
        description: `检测车读数 ${l.ppm} ppm（背景 ${l.backgroundPpm} ppm），手持复检 ${l.recheckPpm} ppm。${l.recheckNote ?? ""}`,
        location: `${l.lng.toFixed(6)},${l.lat.toFixed(6)}${main ? ` ${main.name}` : ""}`,
        legalBasis: "CJJ/T 215-2014《城镇燃气管网泄漏检测技术规程》; CJJ 51-2016《城镇燃气设施运行、维护和抢修安全技术规程》",
        deadline: new Date(Date.now() + LEAK_DEADLINE_MS).toISOString(),
      },
    );
    l.caseId = c.id;
    opened++;
  }
  return opened;
}
