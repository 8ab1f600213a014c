import { DANGEROUS_WORK_STATES, type DangerousWorkCategory, type DangerousWorkState, type ExpertVerdict, type Params } from "@contracts/safety/dangerous-works";
import { EXPERT_SPECIALTIES, type ExpertTitle } from "@contracts/safety/experts";
import type { Executor } from "../platform/db/client.js";
import { classifyDangerousWork, dangerousWorkThresholdsRule, loadSafetyRows, type SafetyRows } from "../modules/safety/index.js";
import { addDays } from "./calendar.js";
import type { SeedEnterprise } from "./enterprises.gen.js";
import type { SeedDevice } from "./iot-devices.js";
import type { CertificateRow, PersonRow } from "./persons.gen.js";
import type { Rng } from "./prng.js";
import type { ParticipantRow, SeedProject } from "./projects.gen.js";

/**
 * The demo city's safety register: a pool of ~30 government experts (registry people outside the
 * contracting firms), 危大工程 on the big 在建 sites in every workflow stage with their timelines and expert
 * reviews, and the sites' tower cranes and hoists — each linked to the crane or hoist monitor the IoT seed
 * put on the site — with some inspections expiring or expired, a few without use registration, and operators
 * drawn from the holders of 特种作业操作证 (some of them expired). Pure generation here; `insertSafety` writes
 * it in the seed transaction. Findings are not seeded: the equipment sweep opens them from this data.
 */

export const SAFETY_TABLES = [
  "safety_experts",
  "safety_dangerous_works",
  "safety_dangerous_work_events",
  "safety_expert_reviews",
  "safety_equipment",
  "safety_equipment_operators",
];

type ExpertRow = SafetyRows["experts"] & { id: string; personId: string; enterpriseId: string | null };
type WorkRow = SafetyRows["dangerousWorks"] & { id: string };
type EventRow = SafetyRows["dangerousWorkEvents"];
type ReviewRow = SafetyRows["expertReviews"];
type EquipmentRow = SafetyRows["equipment"] & { id: string };
type OperatorRow = SafetyRows["equipmentOperators"];

export interface SeedSafety {
  experts: ExpertRow[];
  works: WorkRow[];
  events: EventRow[];
  reviews: ReviewRow[];
  equipment: EquipmentRow[];
  operators: OperatorRow[];
}

export interface SafetyInput {
  projects: SeedProject[];
  participants: ParticipantRow[];
  persons: PersonRow[];
  certificates: CertificateRow[];
  enterprises: SeedEnterprise[];
  devices: SeedDevice[];
  today: string;
  now: Date;
}

/** The kinds of 危大 a big building site has, each with the parameters that make it 危大 or 超危大. */
const WORK_TEMPLATES: readonly { category: DangerousWorkCategory; name: string; params: (rng: Rng) => Params }[] = [
  { category: "foundation_pit", name: "地下室基坑土方开挖及支护", params: (r) => ({ depth_m: r.pick([3.5, 4.2, 5.6, 6.8, 9.5]) }) },
  { category: "formwork_support", name: "高支模工程", params: (r) => ({ height_m: r.pick([5.4, 6.2, 8.6, 10.5]), span_m: r.pick([8, 12, 18.5]) }) },
  { category: "scaffold", name: "落地式钢管脚手架", params: (r) => ({ ground_height_m: r.pick([26, 38, 45, 54]) }) },
  { category: "scaffold", name: "悬挑式脚手架", params: (r) => ({ cantilever: true, segment_height_m: r.pick([15, 18, 21]) }) },
  { category: "scaffold", name: "附着式升降脚手架", params: () => ({ attached_lifting: true, lift_height_m: 96 }) },
  { category: "lifting", name: "塔式起重机安装拆卸", params: (r) => ({ crane_erection: true, crane_capacity_kn: r.pick([80, 120, 320]) }) },
  { category: "lifting", name: "钢构件吊装", params: (r) => ({ non_standard: true, piece_weight_kn: r.pick([25, 60, 120]) }) },
  { category: "curtain_wall", name: "建筑幕墙安装", params: (r) => ({ height_m: r.pick([36, 48, 62]) }) },
  { category: "precast_install", name: "装配式预制构件安装", params: () => ({}) },
  { category: "steel_structure", name: "钢结构雨棚安装", params: (r) => ({ span_m: r.pick([24, 38]) }) },
];

/** The workflow path to each stage (a 超危大 passes its expert review on the way). */
function pathTo(target: DangerousWorkState, chaoweida: boolean): DangerousWorkState[] {
  // 险情处置 is a detour from 实施, not a stage after 归档.
  if (target === "emergency") return [...pathTo("in_progress", chaoweida), "emergency"];
  const order = DANGEROUS_WORK_STATES.filter((s) => s !== "emergency" && (chaoweida || s !== "expert_review"));
  return order.slice(0, order.indexOf(target) + 1);
}

/** Who signs entering each stage when it is not the contractor (the expert verdicts are recorded by the contractor). */
const SIGNER_OF: Partial<Record<DangerousWorkState, "supervisor">> = {
  expert_review: "supervisor",
  disclosed: "supervisor",
  accepted: "supervisor",
};

/** Days between two recorded steps of a work's timeline. */
const STEP_DAYS = 2;

export function generateSafety(rng: Rng, city: SafetyInput): SeedSafety {
  const { today, now } = city;
  const out: SeedSafety = { experts: [], works: [], events: [], reviews: [], equipment: [], operators: [] };
  const enterpriseById = new Map(city.enterprises.map((e) => [e.row.id, e]));
  const partiesOf = new Map<string, Set<string>>();
  for (const p of city.participants) {
    const set = partiesOf.get(p.projectId) ?? new Set<string>();
    set.add(p.enterpriseId);
    partiesOf.set(p.projectId, set);
  }

  // Experts: people of designers, surveyors, testing agencies and other bodies, born before 1981.
  const expertTypes = new Set(["designer", "surveyor", "testing", "other"]);
  const candidates = city.persons.filter((p) => p.employerId && expertTypes.has(enterpriseById.get(p.employerId)?.row.type ?? "") && p.birthDate < "1981-01-01");
  for (const p of rng.shuffle([...candidates]).slice(0, 30)) {
    const title = rng.weighted<ExpertTitle>([["senior", 6], ["professorate", 2], ["intermediate", 2]]);
    const years = title === "intermediate" ? rng.int(15, 30) : rng.int(10, 32);
    out.experts.push({ id: rng.uuid(), personId: p.id, enterpriseId: p.employerId ?? null, specialty: rng.pick(EXPERT_SPECIALTIES), title, years, active: out.experts.length < 28 ? 1 : 0 });
  }
  const activeExperts = out.experts.filter((e) => e.active === 1);

  // The big sites: the live 在建 projects with the largest contracts (a fifth, at least three).
  const live = city.projects.filter((p) => p.row.status === "in_progress" && p.generalContractorId && p.supervisorId);
  const big = [...live].sort((a, b) => Number(b.row.contractValueWan ?? 0) - Number(a.row.contractValueWan ?? 0)).slice(0, Math.max(3, Math.ceil(live.length / 5)));
  const rows = dangerousWorkThresholdsRule.defaultValue;
  const nameOf = (id: string | null) => (id ? (enterpriseById.get(id)?.row.name ?? "") : "");
  let stateCursor = 0;
  let reviewCount = 0;

  for (const site of big) {
    const projectId = site.row.id;
    const gcName = nameOf(site.generalContractorId);
    const supName = nameOf(site.supervisorId);
    const clear = activeExperts.filter((e) => !partiesOf.get(projectId)?.has(e.enterpriseId ?? ""));
    for (const template of rng.shuffle([...WORK_TEMPLATES]).slice(0, rng.int(3, 6))) {
      const params = template.params(rng);
      const c = classifyDangerousWork(template.category, params, rows);
      if (c.level === "none") continue;
      const chaoweida = c.level === "chaoweida";
      // Round-robin over the stages, so every stage appears on some site.
      const round = Math.floor(stateCursor / DANGEROUS_WORK_STATES.length);
      let target = DANGEROUS_WORK_STATES[stateCursor++ % DANGEROUS_WORK_STATES.length];
      if (target === "expert_review" && !chaoweida) target = "supervisor_review";
      // An emergency is rare: every other round only.
      if (target === "emergency" && round % 2 === 1) target = "in_progress";
      const path = pathTo(target, chaoweida);
      const reached = (s: DangerousWorkState) => path.includes(s);
      // Dates: the works start once disclosed; earlier stages plan a start ahead, later ones lie in the past.
      const startOffset = reached("in_progress") ? -rng.int(reached("accepted") ? 60 : 5, reached("accepted") ? 120 : 50) : reached("disclosed") ? rng.int(0, 6) : rng.int(3, 40);
      const plannedStart = addDays(today, startOffset);
      const plannedEnd = addDays(plannedStart, rng.int(20, 90));
      const workId = rng.uuid();
      // A few 超危大 fail their first review and come back as revision 2.
      const failedFirst = chaoweida && reached("disclosed") && reviewCount++ % 3 === 0;
      const steps: { to: DangerousWorkState; verdict?: ExpertVerdict }[] = [];
      for (const s of path) {
        if (s === "disclosed" && chaoweida) {
          if (failedFirst) steps.push({ to: "scheme_drafting", verdict: "fail" }, { to: "enterprise_review" }, { to: "supervisor_review" }, { to: "expert_review" });
          steps.push({ to: "disclosed", verdict: "pass" });
        } else steps.push({ to: s });
      }
      // Timeline: from some weeks before the planned start (or now, for works still in preparation) to the latest step.
      const endAt = Math.min(now.getTime() - 3_600_000, reached("accepted") ? Date.parse(`${addDays(plannedEnd, -rng.int(0, 3) - (reached("closed") ? 10 : 0))}T06:00:00Z`) : now.getTime() - rng.int(1, 48) * 3_600_000);
      const lastAccepted = reached("accepted") && target === "accepted" && rng.chance(0.5);
      const stepEnd = lastAccepted ? now.getTime() - rng.int(1, 4) * 86_400_000 : endAt;
      const stepMs = STEP_DAYS * 86_400_000;
      let at = stepEnd - (steps.length - 1) * stepMs;
      let revision = 1;
      let from: DangerousWorkState | null = null;
      for (const step of steps) {
        const when = new Date(at);
        if (step.verdict) {
          const panel = rng.shuffle([...clear]).slice(0, 5);
          out.reviews.push({ workId, revision, expertIds: panel.map((e) => e.id), heldOn: when.toISOString().slice(0, 10), verdict: step.verdict, opinion: step.verdict === "pass" ? "方案可行，按论证意见实施" : "支护结构计算书不完整，须修改后重新论证", createdAt: when });
          out.events.push({ workId, at: when, actorId: null, actorName: gcName, action: "expert_review", fromState: "expert_review", toState: step.to, note: step.verdict === "pass" ? "通过" : "不通过", data: { verdict: step.verdict, experts: panel.length } });
          if (step.verdict === "fail") revision++;
        } else {
          const signer = SIGNER_OF[step.to];
          const day = when.toISOString().slice(0, 10);
          const data =
            step.to === "posted"
              ? { disclosedOn: day, postedOn: day, responsiblePersons: `项目经理、专职安全员（${gcName.slice(0, 6)}项目部）` }
              : step.to === "emergency"
                ? { occurredAt: new Date(at - 2 * 3_600_000).toISOString() }
                : step.to === "identified"
                  ? { level: c.level, clauses: c.clauses }
                  : null;
          const note = step.to === "emergency" ? "监测数据超预警值，坑边出现裂缝；已停止作业、撤离人员、回填反压并加密监测" : "";
          out.events.push({ workId, at: when, actorId: null, actorName: signer === "supervisor" ? supName : gcName, action: step.to === "identified" ? "identified" : "transition", fromState: from, toState: step.to, note, data });
        }
        from = step.to;
        at += stepMs;
      }
      const createdAt = new Date(stepEnd - (steps.length - 1) * stepMs);
      const gasClearance =
        template.category === "foundation_pit" && rng.chance(0.4)
          ? { enterpriseId: city.enterprises.find((e) => e.row.type === "gas")?.row.id ?? "", refNo: `RQ-${today.slice(0, 4)}-${String(out.works.length + 1).padStart(4, "0")}`, at: createdAt.toISOString(), by: gcName }
          : null;
      out.works.push({
        id: workId,
        projectId,
        category: template.category,
        name: `${rng.int(1, 9)}#楼${template.name}`,
        location: rng.pick(["主楼区域", "地下室", "裙房", "东侧", "西侧", "1#—3#楼"]),
        params,
        level: c.level,
        levelClauses: c.clauses,
        state: target,
        revision,
        plannedStart,
        plannedEnd,
        authorName: `${gcName.slice(0, 6)}技术部`,
        gasClearance: gasClearance?.enterpriseId ? gasClearance : null,
        createdAt,
        updatedAt: new Date(stepEnd),
      });
    }
  }

  // Lifting machinery: one record per crane or hoist monitor on a big site, linked to it.
  const bigIds = new Set(big.map((p) => p.row.id));
  const certByPerson = new Map<string, CertificateRow>();
  for (const c of city.certificates) if (c.kind === "special_operation") certByPerson.set(c.personId, c);
  const holders = (specialty: string) => city.persons.filter((p) => certByPerson.get(p.id)?.specialty === specialty);
  const drivers = { tower_crane: rng.shuffle(holders("塔式起重机司机")), hoist: rng.shuffle(holders("施工升降机司机")) };
  const signalmen = rng.shuffle(holders("建筑起重信号司索工"));
  const contractors = city.enterprises.filter((e) => e.row.type === "contractor" && e.row.status === "normal");
  const projectById = new Map(city.projects.map((p) => [p.row.id, p]));
  let serial = 0;
  for (const d of city.devices) {
    if (!bigIds.has(d.row.projectId) || (d.row.type !== "tower_crane" && d.row.type !== "hoist")) continue;
    const kind = d.row.type;
    const site = projectById.get(d.row.projectId)!;
    const installedOn = addDays(site.row.actualStart ?? site.row.plannedStart ?? addDays(today, -200), rng.int(10, 40));
    const inspection = rng.weighted<"valid" | "expiring" | "expired">([["valid", 80], ["expiring", 12], ["expired", 8]]);
    const inspectionValidTo = inspection === "valid" ? addDays(today, rng.int(31, 330)) : inspection === "expiring" ? addDays(today, rng.int(0, 30)) : addDays(today, -rng.int(1, 60));
    const id = rng.uuid();
    serial++;
    out.equipment.push({
      id,
      projectId: d.row.projectId,
      kind,
      recordNo: `浙G${kind === "tower_crane" ? "T" : "S"}-${installedOn.slice(0, 4)}-${String(serial).padStart(4, "0")}`,
      model: kind === "tower_crane" ? rng.pick(["QTZ80(TC5610)", "QTZ125(TC6015)", "QTZ63(TC5013)"]) : rng.pick(["SC200/200", "SC200/200G"]),
      manufacturer: kind === "tower_crane" ? rng.pick(["浙江建机", "中联重科", "徐工建机"]) : rng.pick(["广州京龙", "上海宝达"]),
      ratedCapacityT: kind === "tower_crane" ? rng.pick([6, 8, 10]) : 2,
      ownerEnterpriseId: contractors.length ? rng.pick(contractors).row.id : null,
      installerEnterpriseId: contractors.length ? rng.pick(contractors).row.id : null,
      installedOn,
      inspectionValidTo,
      useRegistrationNo: rng.chance(0.05) ? null : (d.row.equipmentRef ?? null),
      deviceId: d.row.id,
      status: "in_use",
      createdAt: new Date(`${installedOn}T02:00:00Z`),
      updatedAt: new Date(`${installedOn}T02:00:00Z`),
    });
    const driverPool = drivers[kind];
    for (let i = 0; i < rng.int(1, 2) && driverPool.length; i++) out.operators.push({ equipmentId: id, personId: driverPool.pop()!.id, role: "driver" });
    if (kind === "tower_crane" && signalmen.length) out.operators.push({ equipmentId: id, personId: signalmen.pop()!.id, role: "signalman" });
  }
  return out;
}

export interface SafetyCounts {
  experts: number;
  dangerousWorks: number;
  events: number;
  expertReviews: number;
  equipment: number;
  operators: number;
}

/** Writes the generated safety register (multi-row inserts; call inside the seed transaction). */
export async function insertSafety(tx: Executor, s: SeedSafety): Promise<SafetyCounts> {
  await loadSafetyRows(tx, "experts", s.experts);
  await loadSafetyRows(tx, "dangerousWorks", s.works);
  await loadSafetyRows(tx, "dangerousWorkEvents", s.events);
  await loadSafetyRows(tx, "expertReviews", s.reviews);
  await loadSafetyRows(tx, "equipment", s.equipment);
  await loadSafetyRows(tx, "equipmentOperators", s.operators);
  return { experts: s.experts.length, dangerousWorks: s.works.length, events: s.events.length, expertReviews: s.reviews.length, equipment: s.equipment.length, operators: s.operators.length };
}
