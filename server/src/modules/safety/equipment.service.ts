import { and, eq, ne } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import { CreateEquipmentInput, UpdateEquipmentInput, type EquipmentDto, type EquipmentKind } from "@contracts/safety/equipment";
import type { z } from "zod";
import { requirePermission, SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor, Tx } from "../../platform/db/client.js";
import { conflict, invalid, invalidField, notFound } from "../../platform/errors.js";
import { openCase } from "../cases/index.js";
import { deviceOf } from "../iot/index.js";
import { assertProjectVisible, enterpriseOf, existingPersonIds, generalContractorOf, projectScope } from "../registry/index.js";
import { equipmentFindings } from "./equipment.checks.js";
import { getEquipment } from "./equipment.queries.js";
import { safetyEquipment as Q, safetyEquipmentOperators as O } from "./schema.js";

/**
 * Verbs of the lifting-machinery register (起重机械). Every save runs the registration gates and opens a
 * case for each one failed (cases keeps one open case per sourceRef, so saving again changes nothing).
 * An uncertified operator may be assigned — the site needs to record who actually drives — but is flagged.
 */

/** The IoT monitor types that fit each kind of equipment. */
const MONITOR_TYPE: Record<EquipmentKind, string> = { tower_crane: "tower_crane", hoist: "hoist" };

type Fields = Partial<z.output<typeof UpdateEquipmentInput>> & { kind?: EquipmentKind };

async function assertLinks(tx: Tx, projectId: string, kind: EquipmentKind, f: Fields): Promise<void> {
  for (const field of ["ownerEnterpriseId", "installerEnterpriseId"] as const) {
    const id = f[field];
    if (!id) continue;
    if (!(await enterpriseOf(tx, id))) throw invalidField(field, "企业不存在 (no such enterprise)");
  }
  if (f.deviceId) {
    const d = await deviceOf(tx, f.deviceId);
    if (!d || d.projectId !== projectId) throw invalidField("deviceId", "本项目没有此监测设备 (no such monitor on this project)");
    if (d.type !== MONITOR_TYPE[kind]) throw invalidField("deviceId", `设备类型须为${kind === "tower_crane" ? "塔机" : "升降机"}监测设备 (the monitor must be a ${kind} monitor)`);
  }
  if (f.operators?.length) {
    const ids = [...new Set(f.operators.map((o) => o.personId))];
    const found = await existingPersonIds(tx, ids);
    const issues = f.operators.flatMap((o, i) => (found.has(o.personId) ? [] : [{ path: `operators.${i}.personId`, message: "人员库中没有此人 (no such person)" }]));
    if (issues.length) throw invalid(issues);
    const seen = new Set<string>();
    const dupes = f.operators.flatMap((o, i) => (seen.has(`${o.personId}:${o.role}`) ? [{ path: `operators.${i}`, message: "重复 (duplicate operator)" }] : (seen.add(`${o.personId}:${o.role}`), [])));
    if (dupes.length) throw invalid(dupes);
  }
}

async function assertRecordNoFree(tx: Tx, recordNo: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: Q.id })
    .from(Q)
    .where(and(eq(Q.recordNo, recordNo), exceptId ? ne(Q.id, exceptId) : undefined));
  if (other) throw conflict(`产权备案号 ${recordNo} 已登记 (record number already registered)`, { issues: [{ path: "recordNo", message: "产权备案号已登记 (already registered)" }] });
}

/**
 * Opens a case for each gate the equipment fails today, as the platform (the issuer is the system, so
 * the bureau's safety inspectors re-check it, not the site that saved the record).
 * @returns the number of cases newly opened.
 */
export async function raiseEquipmentFindings(tx: Tx, ctx: ServiceContext, e: EquipmentDto): Promise<number> {
  const findings = equipmentFindings(e, shanghaiDay(ctx.clock.now()));
  if (findings.length === 0) return 0;
  const system: ServiceContext = { ...ctx, actor: SYSTEM_ACTOR };
  const enterpriseId = await generalContractorOf(tx, e.projectId);
  let opened = 0;
  for (const f of findings) {
    const res = await openCase(
      tx,
      system,
      {
        projectId: e.projectId,
        enterpriseId,
        source: "equipment",
        sourceRef: `${e.id}:${f.check}`,
        category: "equipment",
        grade: f.grade,
        title: f.title,
        description: f.description,
        legalBasis: f.legalBasis,
      },
    );
    if (res.created) opened++;
  }
  return opened;
}

async function writeOperators(tx: Tx, equipmentId: string, operators: { personId: string; role: string }[]): Promise<void> {
  await tx.delete(O).where(eq(O.equipmentId, equipmentId));
  if (operators.length) await tx.insert(O).values(operators.map((o) => ({ equipmentId, personId: o.personId, role: o.role })));
}

/**
 * Registers a crane or hoist on a project and runs its gates.
 * @throws AppError FORBIDDEN; NOT_FOUND (project out of scope); VALIDATION naming the field; CONFLICT naming `recordNo`.
 */
export async function createEquipment(ctx: ServiceContext, projectId: string, input: z.output<typeof CreateEquipmentInput>): Promise<EquipmentDto> {
  requirePermission(ctx.actor, "safety.manage");
  const id = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, projectId);
    await assertLinks(tx, projectId, input.kind, input);
    await assertRecordNoFree(tx, input.recordNo);
    const { operators, ...fields } = input;
    const [row] = await tx
      .insert(Q)
      .values({ ...fields, projectId, ownerEnterpriseId: fields.ownerEnterpriseId ?? null, installerEnterpriseId: fields.installerEnterpriseId ?? null, deviceId: fields.deviceId ?? null })
      .returning();
    await writeOperators(tx, row.id, operators);
    await recordAudit(tx, ctx, { action: "safety.equipment.created", entity: "equipment", entityId: row.id, after: { ...row, operators } });
    await raiseEquipmentFindings(tx, ctx, await getEquipment(tx, ctx.actor, row.id));
    return row.id;
  });
  ctx.events.publish("safety.equipment.created", { equipmentId: id, projectId });
  return getEquipment(ctx.db, ctx.actor, id);
}

/** The record, locked for the caller's change. @throws AppError NOT_FOUND when absent or out of scope. */
async function lockEquipment(tx: Executor, ctx: ServiceContext, id: string) {
  const [row] = await tx
    .select({ q: Q })
    .from(Q)
    .where(and(eq(Q.id, id), projectScope(ctx.actor, Q.projectId)))
    .for("update", { of: Q });
  if (!row) throw notFound("equipment", id);
  return row.q;
}

/** Changes a crane or hoist (operators replaced when given) and runs its gates again. */
export async function updateEquipment(ctx: ServiceContext, id: string, input: z.output<typeof UpdateEquipmentInput>): Promise<EquipmentDto> {
  requirePermission(ctx.actor, "safety.manage");
  const projectId = await ctx.db.transaction(async (tx) => {
    const before = { q: await lockEquipment(tx, ctx, id) };
    await assertLinks(tx, before.q.projectId, before.q.kind as EquipmentKind, input);
    if (input.recordNo && input.recordNo !== before.q.recordNo) await assertRecordNoFree(tx, input.recordNo, id);
    const { operators, ...fields } = input;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(Q)
      .set({ ...defined, updatedAt: new Date() })
      .where(eq(Q.id, id))
      .returning();
    if (operators) await writeOperators(tx, id, operators);
    await recordAudit(tx, ctx, { action: "safety.equipment.updated", entity: "equipment", entityId: id, before: before.q, after: { ...after, ...(operators ? { operators } : {}) } });
    await raiseEquipmentFindings(tx, ctx, await getEquipment(tx, ctx.actor, id));
    return after.projectId;
  });
  ctx.events.publish("safety.equipment.updated", { equipmentId: id, projectId });
  return getEquipment(ctx.db, ctx.actor, id);
}

/**
 * Deletes a record entered in error (equipment taken down is marked dismantled instead, keeping its history).
 * @throws AppError FORBIDDEN; NOT_FOUND.
 */
export async function deleteEquipment(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, "safety.manage");
  const projectId = await ctx.db.transaction(async (tx) => {
    const before = { q: await lockEquipment(tx, ctx, id) };
    await tx.delete(Q).where(eq(Q.id, id));
    await recordAudit(tx, ctx, { action: "safety.equipment.deleted", entity: "equipment", entityId: id, before: before.q });
    return before.q.projectId;
  });
  ctx.events.publish("safety.equipment.deleted", { equipmentId: id, projectId });
}
