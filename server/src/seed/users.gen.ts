import type { InspectorDomain, Role } from "@contracts/platform/auth";
import type { SeedEnterprise } from "./enterprises.gen.js";
import type { ParticipantRow, SeedProject } from "./projects.gen.js";

/** One demo login: who it is and what it is bound to. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  domain: InspectorDomain | null;
  enterpriseId: string | null;
  projectIds: string[];
}

/** The enterprise of a type that takes part in most projects (so its account has the most to show). */
function busiest(enterprises: SeedEnterprise[], participants: ParticipantRow[], type: SeedEnterprise["row"]["type"]): string | null {
  const ofType = enterprises.filter((e) => e.row.type === type && e.row.status === "normal");
  const load = new Map<string, number>();
  for (const p of participants) load.set(p.enterpriseId, (load.get(p.enterpriseId) ?? 0) + 1);
  ofType.sort((a, b) => (load.get(b.row.id) ?? 0) - (load.get(a.row.id) ?? 0));
  return ofType[0]?.row.id ?? null;
}

/**
 * The demo accounts, one per kind of user the platform serves: bureau leader, a safety and a quality
 * inspector, a general contractor with at least three projects, a project account with two live
 * projects, a testing agency and a gas company.
 */
export function demoUsers(enterprises: SeedEnterprise[], projects: SeedProject[], participants: ParticipantRow[], flagshipId: string): DemoUser[] {
  const flagshipLive = projects.filter((p) => p.live && p.generalContractorId === flagshipId).map((p) => p.row.id);
  const anyLive = projects.filter((p) => p.live).map((p) => p.row.id);
  const projectIds = (flagshipLive.length >= 2 ? flagshipLive : anyLive).slice(0, 2);
  const bound = (username: string, displayName: string, role: Role, enterpriseId: string | null): DemoUser => ({
    username,
    displayName,
    role,
    domain: null,
    enterpriseId,
    projectIds: [],
  });
  return [
    { ...bound("leader", "局领导 (演示)", "leader", null) },
    { ...bound("inspector", "安全监督员 (演示)", "inspector", null), domain: "safety" },
    { ...bound("quality", "质量监督员 (演示)", "inspector", null), domain: "quality" },
    bound("contractor", "施工企业 (演示)", "enterprise", flagshipId),
    { ...bound("project", "项目部 (演示)", "project", null), projectIds },
    bound("testing", "检测机构 (演示)", "testing_agency", busiest(enterprises, participants, "testing")),
    bound("gas", "燃气企业 (演示)", "gas_company", busiest(enterprises, participants, "gas")),
  ];
}
