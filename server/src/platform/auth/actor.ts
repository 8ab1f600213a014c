import { ROLE_PERMISSIONS, type InspectorDomain, type Permission, type Role } from "@contracts/platform/auth";
import type { Actor } from "../context.js";
import { AppError } from "../errors.js";

export function buildActor(u: {
  id: string | null;
  username: string;
  displayName: string;
  role: Role;
  domain?: InspectorDomain | null;
  enterpriseId?: string | null;
  projectIds?: string[];
}): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    domain: u.domain ?? null,
    enterpriseId: u.enterpriseId ?? null,
    projectIds: u.projectIds ?? [],
    permissions: new Set(ROLE_PERMISSIONS[u.role]),
  };
}

/** The actor used by start-up jobs (seed, first admin); it is recorded as "system" in the audit log. */
export const SYSTEM_ACTOR: Actor = buildActor({ id: null, username: "system", displayName: "系统", role: "admin" });

/** Throws FORBIDDEN unless the actor's role grants the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) {
    throw new AppError("FORBIDDEN", `Role ${actor.role} may not ${permission}`, { permission });
  }
}

/** Roles that see every record (the bureau); all others are scoped. */
export const isCityWide = (actor: Actor) => actor.role === "admin" || actor.role === "leader" || actor.role === "inspector";
