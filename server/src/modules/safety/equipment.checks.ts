import type { CaseGrade } from "@contracts/cases/enums";
import { EQUIPMENT_KIND_LABELS, INSPECTION_EXPIRING_DAYS, type EquipmentKind, type InspectionState } from "@contracts/safety/equipment";

/**
 * The registration gates of lifting machinery (domain-rules §2.4; 建质规〔2022〕2号 第八条, 建设部令第166号),
 * pure. A crane in use without use registration or inside no inspection period is a 重大隐患; an operator
 * without a valid 特种作业操作证 is a finding too (general: the operator can be replaced at once).
 */

const DAY_MS = 86_400_000;

export function inspectionState(validTo: string | null, today: string): InspectionState {
  if (!validTo) return "missing";
  if (validTo < today) return "expired";
  const days = (Date.parse(validTo) - Date.parse(today)) / DAY_MS;
  return days <= INSPECTION_EXPIRING_DAYS ? "expiring" : "valid";
}

export interface EquipmentFacts {
  id: string;
  kind: EquipmentKind;
  recordNo: string;
  status: string;
  inspectionValidTo: string | null;
  useRegistrationNo: string | null;
  operators: { personId: string; name: string; certified: boolean; requiredSpecialty: string }[];
}

export interface EquipmentFinding {
  /** `${check}` or `operator_uncertified:${personId}`: with the equipment id it is the case's sourceRef. */
  check: string;
  kind: "inspection_expired" | "no_use_registration" | "operator_uncertified";
  grade: CaseGrade;
  title: string;
  description: string;
  legalBasis: string;
}

const MAJOR_BASIS = "建质规〔2022〕2号 第八条 (起重机械未经验收或未办理使用登记; 安全装置失效)";
const OPERATOR_BASIS = "建设部令第166号 第二十五条 (特种作业人员持证上岗)";

/** The gates the equipment fails today; dismantled equipment fails none. */
export function equipmentFindings(e: EquipmentFacts, today: string): EquipmentFinding[] {
  if (e.status !== "in_use") return [];
  const name = `${EQUIPMENT_KIND_LABELS[e.kind].zh} ${e.recordNo}`;
  const out: EquipmentFinding[] = [];
  const state = inspectionState(e.inspectionValidTo, today);
  if (state === "expired" || state === "missing") {
    out.push({
      check: "inspection_expired",
      kind: "inspection_expired",
      grade: "major",
      title: state === "missing" ? `${name} 未经检验即使用` : `${name} 检验有效期已过 (${e.inspectionValidTo})`,
      description: "起重机械须在检验有效期内使用，过期须停用并重新检验。",
      legalBasis: MAJOR_BASIS,
    });
  }
  if (!e.useRegistrationNo) {
    out.push({ check: "no_use_registration", kind: "no_use_registration", grade: "major", title: `${name} 未办理使用登记`, description: "起重机械验收合格后须办理使用登记方可使用。", legalBasis: MAJOR_BASIS });
  }
  for (const op of e.operators) {
    if (op.certified) continue;
    out.push({
      check: `operator_uncertified:${op.personId}`,
      kind: "operator_uncertified",
      grade: "general",
      title: `${name} 操作人员 ${op.name} 无有效特种作业操作证（${op.requiredSpecialty}）`,
      description: `起重机械司机、信号司索工须持与岗位相符的有效建筑施工特种作业操作资格证书上岗；此岗位须「${op.requiredSpecialty}」类别。`,
      legalBasis: OPERATOR_BASIS,
    });
  }
  return out;
}
