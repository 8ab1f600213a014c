import { describe, expect, it } from "vitest";
import { DANGEROUS_WORK_STATES } from "@contracts/safety/dangerous-works";
import { classifyDangerousWork, dangerousWorkThresholdsRule } from "../modules/safety/index.js";
import { generateDemoCity } from "./demo-city.js";
import { createRng } from "./prng.js";
import { generateSafety } from "./safety.js";

const NOW = new Date("2026-03-15T04:00:00Z");
const city = generateDemoCity({ scale: 0.25, now: NOW });
const safety = generateSafety(createRng(0x5eed_5af), city);

describe("the demo city's safety register", () => {
  it("is deterministic for a seed", () => {
    expect(generateSafety(createRng(0x5eed_5af), city)).toEqual(safety);
  });

  it("has a pool of about 30 experts, each with 15 years or a senior title", () => {
    expect(safety.experts.length).toBe(30);
    for (const e of safety.experts) expect(e.years >= 15 || e.title !== "intermediate").toBe(true);
  });

  it("has 危大 works in every workflow stage, each classified by the rule it carries", () => {
    expect(new Set(safety.works.map((w) => w.state))).toEqual(new Set(DANGEROUS_WORK_STATES));
    for (const w of safety.works) {
      const c = classifyDangerousWork(w.category as never, w.params as never, dangerousWorkThresholdsRule.defaultValue);
      expect([w.level, w.levelClauses]).toEqual([c.level, c.clauses]);
      expect(w.level).not.toBe("none");
      if (w.level === "weida") expect(w.state).not.toBe("expert_review");
    }
  });

  it("gives every 超危大 past its expert review a passing review of five clear experts, and its timeline ends at its stage", () => {
    const expertEnterprise = new Map(safety.experts.map((e) => [e.id, e.enterpriseId]));
    const parties = (projectId: string | undefined) => new Set(city.participants.filter((p) => p.projectId === projectId).map((p) => p.enterpriseId));
    for (const w of safety.works) {
      const events = safety.events.filter((e) => e.workId === w.id);
      expect(events.at(-1)?.toState).toBe(w.state);
      expect(events[0].toState).toBe("identified");
      const reviews = safety.reviews.filter((r) => r.workId === w.id);
      const past = ["disclosed", "posted", "in_progress", "emergency", "acceptance", "accepted", "closed"].includes(w.state ?? "");
      if (w.level === "chaoweida" && past) expect(reviews.at(-1)?.verdict).toBe("pass");
      for (const r of reviews) {
        expect(r.expertIds).toHaveLength(5);
        for (const id of r.expertIds) expect(parties(w.projectId).has(expertEnterprise.get(id) ?? "")).toBe(false);
      }
    }
  });

  it("registers the big sites' cranes and hoists on their monitors, some with expired inspections", () => {
    expect(safety.equipment.length).toBeGreaterThan(0);
    const devices = new Map(city.devices.map((d) => [d.row.id, d.row]));
    for (const e of safety.equipment) {
      const d = devices.get(e.deviceId!)!;
      expect([d.projectId, d.type]).toEqual([e.projectId, e.kind]);
    }
    expect(new Set(safety.equipment.map((e) => e.recordNo)).size).toBe(safety.equipment.length);
    expect(safety.equipment.some((e) => e.inspectionValidTo! < "2026-03-15")).toBe(true);
    expect(safety.operators.length).toBeGreaterThan(0);
  });
});
