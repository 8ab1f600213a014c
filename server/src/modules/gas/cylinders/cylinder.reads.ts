import { and, eq, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { CylinderStatus } from "@contracts/gas/cylinder-status";
import type { Tx } from "../../../platform/db/client.js";
import { personsView } from "../../registry/index.js";
import { gasCylinders as C, gasFills as F, gasStaff as SF, gasStations as S } from "./schema.js";

const P = personsView();

/**
 * What the other gas modules may read of cylinders, stations, staff and fills: read-only views for their
 * joins, filters and sorts (subqueries PostgreSQL pulls up, so a list joining one keeps its plan and its one
 * round trip; see registry.reads.ts), and the locking read the delivery chain starts from. Nothing here
 * writes; the writes are the verbs in cylinder-move.service.ts.
 */

const qb = new QueryBuilder({ casing: "snake_case" });

/** Cylinders: code, owner, home station, status and the customer holding one (while in_use). */
export const cylindersView = (alias = "cy") =>
  qb
    .select({ id: C.id, code: C.code, enterpriseId: C.enterpriseId, stationId: C.stationId, status: C.status, customerId: C.customerId, voidedAt: C.voidedAt })
    .from(C)
    .as(alias);

export const stationsView = (alias = "st") => qb.select({ id: S.id, code: S.code, name: S.name, enterpriseId: S.enterpriseId }).from(S).as(alias);

/** Certified staff with the person's name and ID number (callers mask the number where they show it). */
export const staffView = (alias = "sf") =>
  qb
    .select({
      id: SF.id,
      enterpriseId: SF.enterpriseId,
      stationId: SF.stationId,
      role: SF.role,
      active: SF.active,
      certificateValidTo: SF.certificateValidTo,
      name: P.name,
      idNumber: P.idNumber,
    })
    .from(SF)
    .innerJoin(P, eq(P.id, SF.personId))
    .as(alias);

/** Fills: which cylinder was filled where and when (`createdAt`: when the record arrived). */
export const fillsView = (alias = "f") =>
  qb.select({ id: F.id, cylinderId: F.cylinderId, stationId: F.stationId, enterpriseId: F.enterpriseId, filledAt: F.filledAt, createdAt: F.createdAt }).from(F).as(alias);

export interface LockedCylinder {
  id: string;
  code: string;
  status: CylinderStatus;
  stationId: string;
  customerId: string | null;
  voided: boolean;
}

/**
 * A company's cylinders by code, locked (in id order, so two batches never deadlock) until the caller's
 * transaction ends: the statuses a plan starts from stay true until it commits its moves.
 */
export async function lockCylindersByCode(tx: Tx, enterpriseId: string, codes: readonly string[]): Promise<LockedCylinder[]> {
  const rows = await tx
    .select({ id: C.id, code: C.code, status: C.status, stationId: C.stationId, customerId: C.customerId, voidedAt: C.voidedAt })
    .from(C)
    .where(and(eq(C.enterpriseId, enterpriseId), sql`${C.code} = any(${sql.param([...codes])}::text[])`))
    .orderBy(C.id)
    .for("update");
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status as CylinderStatus, stationId: r.stationId, customerId: r.customerId, voided: r.voidedAt !== null }));
}
