import { asc, eq, inArray } from "drizzle-orm";
import type { CaseEventAction } from "@contracts/cases/cases";
import type { CaseState, InspectionKind, StopWorkState } from "@contracts/cases/enums";
import { MILESTONE_REQUIRED_PARTIES, MILESTONES, type Milestone } from "@contracts/quality/acceptance";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { shanghaiDay } from "@contracts/platform/time";
import { recordAudit } from "../platform/audit/audit.js";
import { SYSTEM_ACTOR } from "../platform/auth/actor.js";
import type { Executor } from "../platform/db/client.js";
import {
  caseDeadlineRule,
  caseNumbersUsed,
  defaultChecklists,
  drawPlan,
  ensureDefaultTemplates,
  formatCaseNo,
  hasInspections,
  loadCasesRows,
  RANDOM_DRAW_WEIGHTS_RULE,
  type CasesRows,
  type ChecklistResult,
  type TemplateItem,
} from "../modules/cases/index.js";
import { activeUsers, addUsersIfAbsent } from "../modules/identity/index.js";
import { loadQualityRows, type AcceptanceSignoff, type QualityRows } from "../modules/quality/index.js";
import { enterprisesView, participantsView, personsView, projectPostsView, projectsView } from "../modules/registry/index.js";
import { addDays } from "./calendar.js";
import { createRng, type Rng } from "./prng.js";

/**
 * The demo city's supervision year (issue 5): the two default checklists; over the last twelve months one
 * or two inspections a month of every live project (safety or quality, by the checklist), failed items
 * opening cases whose timelines run as far as "today" allows (so every state occurs, a share of them
 * overdue); a stop-work order for each project the registry seed has 停工 (and a lifted one for some 复工);
 * milestone acceptances signed by the parties; one published 双随机 plan with its inspections. Reads the
 * registry and users already inserted, writes in multi-row chunks (not through the per-case service, which
 * would take minutes), inside the caller's transaction. Idempotent: a database with inspections is left alone.
 */

export const SUPERVISION_TABLES = ["cases_templates", "cases_inspections", "cases_cases", "cases_events", "cases_random_plans", "cases_inspector_conflicts", "quality_acceptances"];

const SUPERVISION_STREAM = 0x5eed_5e5;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SupervisionSeedOptions {
  now?: Date;
  seed?: number;
  log?: (message: string) => void;
  /** The password hash of inspectors added to fill a pool: the demo accounts' (one demo password), else none logs in. */
  inspectorPasswordHash?: string | null;
}

export interface SupervisionCounts {
  seeded: boolean;
  inspections: number;
  cases: number;
  events: number;
  openCases: number;
  overdueCases: number;
  stopWorkOrders: number;
  acceptances: number;
  randomPlans: number;
  inspectorsAdded: number;
}

type TemplateRow = { id: string; code: string; items: TemplateItem[] };
type Inspector = { id: string; name: string };
type LiveProject = { id: string; name: string; status: string; actualStart: string | null; parties: Map<string, string> };
type InspectionRow = CasesRows["inspections"] & { id: string };
type CaseRow = CasesRows["cases"] & { id: string; openedAt: Date };
type EventRow = CasesRows["events"];

const KINDS: readonly (readonly [InspectionKind, number])[] = [
  ["daily", 60],
  ["special", 20],
  ["patrol", 12],
  ["complaint", 8],
];
const LOCATIONS = ["1#楼", "2#楼", "3#楼 5层", "地下室", "基坑东侧", "基坑北侧", "塔吊 TC1", "施工升降机 SC1", "钢筋加工区", "外架西立面", "材料堆场", "主楼屋面"];
const REPLIES = ["已按要求整改完毕，附整改前后照片", "已组织班组返工并经项目部自检合格", "已补齐资料并报监理审核", "已更换不合格构件，复测合格", "已停用并维修，经检测合格后恢复使用"];
const RETURNS = ["整改不到位，现场仍存在问题", "未提供整改后照片及验收记录", "复测结果仍不满足要求"];
/** Demo inspectors added when the accounts seed holds fewer than three of a domain (the 双随机 draw sends two). */
const EXTRA_INSPECTORS = {
  safety: ["陈志强", "周立新"],
  quality: ["吴海燕", "郑国平"],
} as const;
/** A hash no password verifies: accounts added without a demo password cannot log in until an admin sets one. */
const NO_LOGIN = "!";

/** A moment on a Shanghai day: 08:30–17:00 local, as UTC. */
const workingMoment = (rng: Rng, day: string) => new Date(Date.parse(`${day}T00:30:00Z`) + rng.int(0, 510) * 60_000);

/** The inspector pools by domain, topped up to three with demo accounts sharing the demo inspectors' password. */
async function inspectorPools(tx: Executor, passwordHash: string): Promise<{ pools: Record<"safety" | "quality", Inspector[]>; added: number }> {
  const rows = (await activeUsers(tx, { role: "inspector" })).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  let added = 0;
  const pools = { safety: [] as Inspector[], quality: [] as Inspector[] };
  for (const domain of ["safety", "quality"] as const) {
    pools[domain] = rows.filter((r) => r.domain === domain).map((r) => ({ id: r.id, name: r.displayName }));
    const missing = EXTRA_INSPECTORS[domain].slice(0, Math.max(0, 3 - pools[domain].length));
    if (missing.length === 0) continue;
    const created = await addUsersIfAbsent(
      tx,
      missing.map((name, i) => ({ username: `${domain}${i + 2}`, displayName: `${name} (演示)`, passwordHash, role: "inspector", domain })),
    );
    added += created.length;
    pools[domain].push(...created.map((c) => ({ id: c.id, name: c.displayName })));
  }
  return { pools, added };
}

async function liveProjects(tx: Executor): Promise<LiveProject[]> {
  const P = projectsView();
  const PP = participantsView();
  const projects = await tx
    .select({ id: P.id, name: P.name, status: P.status, actualStart: P.actualStart })
    .from(P)
    .where(inArray(P.status, [...LIVE_PROJECT_STATUSES]))
    .orderBy(asc(P.code));
  const parts = await tx
    .select({ projectId: PP.projectId, enterpriseId: PP.enterpriseId, role: PP.role })
    .from(PP)
    .orderBy(asc(PP.projectId), asc(PP.role), asc(PP.enterpriseId));
  const byProject = new Map<string, Map<string, string>>();
  for (const p of parts) {
    const m = byProject.get(p.projectId) ?? new Map<string, string>();
    if (!m.has(p.role)) m.set(p.role, p.enterpriseId);
    byProject.set(p.projectId, m);
  }
  return projects.map((p) => ({ ...p, parties: byProject.get(p.id) ?? new Map() }));
}

/** Who signs for each party on an acceptance: the post holder where the party has one, else the legal representative. */
async function signerNames(tx: Executor, projectIds: string[]): Promise<{ posts: Map<string, string>; legalReps: Map<string, { name: string; legalRep: string }> }> {
  const posts = new Map<string, string>();
  if (projectIds.length > 0) {
    const PO = projectPostsView();
    const PE = personsView();
    const rows = await tx
      .select({ projectId: PO.projectId, post: PO.post, name: PE.name })
      .from(PO)
      .innerJoin(PE, eq(PE.id, PO.personId))
      .where(inArray(PO.post, ["project_manager", "chief_supervisor"]))
      .orderBy(asc(PO.startedOn));
    for (const r of rows) posts.set(`${r.projectId}:${r.post}`, r.name);
  }
  const E = enterprisesView();
  const ents = await tx.select({ id: E.id, name: E.name, legalRep: E.legalRep }).from(E);
  return { posts, legalReps: new Map(ents.map((e) => [e.id, { name: e.name, legalRep: e.legalRep }])) };
}

/** Case numbers ZG-<year>-NNNNNN in order of opening, continuing whatever numbers a year already has. */
async function numberCases(tx: Executor, cases: CaseRow[]): Promise<void> {
  const next = new Map<number, number>();
  for (const c of [...cases].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : 1))) {
    const year = Number(shanghaiDay(c.openedAt).slice(0, 4));
    if (!next.has(year)) next.set(year, await caseNumbersUsed(tx, year));
    const seq = next.get(year)! + 1;
    next.set(year, seq);
    c.no = formatCaseNo(year, seq);
  }
}

interface Lifecycle {
  /** The unit never replies: the case goes overdue at its deadline. */
  neverReplies: boolean;
  /** The first re-check fails (退回) and the unit replies again. */
  returned: boolean;
  /** The timeline stops before the re-check (a stop-work case still under way). */
  holdBeforeRecheck?: boolean;
}

/**
 * Runs one case's timeline from its opening until the steps would pass `now`: 签收, 整改回复 before the
 * deadline, 复查 (sometimes 退回 and a second reply), 销项. A unit that never replies goes overdue at the
 * deadline. Returns the final columns and the events, every one dated in the past.
 */
function runCase(rng: Rng, c: CaseRow, issuer: { id: string | null; name: string }, now: Date, life: Lifecycle, responsible: string): { events: EventRow[]; state: CaseState; overdueAt: Date | null; closedAt: Date | null; updatedAt: Date } {
  const events: EventRow[] = [];
  const deadline = c.deadline as Date;
  let state: CaseState = "pending";
  let at = c.openedAt;
  const push = (action: CaseEventAction, when: Date, to: CaseState, extra: Partial<EventRow> = {}) => {
    events.push({ caseId: c.id, at: when, actorId: extra.actorId ?? null, actorName: extra.actorName ?? responsible, action, fromState: state, toState: to, note: extra.note ?? "", data: extra.data ?? null });
    state = to;
    at = when;
  };
  events.push({ caseId: c.id, at, actorId: issuer.id, actorName: issuer.name, action: "opened", fromState: null, toState: "pending", note: c.description ?? "" });
  const done = () => ({ events, state, overdueAt: null as Date | null, closedAt: null as Date | null, updatedAt: at });
  const overdue = () => {
    if (deadline.getTime() + HOUR > now.getTime()) return done();
    const when = new Date(deadline.getTime() + rng.int(1, 50) * 60_000);
    events.push({ caseId: c.id, at: when, actorId: null, actorName: SYSTEM_ACTOR.displayName, action: "overdue", fromState: state, toState: state, note: "", data: { deadline: deadline.toISOString() } });
    return { events, state, overdueAt: when, closedAt: null, updatedAt: when };
  };

  const acceptAt = new Date(at.getTime() + rng.int(2, 40) * HOUR);
  if (acceptAt > now) return done();
  if (life.neverReplies && rng.chance(0.4)) return overdue();
  push("accepted", acceptAt, "rectifying", { note: "已签收，立即组织整改" });
  if (life.neverReplies) return overdue();

  const reply = (from: Date) => new Date(from.getTime() + (0.25 + 0.7 * rng.next()) * Math.max(HOUR, deadline.getTime() - from.getTime()));
  let replyAt = reply(acceptAt);
  if (replyAt > now) return done();
  push("replied", replyAt, "review", { note: rng.pick(REPLIES) });
  let recheckAt = new Date(replyAt.getTime() + rng.int(20, 96) * HOUR);
  if (recheckAt > now || life.holdBeforeRecheck) return done();
  if (life.returned) {
    push("returned", recheckAt, "rectifying", { actorId: issuer.id, actorName: issuer.name, note: rng.pick(RETURNS), data: { passed: false } });
    replyAt = new Date(recheckAt.getTime() + rng.int(24, 120) * HOUR);
    if (replyAt > now) return done();
    push("replied", replyAt, "review", { note: rng.pick(REPLIES) });
    recheckAt = new Date(replyAt.getTime() + rng.int(20, 96) * HOUR);
    if (recheckAt > now) return done();
  }
  push("passed", recheckAt, "closed", { actorId: issuer.id, actorName: issuer.name, note: "复查合格，予以销项", data: { passed: true } });
  return { events, state, overdueAt: null, closedAt: recheckAt, updatedAt: recheckAt };
}

/**
 * Seeds the supervision year into the caller's transaction (see the file comment).
 * @returns what was written; `seeded` false when inspections already exist or no project is live.
 */
export async function seedSupervision(tx: Executor, opts: SupervisionSeedOptions = {}): Promise<SupervisionCounts> {
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? new Date();
  const today = shanghaiDay(now);
  const none: SupervisionCounts = { seeded: false, inspections: 0, cases: 0, events: 0, openCases: 0, overdueCases: 0, stopWorkOrders: 0, acceptances: 0, randomPlans: 0, inspectorsAdded: 0 };
  await ensureDefaultTemplates(tx);
  if (await hasInspections(tx)) return none;
  const projects = await liveProjects(tx);
  if (projects.length === 0) return none;
  const rng = createRng((opts.seed ?? 330_784) ^ SUPERVISION_STREAM);

  const template: Record<"safety" | "quality", TemplateRow> = await defaultChecklists(tx);
  const { pools, added } = await inspectorPools(tx, opts.inspectorPasswordHash ?? NO_LOGIN);
  const deadlineDays = caseDeadlineRule.defaultValue;

  const inspections: InspectionRow[] = [];
  const cases: CaseRow[] = [];
  const events: EventRow[] = [];
  const pickInspectors = (domain: "safety" | "quality", n = 2) => rng.shuffle([...pools[domain]]).slice(0, n);

  /** One inspection and the cases its failed items open; `force` fails the given items whatever the draw. */
  const inspect = (
    p: LiveProject,
    day: string,
    domain: "safety" | "quality",
    kind: InspectionKind,
    opts: { planId?: string; inspectors?: Inspector[]; force?: string[]; failRate?: number } = {},
  ): { inspection: InspectionRow; cases: CaseRow[] } => {
    const tpl = template[domain];
    const team = opts.inspectors ?? pickInspectors(domain);
    // Safety checklists cover what the site has (a crane, a deep pit…): about half the items apply.
    const checked = tpl.items.filter((i) => opts.force?.includes(i.code) || rng.chance(domain === "safety" ? 0.5 : 0.85));
    const failRate = opts.failRate ?? 1;
    const results: ChecklistResult[] = checked.map((i) => {
      const failed = opts.force?.includes(i.code) || rng.chance((i.grade === "major" ? (domain === "safety" ? 0.006 : 0.012) : 0.07) * failRate);
      return failed ? { itemCode: i.code, passed: false, note: `${rng.pick(LOCATIONS)}：${i.text}` } : { itemCode: i.code, passed: true };
    });
    const total = checked.reduce((s, i) => s + i.score, 0);
    const passed = checked.filter((i) => results.find((r) => r.itemCode === i.code)!.passed).reduce((s, i) => s + i.score, 0);
    const at = workingMoment(rng, day);
    const inspection: InspectionRow = {
      id: rng.uuid(),
      projectId: p.id,
      kind,
      domain,
      inspectedOn: day,
      templateId: tpl.id,
      inspectorIds: team.map((i) => i.id),
      inspectorNames: team.map((i) => i.name),
      results,
      score: total > 0 ? Math.round((passed * 100) / total) : null,
      summary: results.some((r) => !r.passed) ? `发现问题 ${results.filter((r) => !r.passed).length} 项，已下发整改通知` : "未发现问题",
      planId: opts.planId ?? null,
      createdBy: team[0]?.id ?? null,
      createdAt: new Date(at.getTime() + 2 * HOUR),
    };
    inspections.push(inspection);
    const opened: CaseRow[] = [];
    for (const r of results.filter((x) => !x.passed)) {
      const item = tpl.items.find((i) => i.code === r.itemCode)!;
      const openedAt = new Date(at.getTime() + rng.int(30, 120) * 60_000);
      const c: CaseRow = {
        id: rng.uuid(),
        no: "",
        projectId: p.id,
        enterpriseId: p.parties.get("general_contractor") ?? null,
        inspectionId: inspection.id,
        source: opts.planId ? "random" : "inspection",
        sourceRef: `${inspection.id}:${item.code}`,
        category: item.category,
        grade: item.grade,
        title: item.text.length > 200 ? `${item.text.slice(0, 199)}…` : item.text,
        description: r.note ?? "",
        location: r.note?.split("：")[0] ?? "",
        legalBasis: item.clause,
        deadline: new Date(openedAt.getTime() + (item.grade === "major" ? deadlineDays.majorDays : deadlineDays.generalDays) * DAY),
        issuerId: team[0]?.id ?? null,
        issuerName: team[0]?.name ?? "监督员",
        openedAt,
        createdAt: openedAt,
      };
      cases.push(c);
      opened.push(c);
    }
    return { inspection, cases: opened };
  };

  const settle = (c: CaseRow, life: Lifecycle) => {
    const run = runCase(rng, c, { id: c.issuerId ?? null, name: c.issuerName }, now, life, "项目部");
    Object.assign(c, { state: run.state, overdueAt: run.overdueAt, closedAt: run.closedAt, updatedAt: run.updatedAt, version: run.events.length });
    events.push(...run.events);
  };

  // A year of routine inspections: one or two a month per live project, from its start.
  const from = addDays(today, -365);
  for (const p of projects) {
    const start = p.actualStart && p.actualStart > from ? p.actualStart : from;
    for (let month = 0; month < 12; month++) {
      const first = addDays(from, month * 30);
      for (let k = rng.int(1, 2); k > 0; k--) {
        const day = addDays(first, rng.int(0, 29));
        if (day < start || day > today) continue;
        const made = inspect(p, day, rng.chance(0.5) ? "safety" : "quality", rng.weighted(KINDS));
        for (const c of made.cases) settle(c, { neverReplies: rng.chance(0.05), returned: rng.chance(0.12) });
      }
    }
  }
  log(`supervision: ${inspections.length} routine inspections, ${cases.length} cases`);

  // 停工: every project the registry has suspended stands under a stop-work order of a major hazard; some
  // 复工 projects show a lifted one (closed case, resumption approved).
  let stopWorkOrders = 0;
  const scaffoldTies = "mh.7.2";
  const liftDevices = "mh.8.4";
  for (const p of projects.filter((x) => x.status === "suspended" || (x.status === "resumed" && rng.chance(0.6)))) {
    const suspended = p.status === "suspended";
    const day = addDays(today, suspended ? -rng.int(8, 40) : -rng.int(60, 150));
    const made = inspect(p, day, "safety", "special", { force: [rng.chance(0.5) ? scaffoldTies : liftDevices], failRate: 0 });
    const c = made.cases[0];
    const issuer: Inspector = { id: c.issuerId!, name: c.issuerName };
    const orderAt = new Date(c.openedAt.getTime() + 20 * 60_000);
    let stopWork: StopWorkState = "ordered";
    // Still stopped: signed for, being rectified, sometimes replied and awaiting the on-site re-check.
    settle(c, { neverReplies: false, returned: false, holdBeforeRecheck: suspended });
    if (!suspended) {
      if (c.state === "closed") {
        const applyAt = new Date((c.closedAt as Date).getTime() + rng.int(2, 30) * HOUR);
        const approveAt = new Date(applyAt.getTime() + rng.int(20, 72) * HOUR);
        events.push({ caseId: c.id, at: applyAt, actorName: "项目部", action: "resume_applied", fromState: "closed", toState: "closed", note: "隐患已整改销项，申请复工" });
        events.push({ caseId: c.id, at: approveAt, actorId: issuer.id, actorName: issuer.name, action: "resume_approved", fromState: "closed", toState: "closed", note: "经现场复查，同意复工", data: { approved: true } });
        stopWork = "resumed";
        c.updatedAt = approveAt;
      }
    }
    events.push({ caseId: c.id, at: orderAt, actorId: issuer.id, actorName: issuer.name, action: "stop_work_ordered", fromState: "pending", toState: "pending", note: "存在重大事故隐患，责令停工整改", data: { scope: rng.chance(0.5) ? "partial" : "full" } });
    c.stopWork = stopWork;
    c.version = (c.version ?? 1) + 1;
    stopWorkOrders++;
  }

  // One 双随机 plan of the last quarter, drawn from the live pool, carried out and published (一公开).
  const planDay = addDays(today, -75);
  const planCreated = new Date(Date.parse(`${planDay}T01:00:00Z`));
  const seed = `demo-${planDay.slice(0, 7)}`;
  const draw = drawPlan(
    projects.map((p) => ({ projectId: p.id, openMajorCases: 0, overdueCases: 0, enterpriseIds: [...p.parties.values()] })),
    pools.safety.map((i) => ({ userId: i.id, conflictEnterpriseIds: [] })),
    { seed, ratioPct: 10, perTarget: Math.min(2, pools.safety.length), weights: RANDOM_DRAW_WEIGHTS_RULE.defaultValue },
  );
  const planId = rng.uuid();
  const byId = new Map(pools.safety.map((i) => [i.id, i]));
  const targets = draw.targets.map((t) => {
    const p = projects.find((x) => x.id === t.projectId)!;
    const made = inspect(p, addDays(today, -rng.int(50, 70)), "safety", "random", { planId, inspectors: t.inspectorIds.map((id) => byId.get(id)!) });
    for (const c of made.cases) settle(c, { neverReplies: false, returned: rng.chance(0.1) });
    return { projectId: t.projectId, inspectorIds: t.inspectorIds, weight: t.weight, inspectionId: made.inspection.id, cases: made.cases, score: made.inspection.score ?? null };
  });
  const planFindings = { general: 0, major: 0 };
  for (const t of targets) for (const c of t.cases) planFindings[c.grade as "general" | "major"]++;
  const scores = targets.map((t) => t.score).filter((s): s is number => s !== null);
  const planRecord = {
    poolSize: projects.length,
    inspectorsPerTarget: Math.min(2, pools.safety.length),
    results: {
      targetCount: targets.length,
      inspectedCount: targets.length,
      findings: planFindings,
      averageScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    },
  };

  // Milestone acceptances: foundation accepted on sites started over a year ago, main structure on those over two.
  const signers = await signerNames(tx, projects.map((p) => p.id));
  const acceptances: QualityRows["acceptances"][] = [];
  const openMajor = new Set(cases.filter((c) => c.grade === "major" && c.state !== "closed").map((c) => c.projectId));
  for (const p of projects) {
    if (!p.actualStart) continue;
    const age = (Date.parse(today) - Date.parse(p.actualStart)) / DAY;
    const due: Milestone[] = MILESTONES.filter((m) => (m === "foundation" ? age > 240 : m === "main_structure" ? age > 540 : false));
    for (const milestone of due) {
      const plannedOn = addDays(p.actualStart, milestone === "foundation" ? rng.int(150, 230) : rng.int(420, 530));
      const required = MILESTONE_REQUIRED_PARTIES[milestone].filter((r) => p.parties.has(r));
      // Signed by every party present; the last one still missing on some sites, or while a major case is open.
      const signing = openMajor.has(p.id) || rng.chance(0.1) ? required.slice(0, -1) : required;
      const signoffs: AcceptanceSignoff[] = signing.map((role, i) => {
        const enterpriseId = p.parties.get(role)!;
        const post = role === "general_contractor" ? signers.posts.get(`${p.id}:project_manager`) : role === "supervisor" ? signers.posts.get(`${p.id}:chief_supervisor`) : undefined;
        return { role, enterpriseId, signerName: post ?? signers.legalReps.get(enterpriseId)?.legalRep ?? "", opinion: "符合设计及规范要求，同意验收", signedAt: `${addDays(plannedOn, i === 0 ? 0 : rng.int(0, 2))}T06:00:00.000Z` };
      });
      const complete = signing.length === MILESTONE_REQUIRED_PARTIES[milestone].length;
      const acceptedAt = complete ? new Date(Math.max(...signoffs.map((s) => Date.parse(s.signedAt)))) : null;
      acceptances.push({ projectId: p.id, milestone, state: complete ? "accepted" : "open", plannedOn, signoffs, acceptedAt, createdAt: new Date(Date.parse(`${addDays(plannedOn, -14)}T02:00:00Z`)), updatedAt: acceptedAt ?? new Date(Date.parse(`${plannedOn}T06:00:00Z`)) });
    }
  }

  log(`supervision: generated (${cases.length} cases)`);
  await numberCases(tx, cases);
  await loadCasesRows(tx, "inspections", inspections);
  await loadCasesRows(
    tx,
    "cases",
    cases.map(({ openedAt: _openedAt, ...c }) => c),
  );
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await loadCasesRows(tx, "events", events);
  log("supervision: cases and events inserted");
  await loadCasesRows(tx, "randomPlans", [{
    id: planId,
    name: `${planDay.slice(0, 4)}年第${Math.floor((Number(planDay.slice(5, 7)) - 1) / 3) + 1}季度 建筑施工安全“双随机”抽查`,
    seed,
    ratioPct: 10,
    domain: "safety",
    targets: targets.map((t) => ({ projectId: t.projectId, inspectorIds: t.inspectorIds, inspectionId: t.inspectionId, weight: t.weight })),
    createdBy: pools.safety[0]?.id ?? null,
    createdByName: pools.safety[0]?.name ?? SYSTEM_ACTOR.displayName,
    createdAt: planCreated,
    publishedAt: new Date(planCreated.getTime() + 40 * DAY),
    summary: JSON.stringify(planRecord),
  }]);
  // Two declared conflicts, so the draw's 回避 has something to show.
  const enterprisesOf = projects.slice(0, 2).map((p) => p.parties.get("general_contractor")).filter((e): e is string => !!e);
  const conflicts = pools.safety.slice(0, enterprisesOf.length).map((i, k) => ({ userId: i.id, enterpriseId: enterprisesOf[k], reason: k === 0 ? "曾在该企业任职（近三年）" : "近亲属在该企业担任项目负责人", declaredOn: addDays(today, -200) }));
  await loadCasesRows(tx, "inspectorConflicts", conflicts);
  await loadQualityRows(tx, "acceptances", acceptances);

  const counts: SupervisionCounts = {
    seeded: true,
    inspections: inspections.length,
    cases: cases.length,
    events: events.length,
    openCases: cases.filter((c) => c.state !== "closed").length,
    overdueCases: cases.filter((c) => c.overdueAt).length,
    stopWorkOrders,
    acceptances: acceptances.length,
    randomPlans: 1,
    inspectorsAdded: added,
  };
  await recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "seed.supervision.created", entity: "seed", entityId: "supervision", after: counts });
  log(`supervision seeded: ${counts.inspections} inspections, ${counts.cases} cases (${counts.openCases} open, ${counts.overdueCases} overdue), ${stopWorkOrders} stop-work orders, ${counts.acceptances} acceptances`);
  return counts;
}
