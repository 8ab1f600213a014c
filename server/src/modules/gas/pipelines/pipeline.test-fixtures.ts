import { creditCodeCheckChar } from "@contracts/registry/identifiers";
import type { TestApp, TestUser } from "../../../../../test/app";
import { ensureRuleDefaults } from "../../../platform/rules/rules.js";
import { casesRuleDefinitions } from "../../cases/index.js";
import { registryEnterprises, registryProjectParticipants, registryProjects } from "../../registry/schema.js";
import { type LngLat, M_PER_DEG_LAT } from "../shared/index.js";
import { pipelineRuleList } from "./pipeline.rules.js";

let seq = 0;
const creditCode = () => {
  const first17 = `91330784PL${String(++seq).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};

/** Origin of the test city (永康), and a point `east`/`north` metres from it. */
export const ORIGIN: LngLat = [120.04, 28.9];
const cos = Math.cos((ORIGIN[1] * Math.PI) / 180);
export const at = (east: number, north: number): [number, number] => [ORIGIN[0] + east / (M_PER_DEG_LAT * cos), ORIGIN[1] + north / M_PER_DEG_LAT];

/**
 * A pipeline world: gas companies GAS and GAS2, a contractor GC on project NEAR (20 m north of the x-axis,
 * where the tests lay their mains), FAR (80 m north), and a project WEST without a location; users of every role.
 * Each world sits `offsetKm` east of the origin so worlds in one database never see each other's lines.
 */
export async function pipelineWorld(t: TestApp, offsetKm = 0) {
  await ensureRuleDefaults(t.db, [...pipelineRuleList, ...casesRuleDefinitions]);
  const ents = await t.db
    .insert(registryEnterprises)
    .values(([["GAS", "gas"], ["GAS2", "gas"], ["GC", "contractor"], ["OTHER", "contractor"]] as const).map(([key, type]) => ({ name: `管线测试${key}${++seq}`, creditCode: creditCode(), type, legalRep: "法人" })))
    .returning({ id: registryEnterprises.id });
  const [GAS, GAS2, GC, OTHER] = ents.map((e) => e.id);
  const x0 = offsetKm * 1000;
  const pt = (east: number, north: number) => at(x0 + east, north);
  const [NEAR, FAR, WEST] = (
    await t.db
      .insert(registryProjects)
      .values([
        { code: `PL-N-${seq}`, name: "临近管线项目", type: "building", district: "东城街道", status: "in_progress", lng: pt(500, 20)[0], lat: pt(500, 20)[1] },
        { code: `PL-F-${seq}`, name: "远离管线项目", type: "building", district: "东城街道", status: "in_progress", lng: pt(500, 80)[0], lat: pt(500, 80)[1] },
        { code: `PL-W-${seq}`, name: "无坐标项目", type: "building", district: "西城街道", status: "in_progress" },
      ])
      .returning({ id: registryProjects.id })
  ).map((r) => r.id);
  await t.db.insert(registryProjectParticipants).values([
    { projectId: NEAR, enterpriseId: GC, role: "general_contractor" },
    { projectId: FAR, enterpriseId: OTHER, role: "general_contractor" },
  ]);
  const users: Record<"admin" | "leader" | "inspector" | "gas" | "gas2" | "gc" | "other" | "project" | "testing", TestUser> = {
    admin: await t.user("admin"),
    leader: await t.user("leader"),
    inspector: await t.user("inspector", { domain: "gas" }),
    gas: await t.user("gas_company", { enterpriseId: GAS }),
    gas2: await t.user("gas_company", { enterpriseId: GAS2 }),
    gc: await t.user("enterprise", { enterpriseId: GC }),
    other: await t.user("enterprise", { enterpriseId: OTHER }),
    project: await t.user("project", { projectIds: [NEAR] }),
    testing: await t.user("testing_agency", { enterpriseId: OTHER }),
  };
  /** A straight line along the x-axis from `fromM` to `toM` metres east. */
  const line = (fromM: number, toM: number) => ({ type: "LineString" as const, coordinates: [pt(fromM, 0), pt((fromM + toM) / 2, 0), pt(toM, 0)] });
  return { GAS, GAS2, GC, OTHER, NEAR, FAR, WEST, users, pt, line };
}
export type PipelineWorld = Awaited<ReturnType<typeof pipelineWorld>>;
