import { ENTERPRISE_BOUND_ROLES, type InspectorDomain, type Role, type UpdateUserInput } from "@contracts/platform/auth";
import type { EnterpriseType } from "@contracts/registry/enums";
import type { Executor } from "../../platform/db/client.js";
import { invalid, type FieldIssue } from "../../platform/errors.js";
import { enterpriseOf, existingProjectIds } from "../registry/index.js";

/** The part of a user that decides its data scope; validated as a whole after every create or change. */
export interface UserScope {
  role: Role;
  domain: InspectorDomain | null;
  enterpriseId: string | null;
  projectIds: string[];
}

// A testing-agency or gas-company account only makes sense bound to an enterprise of that kind.
const REQUIRED_ENTERPRISE_TYPE: Partial<Record<Role, EnterpriseType>> = { testing_agency: "testing", gas_company: "gas" };

const usesDomain = (role: Role) => role === "inspector";
const usesEnterprise = (role: Role) => ENTERPRISE_BOUND_ROLES.includes(role);
const usesProjects = (role: Role) => role === "project";

/**
 * The scope a PATCH leads to. Fields given in the input win; when the role changes, fields the new role
 * does not use are dropped unless given explicitly (so demoting an inspector need not send `domain: null`,
 * while an explicit contradiction is still reported by {@link assertValidScope}).
 */
export function nextScope(current: UserScope, input: Pick<UpdateUserInput, "role" | "domain" | "enterpriseId" | "projectIds">): UserScope {
  const role = input.role ?? current.role;
  const roleChanged = role !== current.role;
  const pick = <T>(given: T | undefined, now: T, used: boolean, empty: T): T => (given !== undefined ? given : roleChanged && !used ? empty : now);
  return {
    role,
    domain: pick(input.domain, current.domain, usesDomain(role), null),
    enterpriseId: pick(input.enterpriseId, current.enterpriseId, usesEnterprise(role), null),
    projectIds: pick(input.projectIds ? [...new Set(input.projectIds)] : undefined, current.projectIds, usesProjects(role), []),
  };
}

/**
 * Checks that a role carries exactly the scope it needs: inspectors a domain, enterprise-bound roles an
 * existing enterprise of the right type, project users at least one existing project — and nothing else,
 * because any extra binding would silently widen what the user sees (see registry/registry.scope.ts).
 * @throws VALIDATION naming `domain`, `enterpriseId` or `projectIds`.
 */
export async function assertValidScope(db: Executor, s: UserScope): Promise<void> {
  const issues: FieldIssue[] = [];
  if (usesDomain(s.role) && !s.domain) issues.push({ path: "domain", message: "监督员必须指定业务领域 (an inspector needs a domain)" });
  if (!usesDomain(s.role) && s.domain) issues.push({ path: "domain", message: "只有监督员可以指定业务领域 (only inspectors have a domain)" });

  if (usesEnterprise(s.role) && !s.enterpriseId) {
    issues.push({ path: "enterpriseId", message: "该角色必须绑定企业 (this role must be bound to an enterprise)" });
  } else if (!usesEnterprise(s.role) && s.enterpriseId) {
    issues.push({ path: "enterpriseId", message: "该角色不绑定企业 (this role is not bound to an enterprise)" });
  } else if (s.enterpriseId) {
    const problem = await enterpriseProblem(db, s.role, s.enterpriseId);
    if (problem) issues.push({ path: "enterpriseId", message: problem });
  }

  if (usesProjects(s.role) && s.projectIds.length === 0) {
    issues.push({ path: "projectIds", message: "项目用户至少绑定一个项目 (a project user needs at least one project)" });
  } else if (!usesProjects(s.role) && s.projectIds.length > 0) {
    issues.push({ path: "projectIds", message: "只有项目用户绑定项目 (only project users are bound to projects)" });
  } else if (s.projectIds.length > 0) {
    const known = await existingProjectIds(db, s.projectIds);
    const missing = s.projectIds.filter((id) => !known.has(id));
    if (missing.length) issues.push({ path: "projectIds", message: `项目不存在 (unknown project): ${missing.join(", ")}` });
  }
  if (issues.length) throw invalid(issues);
}

async function enterpriseProblem(db: Executor, role: Role, enterpriseId: string): Promise<string | null> {
  const e = await enterpriseOf(db, enterpriseId);
  if (!e) return "企业不存在 (unknown enterprise)";
  const required = REQUIRED_ENTERPRISE_TYPE[role];
  if (required && e.type !== required) {
    return required === "testing"
      ? "检测机构用户必须绑定检测机构类企业 (a testing-agency user needs an enterprise of type testing)"
      : "燃气企业用户必须绑定燃气企业 (a gas-company user needs an enterprise of type gas)";
  }
  return null;
}
