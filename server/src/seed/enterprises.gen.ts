import { YONGKANG_DISTRICTS, type EnterpriseType } from "@contracts/registry/enums";
import type { RegistryRows } from "../modules/registry/index.js";
import { validityDates } from "./calendar.js";
import { address, firmName, personName } from "./names.js";
import { creditCode, mobile } from "./ids.js";
import type { Rng } from "./prng.js";

export type EnterpriseRow = RegistryRows["enterprises"] & { id: string; type: EnterpriseType };
export type QualificationRow = RegistryRows["qualifications"] & { id: string };

/** Which participant roles an enterprise may take, judged by its qualifications that are valid today. */
export type Capability = "general" | "specialty" | "supervision" | "survey" | "design" | "testing" | "gas";

export interface SeedEnterprise {
  row: EnterpriseRow;
  qualifications: QualificationRow[];
  capabilities: Set<Capability>;
}

/** Share of each type; contractors dominate a county's register. */
const TYPE_SHARES: readonly (readonly [EnterpriseType, number, number])[] = [
  // type, share, minimum (so a tiny scale still has every kind the demo accounts and posts need)
  ["contractor", 0.4, 6],
  ["builder", 0.16, 3],
  ["supervisor", 0.08, 3],
  ["surveyor", 0.03, 1],
  ["designer", 0.05, 1],
  ["testing", 0.02, 1],
  ["gas", 0.02, 1],
  ["other", 0.24, 1],
];

interface QualSpec {
  category: string;
  grades: readonly (readonly [string, number])[];
  /** The role the qualification opens; 施工劳务 opens none (labour subcontracting is not a participant role here). */
  capability?: Capability;
  years: number;
}

const GENERAL: QualSpec = {
  category: "建筑工程施工总承包",
  grades: [["特级", 2], ["一级", 15], ["二级", 43], ["三级", 40]],
  capability: "general",
  years: 5,
};
const MUNICIPAL: QualSpec = { category: "市政公用工程施工总承包", grades: [["一级", 10], ["二级", 50], ["三级", 40]], capability: "general", years: 5 };
const SPECIALTIES = ["地基基础工程专业承包", "钢结构工程专业承包", "建筑装修装饰工程专业承包", "消防设施工程专业承包", "起重设备安装工程专业承包"];

/** The qualifications a firm of this type holds (资质 by type: 施工总承包 特级–三级, 监理 甲/乙级, 检测 …). */
function qualSpecs(rng: Rng, type: EnterpriseType): QualSpec[] {
  switch (type) {
    case "contractor": {
      const specs = [GENERAL];
      if (rng.chance(0.3)) specs.push(MUNICIPAL);
      if (rng.chance(0.2)) specs.push({ category: rng.pick(SPECIALTIES), grades: [["一级", 30], ["二级", 70]], capability: "specialty", years: 5 });
      return specs;
    }
    case "supervisor":
      return [{ category: "房屋建筑工程监理", grades: [["甲级", 40], ["乙级", 60]], capability: "supervision", years: 5 }];
    case "surveyor":
      return [{ category: "工程勘察专业类(岩土工程)", grades: [["甲级", 30], ["乙级", 70]], capability: "survey", years: 5 }];
    case "designer":
      return [{ category: "建筑行业(建筑工程)设计", grades: [["甲级", 30], ["乙级", 70]], capability: "design", years: 5 }];
    case "testing":
      return [{ category: "建设工程质量检测", grades: [["综合资质", 20], ["专项资质", 80]], capability: "testing", years: 5 }];
    case "gas":
      return [{ category: "燃气经营许可", grades: [["瓶装燃气", 60], ["管道燃气", 40]], capability: "gas", years: 3 }];
    case "other":
      return rng.chance(0.4) ? [{ category: "施工劳务", grades: [["不分等级", 1]], years: 5 }] : [];
    default:
      return [];
  }
}

/** Enterprise counts per type for a total, honouring the minimums. */
export function enterpriseTypeCounts(total: number): Map<EnterpriseType, number> {
  const counts = new Map<EnterpriseType, number>();
  for (const [type, share, min] of TYPE_SHARES) counts.set(type, Math.max(min, Math.round(total * share)));
  return counts;
}

/** A timestamp `daysAgo` days before `now` at a random hour, for created/updated columns. */
export const pastTimestamp = (rng: Rng, now: Date, maxDaysAgo: number, minDaysAgo = 0) =>
  new Date(now.getTime() - (minDaysAgo + rng.next() * (maxDaysAgo - minDaysAgo)) * 86_400_000);

/** Generates the enterprise register with qualifications; certificate numbers come from `certSeq`. */
export function generateEnterprises(rng: Rng, total: number, today: string, now: Date): SeedEnterprise[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  let certSeq = 0;
  const out: SeedEnterprise[] = [];
  for (const [type, count] of enterpriseTypeCounts(total)) {
    for (let i = 0; i < count; i++) {
      const district = rng.pick(YONGKANG_DISTRICTS);
      const createdAt = pastTimestamp(rng, now, 3000, 200);
      const row: EnterpriseRow = {
        id: rng.uuid(),
        name: firmName(rng, type, names),
        creditCode: creditCode(rng, codes),
        type,
        legalRep: personName(rng, rng.chance(0.85) ? "M" : "F"),
        address: address(rng, district),
        district,
        contactName: personName(rng, rng.chance(0.6) ? "M" : "F"),
        contactPhone: mobile(rng),
        status: rng.weighted([["normal", 97], ["suspended", 2], ["revoked", 1]] as const),
        createdAt,
        updatedAt: pastTimestamp(rng, now, Math.min(180, (now.getTime() - createdAt.getTime()) / 86_400_000)),
      };
      const qualifications: QualificationRow[] = [];
      const capabilities = new Set<Capability>();
      for (const spec of qualSpecs(rng, type)) {
        const dates = validityDates(rng, today, spec.years);
        certSeq++;
        qualifications.push({
          id: rng.uuid(),
          enterpriseId: row.id,
          category: spec.category,
          grade: rng.weighted(spec.grades),
          certNo: `D${rng.pick(["1", "2", "3"])}33${String(certSeq).padStart(6, "0")}`,
          ...dates,
        });
        if (spec.capability && dates.expiresOn >= today && row.status === "normal") capabilities.add(spec.capability);
      }
      out.push({ row, qualifications, capabilities });
    }
  }
  return out;
}
