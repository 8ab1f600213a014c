import { createHash } from "node:crypto";
import { z } from "zod";
import type { RuleDefinition } from "../../platform/rules/rules.js";

/**
 * 双随机 draw (domain-rules §8.1), pure: the same seed, the same pool and the same previous round give the
 * same targets and the same inspectors on every machine, so anyone holding the published seed can replay it.
 * Pool and inspectors are put in id order first, so the order a query happened to return them in does not matter.
 */

/** Risk weighting of the target pool: a project with open major hazards or overdue cases is drawn more often (重点对象). */
export const DrawWeights = z.object({
  base: z.number().positive(),
  perOpenMajorCase: z.number().min(0),
  perOverdueCase: z.number().min(0),
  max: z.number().positive(),
});
export type DrawWeights = z.infer<typeof DrawWeights>;

export const RANDOM_DRAW_WEIGHTS_RULE: RuleDefinition<DrawWeights> = {
  code: "cases.random_draw.weights",
  name: "双随机抽查对象风险权重",
  schema: DrawWeights,
  defaultValue: { base: 1, perOpenMajorCase: 2, perOverdueCase: 1, max: 10 },
  // 国发〔2019〕5号 asks for higher sampling of key targets but sets no figures: these are ours (❓), per city.
  source: "国发〔2019〕5号 重点监管对象提高抽查比例；权重取值为平台默认，可按地市调整",
  effectiveFrom: "2019-02-15",
};

export interface PoolProject {
  projectId: string;
  openMajorCases: number;
  overdueCases: number;
  /** Enterprises taking part in the project: an inspector in conflict with any of them withdraws. */
  enterpriseIds: readonly string[];
}

export interface InspectorCandidate {
  userId: string;
  /** Enterprises the inspector declared a conflict with. */
  conflictEnterpriseIds: readonly string[];
}

export interface DrawnTarget {
  projectId: string;
  weight: number;
  inspectorIds: string[];
}

/** A target of the previous plan of the same domain, as stored: whom it sent where. */
export interface LastRoundTarget {
  projectId: string;
  inspectorIds: readonly string[];
}

/** A target whose team had to repeat last round's pairing because the conflict-free inspectors left no other choice. */
export interface UnavoidableRepeat {
  projectId: string;
  /** Pairs of inspectors (each in id order) who were already paired on some target of the previous plan. */
  repeatedPairs: [string, string][];
  /** The whole team is the one last round sent to this same project. */
  sameTeamAsLastRound: boolean;
}

export interface DrawResult {
  targets: DrawnTarget[];
  /** Targets without enough conflict-free inspectors; the plan cannot be made while any is listed. */
  shortages: { projectId: string; available: number }[];
  repeats: UnavoidableRepeat[];
}

export function riskWeight(p: Pick<PoolProject, "openMajorCases" | "overdueCases">, w: DrawWeights): number {
  return Math.min(w.max, w.base + w.perOpenMajorCase * p.openMajorCases + w.perOverdueCase * p.overdueCases);
}

/** sfc32 seeded from SHA-256 of the seed text: uniform in (0, 1), never exactly 0 (the draw takes its log). */
export function seededRandom(seed: string): () => number {
  const h = createHash("sha256").update(seed, "utf8").digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return (t + 0.5) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // let the state mix before the first draw
  return next;
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis): each item gets the key log(u)/w and the k
 * largest keys win, so an item of weight 2 is about twice as likely as one of weight 1 to be drawn.
 */
export function weightedSample<T>(items: readonly { item: T; weight: number }[], k: number, random: () => number): T[] {
  return items
    .map(({ item, weight }) => ({ item, key: Math.log(random()) / weight }))
    .sort((x, y) => y.key - x.key)
    .slice(0, Math.max(0, k))
    .map((x) => x.item);
}

export const targetCountOf = (poolSize: number, ratioPct: number) => Math.min(poolSize, Math.ceil((poolSize * ratioPct) / 100));

const byId = <T>(key: (t: T) => string) => (x: T, y: T) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Every pair of inspectors who worked a target together last round. */
export function lastRoundPairs(lastRound: readonly LastRoundTarget[]): Set<string> {
  const pairs = new Set<string>();
  for (const t of lastRound) for (let i = 0; i < t.inspectorIds.length; i++) for (let j = i + 1; j < t.inspectorIds.length; j++) pairs.add(pairKey(t.inspectorIds[i], t.inspectorIds[j]));
  return pairs;
}

/** Sending last round's team back to the same project costs more than any number of repeated pairs (≤ 10 for 5 inspectors). */
const SAME_TEAM_COST = 1000;
/** Search steps before settling for the best team found so far: the pool is small, this only bounds a pathological one. */
const SEARCH_BUDGET = 50_000;

/**
 * Picks `size` of the candidates (given in preference order: least loaded first) so that as few pairs as
 * possible repeat a pairing of last round, and never last round's team for this project while another team
 * exists. Among equally good teams the earliest in preference order wins, so with no last round this is
 * simply the first `size` candidates. Branch and bound: a partial team's cost only grows as members join.
 */
function pickTeam(candidates: readonly string[], size: number, pairedBefore: ReadonlySet<string>, lastTeam: ReadonlySet<string> | undefined) {
  let best: { members: number[]; cost: number } | undefined;
  let steps = 0;
  const picked: number[] = [];
  const visit = (from: number, cost: number) => {
    if (picked.length === size) {
      const same = lastTeam !== undefined && lastTeam.size === size && picked.every((i) => lastTeam.has(candidates[i]));
      const total = cost + (same ? SAME_TEAM_COST : 0);
      if (!best || total < best.cost) best = { members: [...picked], cost: total };
      return;
    }
    for (let i = from; i <= candidates.length - (size - picked.length); i++) {
      if (best && (cost >= best.cost || ++steps > SEARCH_BUDGET)) return;
      const added = picked.filter((j) => pairedBefore.has(pairKey(candidates[i], candidates[j]))).length;
      picked.push(i);
      visit(i + 1, cost + added);
      picked.pop();
    }
  };
  visit(0, 0);
  const team = (best?.members ?? []).map((i) => candidates[i]);
  const repeatedPairs: [string, string][] = [];
  for (let i = 0; i < team.length; i++) {
    for (let j = i + 1; j < team.length; j++) {
      if (pairedBefore.has(pairKey(team[i], team[j]))) repeatedPairs.push(team[i] < team[j] ? [team[i], team[j]] : [team[j], team[i]]);
    }
  }
  return { team, repeatedPairs, sameTeamAsLastRound: (best?.cost ?? 0) >= SAME_TEAM_COST };
}

/**
 * Draws ceil(ratio × |pool|) projects by risk weight, then `perTarget` distinct inspectors for each, never
 * one in conflict with an enterprise of the project. Inspectors are spread: each target takes the least
 * loaded conflict-free inspectors, ties broken at random — except that no two inspectors paired on a target
 * of `lastRound` (the previous plan of the domain) are paired again, and no project gets last round's team
 * again, unless the conflict-free inspectors leave no other choice: then the repeat is listed in `repeats`.
 */
export function drawPlan(
  pool: readonly PoolProject[],
  inspectors: readonly InspectorCandidate[],
  opts: { seed: string; ratioPct: number; perTarget: number; weights: DrawWeights; lastRound?: readonly LastRoundTarget[] },
): DrawResult {
  const random = seededRandom(opts.seed);
  const projects = [...pool].sort(byId((p) => p.projectId));
  const weighted = projects.map((p) => ({ item: p, weight: riskWeight(p, opts.weights) }));
  const drawn = weightedSample(weighted, targetCountOf(projects.length, opts.ratioPct), random);
  const weightOf = new Map(weighted.map((w) => [w.item.projectId, w.weight]));

  const team = [...inspectors].sort(byId((i) => i.userId));
  const load = new Map(team.map((i) => [i.userId, 0]));
  const targets: DrawnTarget[] = [];
  const shortages: DrawResult["shortages"] = [];
  const repeats: UnavoidableRepeat[] = [];
  const lastRound = opts.lastRound ?? [];
  const pairedBefore = lastRoundPairs(lastRound);
  const lastTeamOf = new Map(lastRound.map((t) => [t.projectId, new Set(t.inspectorIds)]));
  for (const project of drawn) {
    const parties = new Set(project.enterpriseIds);
    const free = team
      .filter((i) => !i.conflictEnterpriseIds.some((e) => parties.has(e)))
      .map((i) => ({ userId: i.userId, load: load.get(i.userId)!, tie: random() }))
      .sort((x, y) => x.load - y.load || x.tie - y.tie);
    if (free.length < opts.perTarget) shortages.push({ projectId: project.projectId, available: free.length });
    const ranked = free.map((i) => i.userId);
    const pick = free.length < opts.perTarget ? { team: ranked, repeatedPairs: [], sameTeamAsLastRound: false } : pickTeam(ranked, opts.perTarget, pairedBefore, lastTeamOf.get(project.projectId));
    if (pick.repeatedPairs.length > 0 || pick.sameTeamAsLastRound) repeats.push({ projectId: project.projectId, repeatedPairs: pick.repeatedPairs, sameTeamAsLastRound: pick.sameTeamAsLastRound });
    for (const id of pick.team) load.set(id, load.get(id)! + 1);
    targets.push({ projectId: project.projectId, weight: weightOf.get(project.projectId)!, inspectorIds: pick.team });
  }
  return { targets, shortages, repeats };
}
