import { describe, expect, it } from "vitest";
import { requiredSpecialty } from "@contracts/safety/equipment";
import { equipmentFindings, inspectionState, type EquipmentFacts } from "./equipment.checks.js";

const crane = (over: Partial<EquipmentFacts> = {}): EquipmentFacts => ({
  id: "e1",
  kind: "tower_crane",
  recordNo: "浙G-T2024001",
  status: "in_use",
  inspectionValidTo: "2026-12-31",
  useRegistrationNo: "浙G-SY2024001",
  operators: [{ personId: "p1", name: "张三", certified: true, requiredSpecialty: "塔式起重机司机" }],
  ...over,
});

describe("equipment registration gates", () => {
  it("names the certificate specialty each post needs", () => {
    expect(requiredSpecialty("tower_crane", "driver")).toBe("塔式起重机司机");
    expect(requiredSpecialty("hoist", "driver")).toBe("施工升降机司机");
    expect(requiredSpecialty("hoist", "signalman")).toBe("建筑起重信号司索工");
    expect(requiredSpecialty("tower_crane", "signalman")).toBe("建筑起重信号司索工");
  });

  it("derives the inspection state from the date", () => {
    expect(inspectionState(null, "2026-06-01")).toBe("missing");
    expect(inspectionState("2026-05-31", "2026-06-01")).toBe("expired");
    expect(inspectionState("2026-06-01", "2026-06-01")).toBe("expiring");
    expect(inspectionState("2026-07-01", "2026-06-01")).toBe("expiring");
    expect(inspectionState("2026-07-02", "2026-06-01")).toBe("valid");
  });

  it("a compliant crane fails nothing", () => {
    expect(equipmentFindings(crane(), "2026-06-01")).toEqual([]);
  });

  it("an expired inspection and a missing registration are major; an uncertified operator general", () => {
    const f = equipmentFindings(crane({ inspectionValidTo: "2026-05-01", useRegistrationNo: null, operators: [{ personId: "p2", name: "李四", certified: false, requiredSpecialty: "塔式起重机司机" }] }), "2026-06-01");
    expect(f.map((x) => [x.check, x.grade])).toEqual([
      ["inspection_expired", "major"],
      ["no_use_registration", "major"],
      ["operator_uncertified:p2", "general"],
    ]);
    expect(f[2].title).toContain("（塔式起重机司机）");
  });

  it("the day the inspection runs out is still inside it", () => {
    expect(equipmentFindings(crane({ inspectionValidTo: "2026-06-01" }), "2026-06-01")).toEqual([]);
  });

  it("dismantled equipment is not checked", () => {
    expect(equipmentFindings(crane({ status: "dismantled", useRegistrationNo: null }), "2026-06-01")).toEqual([]);
  });
});
