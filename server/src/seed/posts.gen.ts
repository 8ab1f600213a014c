import type { Post } from "@contracts/registry/enums";
import type { RegistryRows } from "../modules/registry/index.js";
import type { StaffPools } from "./persons.gen.js";
import type { Rng } from "./prng.js";
import type { SeedProject } from "./projects.gen.js";

export type PostRow = RegistryRows["posts"] & { id: string; post: Post };

// A chief supervising engineer may hold this many live projects at once; everyone else holds one.
const CHIEF_MAX_LIVE = 2;

/**
 * Staffs the key posts (POST_REQUIREMENTS in contracts/registry/enums.ts). Live projects take their
 * project manager, safety officer and technical lead from the general contractor's reserved people (valid
 * 注册建造师 + 安全B证, valid 安全C证) — each reserved person is used once, so nobody manages two live
 * projects — and a chief supervisor with a valid 注册监理工程师 from the supervisor. Completed projects get
 * the same posts, ended on the completion date, from anyone of the right kind.
 */
export function generatePosts(rng: Rng, projects: SeedProject[], pools: Map<string, StaffPools>): PostRow[] {
  const posts: PostRow[] = [];
  const chiefLoad = new Map<string, number>();
  const cursor = new Map<string[], number>();
  // Reserved lists are consumed in order, so every reserved person serves exactly one live project.
  const take = (list: string[]) => {
    const i = cursor.get(list) ?? 0;
    cursor.set(list, i + 1);
    return list[i] ?? null;
  };
  for (const p of projects) {
    const { row } = p;
    if (row.status === "approved" || !row.actualStart) continue;
    const endedOn = row.status === "completed" ? row.actualEnd ?? null : null;
    const assign = (personId: string | null, enterpriseId: string, post: Post) => {
      if (personId) posts.push({ id: rng.uuid(), projectId: row.id, personId, enterpriseId, post, startedOn: row.actualStart!, endedOn });
    };
    const gc = p.generalContractorId ? pools.get(p.generalContractorId) : undefined;
    if (gc && p.generalContractorId) {
      if (p.live) {
        assign(take(gc.managers.reserved), p.generalContractorId, "project_manager");
        assign(take(gc.safety.reserved), p.generalContractorId, "safety_officer");
        assign(take(gc.technical.reserved), p.generalContractorId, "technical_lead");
        if (rng.chance(0.6)) assign(take(gc.technical.reserved), p.generalContractorId, "quality_officer");
      } else {
        assign(rng.pick(gc.managers.all), p.generalContractorId, "project_manager");
        assign(rng.pick(gc.safety.all), p.generalContractorId, "safety_officer");
        assign(rng.pick(gc.technical.all), p.generalContractorId, "technical_lead");
      }
    }
    const sup = p.supervisorId ? pools.get(p.supervisorId) : undefined;
    if (sup && p.supervisorId) {
      let chief: string | null;
      if (p.live) {
        chief = sup.chiefs.reserved.find((id) => (chiefLoad.get(id) ?? 0) < CHIEF_MAX_LIVE) ?? null;
        if (chief) chiefLoad.set(chief, (chiefLoad.get(chief) ?? 0) + 1);
      } else chief = sup.chiefs.all.length ? rng.pick(sup.chiefs.all) : null;
      assign(chief, p.supervisorId, "chief_supervisor");
      if (sup.staff.length && rng.chance(0.6)) assign(rng.pick(sup.staff), p.supervisorId, "supervising_engineer");
    }
  }
  return posts;
}
