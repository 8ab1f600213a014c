import { describe, expect, it } from "vitest";
import type { CityDashboardDto } from "@contracts/dashboard/city";
import { kpiTiles, valueAt } from "./kpis";

const city: CityDashboardDto = {
  projects: { total: 40, byStatus: { approved: 5, in_progress: 30, suspended: 2, resumed: 1, completed: 2 }, byDistrict: [{ district: "东城街道", count: 12 }] },
  cases: { open: 12, byState: { pending: 5, rectifying: 4, review: 3 }, overdue: 3, major: 0, stopWork: 1, oldestOverdue: null },
  alarms: { active: 4, bySeverity: { info: 1, minor: 1, major: 1, critical: 1 }, unacknowledged: 2, latest: [] },
  links: {
    "projects.total": "/api/v1/projects",
    "projects.byStatus.suspended": "/api/v1/projects?status=suspended",
    "cases.open": "/api/v1/cases?state=pending&state=rectifying&state=review",
    "cases.overdue": "/api/v1/cases?overdue=true",
    "alarms.active": "/api/v1/alarms?status=active_unack&status=active_ack",
    "alarms.bySeverity.critical": "/api/v1/alarms?status=active_unack&status=active_ack&severity=critical",
  },
  at: "2026-12-07T10:00:00.000Z",
};

describe("KPI tiles", () => {
  it("reads each figure at its path and links it to the console list with the dashboard's filters", () => {
    const tiles = kpiTiles(city, (k) => k);
    expect(tiles.map((t) => t.path)).toEqual(["projects.total", "cases.open", "alarms.active"]);
    const cases = tiles[1];
    expect(cases).toMatchObject({ value: 12, to: "/cases?state=pending%2Crectifying%2Creview", alert: false });
    expect(cases.subs.map((s) => [s.path, s.value, s.to, s.alert])).toEqual([
      ["cases.overdue", 3, "/cases?overdue=true", true],
      ["cases.major", 0, null, false],
    ]);
    expect(tiles[2].subs[0]).toMatchObject({ value: 1, to: "/iot/alarms?status=active_unack%2Cactive_ack&severity=critical", alert: true });
  });

  it("has no tile for a section the role does not get (a contractor's dashboard without gas)", () => {
    expect(kpiTiles(city, (k) => k).some((t) => t.path.startsWith("gas."))).toBe(false);
    expect(valueAt(city, "gas.openLeaks")).toBeUndefined();
    expect(valueAt(city, "projects.byStatus.in_progress")).toBe(30);
  });
});
