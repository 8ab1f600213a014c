import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import { EQUIPMENT_KINDS, OPERATOR_ROLES, requiredSpecialty, type EquipmentDto, type EquipmentKind, type EquipmentStatus, type ListEquipmentQuery, type OperatorDto } from "@contracts/safety/equipment";
import type { z } from "zod";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { activeAlarmOnDevice, devicesView } from "../iot/index.js";
import { certificatesView, enterprisesView, personsView, projectScope, projectsView } from "../registry/index.js";
import { equipmentFindings, inspectionState } from "./equipment.checks.js";
import { safetyEquipment as Q } from "./schema.js";

const P = projectsView();
const D = devicesView();

/** Export cap: a city has a few thousand cranes and hoists. */
export const EQUIPMENT_EXPORT_LIMIT = 20_000;

const OE = enterprisesView("owner_ent");
const IE = enterprisesView("installer_ent");

/** SQL: the specialty the post of operator `o` on equipment `e` needs, every (kind, role) pair from `requiredSpecialty`. */
const requiredSpecialtySql = sql`(case ${sql.join(
  EQUIPMENT_KINDS.flatMap((k) => OPERATOR_ROLES.map((r) => sql`when e.kind = ${k} and o.role = ${r} then ${requiredSpecialty(k, r)}`)),
  sql` `,
)} end)`;

/**
 * SQL: the equipment's operators with their best 特种作业操作证 of the specialty their post needs (the one
 * expiring last); `certified` when it has not expired on `day`. A certificate of another specialty does not count.
 */
function operatorsOf(equipmentId: SQL | typeof Q.id, day: string): SQL<OperatorDto[]> {
  return sql<OperatorDto[]>`(select coalesce(json_agg(json_build_object(
      'personId', o.person_id, 'name', pe.name, 'role', o.role, 'requiredSpecialty', need.specialty,
      'certified', coalesce(c.expires_on >= ${day}::date, false), 'certNo', c.cert_no, 'certExpiresOn', c.expires_on::text
    ) order by o.role, pe.name), '[]'::json)
    from safety_equipment_operators o
    join safety_equipment e on e.id = o.equipment_id
    join ${personsView("pe")} on pe.id = o.person_id
    cross join lateral (select ${requiredSpecialtySql} as specialty) need
    left join lateral (select rc.cert_no, rc.expires_on from ${certificatesView("rc")}
      where rc.person_id = o.person_id and rc.kind = 'special_operation' and rc.specialty = need.specialty
      order by rc.expires_on desc limit 1) c on true
    where o.equipment_id = ${equipmentId})`;
}

function selectEquipment(db: Executor, day: string) {
  return db
    .select({
      q: Q,
      projectName: P.name,
      district: P.district,
      ownerName: OE.name,
      installerName: IE.name,
      deviceCode: D.code,
      operators: operatorsOf(Q.id, day),
      total: totalOver,
    })
    .from(Q)
    .innerJoin(P, eq(P.id, Q.projectId))
    .leftJoin(OE, eq(OE.id, Q.ownerEnterpriseId))
    .leftJoin(IE, eq(IE.id, Q.installerEnterpriseId))
    .leftJoin(D, eq(D.id, Q.deviceId));
}
type Row = Awaited<ReturnType<typeof selectEquipment>>[number];

function toDto(r: Row, day: string): EquipmentDto {
  const q = r.q;
  const kind = q.kind as EquipmentKind;
  const findings = equipmentFindings({ ...q, kind, operators: r.operators }, day);
  return {
    id: q.id,
    projectId: q.projectId,
    projectName: r.projectName,
    district: r.district,
    kind,
    recordNo: q.recordNo,
    model: q.model,
    manufacturer: q.manufacturer,
    ratedCapacityT: q.ratedCapacityT,
    ownerEnterpriseId: q.ownerEnterpriseId,
    ownerEnterpriseName: r.ownerName,
    installerEnterpriseId: q.installerEnterpriseId,
    installerEnterpriseName: r.installerName,
    installedOn: q.installedOn,
    inspectionValidTo: q.inspectionValidTo,
    inspectionState: inspectionState(q.inspectionValidTo, day),
    useRegistrationNo: q.useRegistrationNo,
    deviceId: q.deviceId,
    deviceCode: r.deviceCode,
    status: q.status as EquipmentStatus,
    operators: r.operators,
    problems: [...new Set(findings.map((f) => f.kind))],
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

function inspectionCondition(states: string[], day: string): SQL {
  const parts = states.map((s) => {
    if (s === "missing") return sql`${Q.inspectionValidTo} is null`;
    if (s === "expired") return sql`${Q.inspectionValidTo} < ${day}::date`;
    if (s === "expiring") return sql`${Q.inspectionValidTo} between ${day}::date and ${day}::date + 30`;
    return sql`${Q.inspectionValidTo} > ${day}::date + 30`;
  });
  return sql`(${sql.join(parts, sql` or `)})`;
}

function conditions(actor: Actor, q: z.output<typeof ListEquipmentQuery>, day: string): SQL | undefined {
  const text = q.q ? likePattern(q.q) : undefined;
  return andAll([
    projectScope(actor, Q.projectId),
    q.projectId ? eq(Q.projectId, q.projectId) : undefined,
    q.kind?.length ? inArray(Q.kind, q.kind) : undefined,
    q.status?.length ? inArray(Q.status, q.status) : undefined,
    q.inspection?.length ? inspectionCondition(q.inspection, day) : undefined,
    q.district ? eq(P.district, q.district) : undefined,
    q.activeAlarm === "true" ? sql`(${Q.deviceId} is not null and ${activeAlarmOnDevice(Q.deviceId)})` : undefined,
    q.activeAlarm === "false" ? sql`not (${Q.deviceId} is not null and ${activeAlarmOnDevice(Q.deviceId)})` : undefined,
    text ? or(ilike(Q.recordNo, text), ilike(Q.model, text), ilike(Q.useRegistrationNo, text), ilike(P.name, text)) : undefined,
  ]);
}

const SORTS = { inspectionValidTo: Q.inspectionValidTo, recordNo: Q.recordNo, updatedAt: Q.updatedAt } as const;
function orderOf(sort: string | undefined): SQL[] {
  if (!sort) return [sql`${Q.inspectionValidTo} asc nulls first`, asc(Q.recordNo)];
  const col = SORTS[sort.replace(/^-/, "") as keyof typeof SORTS];
  return [sort.startsWith("-") ? sql`${col} desc nulls last` : sql`${col} asc nulls first`, asc(Q.id)];
}

/** Lifting machinery in the actor's scope, soonest inspection expiry first by default. */
export async function listEquipment(db: Executor, actor: Actor, q: z.output<typeof ListEquipmentQuery>): Promise<Page<EquipmentDto>> {
  requirePermission(actor, "safety.read");
  const day = shanghaiDay();
  const rows = await selectEquipment(db, day)
    .where(conditions(actor, q, day))
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, (r) => toDto(r, day));
}

export async function equipmentForExport(db: Executor, actor: Actor, q: Omit<z.output<typeof ListEquipmentQuery>, "page" | "pageSize">): Promise<EquipmentDto[]> {
  requirePermission(actor, "safety.read");
  const day = shanghaiDay();
  const rows = await selectEquipment(db, day)
    .where(conditions(actor, { ...q, page: 1, pageSize: 1 }, day))
    .orderBy(...orderOf(q.sort))
    .limit(EQUIPMENT_EXPORT_LIMIT);
  return rows.map((r) => toDto(r, day));
}

/** One piece of equipment in scope (NOT_FOUND otherwise). */
export async function getEquipment(db: Executor, actor: Actor, id: string): Promise<EquipmentDto> {
  requirePermission(actor, "safety.read");
  const day = shanghaiDay();
  const [row] = await selectEquipment(db, day).where(and(eq(Q.id, id), projectScope(actor, Q.projectId)));
  if (!row) throw notFound("equipment", id);
  return toDto(row, day);
}

/** Every in-use piece of equipment, for the daily sweep (no scope: the system runs it). */
export async function equipmentInUse(db: Executor, day: string): Promise<EquipmentDto[]> {
  const rows = await selectEquipment(db, day).where(eq(Q.status, "in_use")).orderBy(desc(Q.updatedAt));
  return rows.map((r) => toDto(r, day));
}
