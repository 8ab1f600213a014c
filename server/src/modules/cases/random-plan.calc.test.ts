import { describe, expect, it } from "vitest";
import { drawPlan, lastRoundPairs, RANDOM_DRAW_WEIGHTS_RULE, riskWeight, seededRandom, targetCountOf, weightedSample, type InspectorCandidate, type PoolProject } from "./random-plan.calc.js";

const W = RANDOM_DRAW_WEIGHTS_RULE.defaultValue;
const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, "0")}`;
const pool = (n: number, over: (i: number) => Partial<PoolProject> = () => ({})): PoolProject[] =>
  Array.from({ length: n }, (_, i) => ({ projectId: id("p", i), openMajorCases: 0, overdueCases: 0, enterpriseIds: [id("e", i)], ...over(i) }));
const team = (n: number, conflicts: Record<number, string[]> = {}): InspectorCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ userId: id("u", i), conflictEnterpriseIds: conflicts[i] ?? [] }));

describe("seeded random", () => {
  it("is the same stream for the same seed and a different one for another", () => {
    const a = seededRandom("2026-Q1");
    const b = seededRandom("2026-Q1");
    const c = seededRandom("2026-Q2");
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x > 0 && x < 1)).toBe(true);
  });
});

describe("the draw", () => {
  const opts = { seed: "seed-42", ratioPct: 10, perTarget: 2, weights: W };

  it("draws ceil(ratio × pool) targets", () => {
    expect(targetCountOf(41, 10)).toBe(5);
    expect(targetCountOf(3, 100)).toBe(3);
    expect(drawPlan(pool(41), team(6), opts).targets).toHaveLength(5);
  });

  it("is reproducible: same seed and pool give the same targets and inspectors, in whatever order the pool arrives", () => {
    const p = pool(60);
    const first = drawPlan(p, team(8), opts);
    const again = drawPlan([...p].reverse(), [...team(8)].reverse(), opts);
    expect(again).toEqual(first);
    const other = drawPlan(p, team(8), { ...opts, seed: "seed-43" });
    expect(other.targets.map((t) => t.projectId)).not.toEqual(first.targets.map((t) => t.projectId));
  });

  it("never draws a project twice and gives each target distinct inspectors, spread evenly", () => {
    const { targets, shortages } = drawPlan(pool(40), team(10), { ...opts, ratioPct: 50 });
    expect(shortages).toEqual([]);
    expect(new Set(targets.map((t) => t.projectId)).size).toBe(20);
    for (const t of targets) expect(new Set(t.inspectorIds).size).toBe(2);
    const load = new Map<string, number>();
    for (const t of targets) for (const u of t.inspectorIds) load.set(u, (load.get(u) ?? 0) + 1);
    expect(Math.max(...load.values())).toBe(4); // 40 assignments over 10 inspectors
  });

  it("never sends an inspector to a project of an enterprise they declared a conflict with", () => {
    // Inspectors 0 and 1 are in conflict with every even project's enterprise.
    const evenEnterprises = Array.from({ length: 30 }, (_, i) => id("e", i)).filter((_, i) => i % 2 === 0);
    const { targets, shortages } = drawPlan(pool(30), team(4, { 0: evenEnterprises, 1: evenEnterprises }), { ...opts, ratioPct: 100 });
    expect(shortages).toEqual([]);
    for (const t of targets) {
      const even = Number(t.projectId.slice(2)) % 2 === 0;
      if (even) expect(t.inspectorIds.filter((u) => u === id("u", 0) || u === id("u", 1))).toEqual([]);
    }
  });

  it("reports the targets without enough conflict-free inspectors", () => {
    const p = pool(1, () => ({ enterpriseIds: ["e-x"] }));
    const { shortages } = drawPlan(p, team(3, { 0: ["e-x"], 1: ["e-x"] }), { ...opts, ratioPct: 100 });
    expect(shortages).toEqual([{ projectId: "p-0000", available: 1 }]);
  });

  it("weights risky projects up, capped", () => {
    expect(riskWeight({ openMajorCases: 0, overdueCases: 0 }, W)).toBe(1);
    expect(riskWeight({ openMajorCases: 2, overdueCases: 1 }, W)).toBe(6);
    expect(riskWeight({ openMajorCases: 9, overdueCases: 9 }, W)).toBe(10);
    // Over many seeds a weight-10 project is drawn far more often than a weight-1 one.
    const p = pool(20, (i) => (i === 7 ? { openMajorCases: 9 } : {}));
    let risky = 0;
    let plain = 0;
    for (let s = 0; s < 400; s++) {
      const drawn = drawPlan(p, team(4), { ...opts, seed: `s${s}`, ratioPct: 10 }).targets.map((t) => t.projectId);
      if (drawn.includes("p-0007")) risky++;
      if (drawn.includes("p-0003")) plain++;
    }
    expect(risky).toBeGreaterThan(plain * 3);
  });

  it("samples without replacement, k of n", () => {
    const r = seededRandom("x");
    const got = weightedSample([1, 2, 3, 4, 5].map((n) => ({ item: n, weight: 1 })), 3, r);
    expect(new Set(got).size).toBe(3);
    expect(weightedSample([{ item: 1, weight: 1 }], 0, r)).toEqual([]);
  });
});

describe("the draw after a previous round (不与上轮同一组合)", () => {
  const opts = { seed: "round-2", ratioPct: 100, perTarget: 2, weights: W };
  const pairsOf = (targets: { inspectorIds: readonly string[] }[]) => lastRoundPairs(targets.map((t) => ({ projectId: "", inspectorIds: t.inspectorIds })));

  it("pairs no two inspectors paired last round, nor sends last round's team back, when the pool allows", () => {
    const p = pool(6);
    const inspectors = team(6);
    for (let s = 0; s < 50; s++) {
      const first = drawPlan(p, inspectors, { ...opts, seed: `r1-${s}` });
      const second = drawPlan(p, inspectors, { ...opts, seed: `r2-${s}`, lastRound: first.targets });
      expect(second.repeats).toEqual([]);
      const before = pairsOf(first.targets);
      for (const pair of pairsOf(second.targets)) expect(before.has(pair)).toBe(false);
      const lastTeam = new Map(first.targets.map((t) => [t.projectId, [...t.inspectorIds].sort()]));
      for (const t of second.targets) expect([...t.inspectorIds].sort()).not.toEqual(lastTeam.get(t.projectId));
    }
  });

  it("would have repeated without the previous round: the same seed drawn blind gives back last round's teams", () => {
    const first = drawPlan(pool(4), team(4), opts);
    expect(drawPlan(pool(4), team(4), opts)).toEqual(first);
    const next = drawPlan(pool(4), team(4), { ...opts, lastRound: first.targets });
    expect(next.targets.map((t) => t.projectId)).toEqual(first.targets.map((t) => t.projectId));
    for (const [i, t] of next.targets.entries()) expect([...t.inspectorIds].sort()).not.toEqual([...first.targets[i].inspectorIds].sort());
  });

  it("still avoids a pairing when conflicts narrow the pool, and repeats only what it cannot avoid", () => {
    // Project 0: inspectors 0 and 1 are in conflict, so only {2, 3} can go — last round's team there.
    const p = pool(2);
    const inspectors = team(4, { 0: ["e-0000"], 1: ["e-0000"] });
    const lastRound = [
      { projectId: "p-0000", inspectorIds: ["u-0002", "u-0003"] },
      { projectId: "p-0001", inspectorIds: ["u-0000", "u-0001"] },
    ];
    const { targets, repeats, shortages } = drawPlan(p, inspectors, { ...opts, lastRound });
    expect(shortages).toEqual([]);
    const teamOf = new Map(targets.map((t) => [t.projectId, [...t.inspectorIds].sort()]));
    expect(teamOf.get("p-0000")).toEqual(["u-0002", "u-0003"]);
    const other = teamOf.get("p-0001")!;
    expect(other).not.toEqual(["u-0000", "u-0001"]);
    expect(other).not.toEqual(["u-0002", "u-0003"]);
    expect(repeats).toEqual([{ projectId: "p-0000", repeatedPairs: [["u-0002", "u-0003"]], sameTeamAsLastRound: true }]);
  });

  it("allows the repeat when the pool has exactly two inspectors, and says so", () => {
    const lastRound = [{ projectId: "p-0000", inspectorIds: ["u-0001", "u-0000"] }];
    const { targets, repeats, shortages } = drawPlan(pool(3), team(2), { ...opts, lastRound });
    expect(shortages).toEqual([]);
    for (const t of targets) expect([...t.inspectorIds].sort()).toEqual(["u-0000", "u-0001"]);
    expect(repeats).toHaveLength(3);
    expect(repeats.find((r) => r.projectId === "p-0000")).toEqual({ projectId: "p-0000", repeatedPairs: [["u-0000", "u-0001"]], sameTeamAsLastRound: true });
    expect(repeats.find((r) => r.projectId === "p-0001")).toEqual({ projectId: "p-0001", repeatedPairs: [["u-0000", "u-0001"]], sameTeamAsLastRound: false });
  });

  it("prefers a team of three with one old pair over last round's team of three", () => {
    const lastRound = [{ projectId: "p-0000", inspectorIds: ["u-0000", "u-0001", "u-0002"] }];
    const { targets, repeats } = drawPlan(pool(1), team(4), { ...opts, perTarget: 3, lastRound });
    // Any three of four include two of last round's three: one old pair is the least possible.
    expect(targets[0].inspectorIds).toContain("u-0003");
    expect(repeats).toEqual([{ projectId: "p-0000", repeatedPairs: [expect.any(Array)], sameTeamAsLastRound: false }]);
  });

  it("is reproducible: same seed, pool and previous round give the same draw, in whatever order they arrive", () => {
    const p = pool(30);
    const inspectors = team(7);
    const lastRound = drawPlan(p, inspectors, { ...opts, ratioPct: 50, seed: "q1" }).targets;
    const first = drawPlan(p, inspectors, { ...opts, ratioPct: 50, seed: "q2", lastRound });
    const shuffledRound = [...lastRound].reverse().map((t) => ({ ...t, inspectorIds: [...t.inspectorIds].reverse() }));
    expect(drawPlan([...p].reverse(), [...inspectors].reverse(), { ...opts, ratioPct: 50, seed: "q2", lastRound: shuffledRound })).toEqual(first);
    expect(drawPlan(p, inspectors, { ...opts, ratioPct: 50, seed: "q2" }).targets).not.toEqual(first.targets);
  });
});
