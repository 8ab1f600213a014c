import { describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS, type Role } from "@contracts/platform/auth";
import { menuAccess } from "./menu-access";

const offeredTo = (role: Role) => menuAccess({ role, permissions: [...ROLE_PERMISSIONS[role]] });

describe("menu access", () => {
  it("offers a gas company its gas pages but no project registry, site map, alarm rules or acceptances", () => {
    const gas = offeredTo("gas_company");
    for (const key of ["/gas/cylinders", "/gas/fill-console", "/gas/leaks", "/enterprises", "/cases", "/iot/devices"]) expect(gas(key), key).toBe(true);
    for (const key of ["/projects", "/iot/rules", "/iot/map", "/iot/commands", "/acceptances", "/random-plans", "/inspection-templates", "/command", "/risk", "/admin/users"]) expect(gas(key), key).toBe(false);
  });

  it("offers the bureau the command center and the rules; a contractor its projects and commands but no rules or 双随机 plans", () => {
    const leader = offeredTo("leader");
    for (const key of ["/command", "/risk", "/projects", "/iot/rules", "/thresholds", "/random-plans", "/gas/leaks"]) expect(leader(key), key).toBe(true);
    expect(leader("/gas/fill-console")).toBe(false);
    const contractor = offeredTo("enterprise");
    for (const key of ["/command", "/risk", "/projects", "/iot/commands", "/acceptances", "/workforce/workers"]) expect(contractor(key), key).toBe(true);
    for (const key of ["/iot/rules", "/thresholds", "/random-plans", "/gas/cylinders", "/admin/audit"]) expect(contractor(key), key).toBe(false);
  });

  it("offers no page it does not know", () => {
    expect(offeredTo("admin")("/nowhere")).toBe(false);
  });
});
