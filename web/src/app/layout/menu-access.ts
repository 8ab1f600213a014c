import type { MeDto, Permission, Role } from "@contracts/platform/auth";

/** The bureau's roles: they see the whole city and supervise it. */
const BUREAU: readonly Role[] = ["admin", "leader", "inspector"];

/**
 * Roles that take part in construction projects. A gas company's scope is gas alone: it is a participant in
 * no project, so the project registry, the site map and 质量验收 would only ever show it nothing (its
 * `registry.project.read` exists for the enterprise and person pages it shares with everyone).
 */
const CONSTRUCTION: readonly Role[] = ["admin", "leader", "inspector", "enterprise", "project", "testing_agency"];

type Me = Pick<MeDto, "role" | "permissions">;
type Rule = (me: { role: Role; can: (p: Permission) => boolean }) => boolean;

const can = (p: Permission): Rule => (m) => m.can(p);
const bureau: Rule = (m) => BUREAU.includes(m.role);
const construction: Rule = (m) => CONSTRUCTION.includes(m.role);
const all = (...rules: Rule[]): Rule => (m) => rules.every((r) => r(m));
const any = (...rules: Rule[]): Rule => (m) => rules.some((r) => r(m));

/**
 * Which console pages a user is offered in the menu: the permission the page's API needs, narrowed to the
 * roles the page can show something to (a gas company is not offered 项目库 or 告警规则). A page missing here
 * is not in the menu at all. Typing a URL by hand still reaches a page; its API decides what it shows.
 */
const MENU_RULES: Record<string, Rule> = {
  "/": () => true,
  "/command": all(can("registry.project.read"), any(bureau, (m) => m.role === "enterprise" || m.role === "project")),
  "/reports": can("reports.read"),
  "/risk": all(can("registry.project.read"), construction),
  "/projects": all(can("registry.project.read"), construction),
  "/enterprises": can("registry.enterprise.read"),
  "/enterprise-change-requests": can("registry.enterprise.reviewChange"),
  "/persons": can("registry.person.read"),
  "/cases": can("cases.read"),
  "/inspections": can("cases.read"),
  "/inspection-templates": all(can("cases.read"), any(can("cases.template.manage"), bureau)),
  "/random-plans": all(can("cases.read"), bureau),
  "/inspector-conflicts": can("cases.inspect"),
  "/acceptances": all(can("cases.read"), construction),
  "/notifications": () => true,
  "/iot/map": all(can("iot.read"), construction),
  "/iot/alarms": can("iot.read"),
  "/iot/devices": can("iot.read"),
  "/iot/commands": all(can("iot.read"), any(can("iot.command.send"), bureau)),
  "/iot/rules": all(can("iot.read"), any(can("iot.rule.manage"), bureau)),
  // Every logged-in user may read the thresholds; the bureau is who works with them.
  "/thresholds": any(can("rules.manage"), bureau),
  "/workforce/on-site": can("workforce.read"),
  "/workforce/workers": can("workforce.read"),
  "/workforce/blacklist": can("workforce.read"),
  "/workforce/key-personnel": can("workforce.read"),
  "/workforce/arrears": can("workforce.read"),
  "/testing/commissions": can("testing.read"),
  "/testing/results": can("testing.read"),
  "/testing/witness-share": can("testing.read"),
  "/testing/agencies": can("testing.read"),
  "/testing/calculator": can("testing.read"),
  "/safety/works": can("safety.read"),
  "/safety/weekly": can("safety.read"),
  "/safety/equipment": can("safety.read"),
  "/safety/experts": can("safety.read"),
  "/gas/fill-console": can("gas.manage"),
  "/gas/cylinders": can("gas.read"),
  "/gas/fills": can("gas.read"),
  "/gas/deliveries": can("gas.read"),
  "/gas/customers": can("gas.read"),
  "/gas/anomalies": can("gas.read"),
  "/gas/stations": can("gas.read"),
  "/gas/staff": can("gas.read"),
  "/gas/map": can("gas.read"),
  "/gas/pipelines": can("gas.read"),
  "/gas/patrols": can("gas.read"),
  "/gas/hazards": can("gas.read"),
  "/gas/vehicles": can("gas.read"),
  "/gas/leaks": can("gas.read"),
  "/gas/site-links": can("gas.read"),
  "/admin/users": can("admin.users"),
  "/admin/tokens": can("admin.users"),
  "/admin/audit": can("audit.read"),
};

/** `offered("/projects")`: whether the menu shows that page to this user. */
export function menuAccess(me: Me): (key: string) => boolean {
  const perms = new Set(me.permissions);
  const subject = { role: me.role, can: (p: Permission) => perms.has(p) };
  return (key) => MENU_RULES[key]?.(subject) ?? false;
}
