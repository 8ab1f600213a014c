import { describe, expect, it } from "vitest";
import type { DashboardMapDto, ProjectMarker } from "@contracts/dashboard/map";
import { commandMapOption, districtCentres, type MapText } from "./map-option";

const project = (id: string, district: string, lng: number, lat: number, status = "in_progress"): ProjectMarker => ({
  projectId: `00000000-0000-4000-8000-00000000000${id}`,
  code: `P${id}`,
  name: `项目${id}`,
  district,
  status,
  lng,
  lat,
  activeAlarms: 0,
  worstSeverity: null,
  openCases: 0,
});

const data: DashboardMapDto = {
  projects: [project("1", "东城街道", 120.0, 28.9), project("2", "东城街道", 120.2, 28.9), project("3", "象珠镇", 120.1, 29.0, "suspended")],
  alarms: [{ id: "00000000-0000-4000-8000-0000000000a1", projectId: project("1", "", 0, 0).projectId, projectName: "项目1", deviceName: "塔吊", ruleName: "力矩<超限>", severity: "critical", startedAt: "2026-12-07T10:00:00Z", lng: 120.0, lat: 28.9 }],
  cases: [],
  at: "2026-12-07T10:00:00Z",
};

const text: MapText = { status: (s) => s, severity: (s) => s, level: (s) => s, leakLevel: (s) => s, risk: (s) => `风险${s}`, openCases: "整改", overdue: "逾期", alarms: "告警", online: "在线", offline: "离线", projects: "项目" };
const ids = (o: object) => (o as { series: { id: string }[] }).series.map((s) => s.id);

describe("command map", () => {
  it("names each district at the centre of its projects, busiest first (no town boundaries ship)", () => {
    expect(districtCentres(data.projects)).toEqual([
      { district: "东城街道", lng: 120.1, lat: 28.9, count: 2 },
      { district: "象珠镇", lng: 120.1, lat: 29.0, count: 1 },
    ]);
  });

  it("draws the projects always and a layer only while it is switched on, tooltips escaped", () => {
    const off = commandMapOption({ mapName: "m", data, layers: new Set(), dark: false, text });
    expect(ids(off)).toEqual(["districts", "projects"]);
    const on = commandMapOption({ mapName: "m", data, layers: new Set(["alarms", "cases"]), dark: true, text });
    expect(ids(on)).toEqual(["districts", "projects", "cases", "alarms"]);
    const alarm = (on as { series: { id: string; data: { tip: string }[] }[] }).series.find((s) => s.id === "alarms")!.data[0];
    expect(alarm.tip).toContain("力矩&lt;超限&gt;");
  });

  it("colours the projects by state until they carry a risk level, then by risk", () => {
    const colours = (o: object) => (o as { series: { id: string; data: { itemStyle: { color: string } }[] }[] }).series.find((s) => s.id === "projects")!.data.map((d) => d.itemStyle.color);
    expect(colours(commandMapOption({ mapName: "m", data, layers: new Set(), dark: false, text }))).toEqual(["#52c41a", "#52c41a", "#ff4d4f"]);
    const scored = { ...data, projects: data.projects.map((p, i) => ({ ...p, riskLevel: ["low", "high", "critical"][i] })) };
    expect(colours(commandMapOption({ mapName: "m", data: scored, layers: new Set(), dark: false, text }))).toEqual(["#52c41a", "#fa541c", "#cf1322"]);
  });
});
