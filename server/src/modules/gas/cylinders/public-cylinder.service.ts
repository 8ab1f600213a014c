import { desc, eq } from "drizzle-orm";
import type { PublicCylinderDto } from "@contracts/gas/cylinder";
import type { CylinderType } from "@contracts/gas/cylinder-status";
import { shanghaiDay } from "@contracts/platform/time";
import type { Db } from "../../../platform/db/client.js";
import { AppError } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { gasCylinders as C, gasFills as F, gasStations as S } from "./schema.js";
import { judgeFill, safetyReasons } from "./fill-check.checks.js";

const E = enterprisesView();

export const noSuchCylinder = (code: string) => new AppError("NOT_FOUND", "查无此瓶 (no such cylinder)", { code });

/**
 * What anyone scanning a cylinder's QR code may see: owner, type, dates, the last fill and a plain verdict by
 * the same judge as the scale (judged at its owner station, so only safety reasons count). Never the
 * customer or any person.
 */
export async function scanCylinder(db: Db, code: string, now = new Date()): Promise<PublicCylinderDto> {
  const [c] = await db
    .select({
      id: C.id,
      code: C.code,
      enterpriseName: E.name,
      stationId: C.stationId,
      stationName: S.name,
      type: C.type,
      spec: C.spec,
      nominalFillKg: C.nominalFillKg,
      manufacturedOn: C.manufacturedOn,
      nextInspectionOn: C.nextInspectionOn,
      scrapOn: C.scrapOn,
      status: C.status,
      lostAt: C.lostAt,
      voidedAt: C.voidedAt,
    })
    .from(C)
    .innerJoin(S, eq(S.id, C.stationId))
    .innerJoin(E, eq(E.id, C.enterpriseId))
    .where(eq(C.code, code));
  if (!c) throw noSuchCylinder(code);
  const [lastFill] = await db
    .select({ at: F.filledAt, stationName: S.name })
    .from(F)
    .innerJoin(S, eq(S.id, F.stationId))
    .where(eq(F.cylinderId, c.id))
    .orderBy(desc(F.filledAt))
    .limit(1);
  const today = shanghaiDay(now);
  const reasons = safetyReasons(
    judgeFill({ stationId: c.stationId, type: c.type, status: c.status, nextInspectionOn: c.nextInspectionOn, scrapOn: c.scrapOn, lost: c.lostAt !== null, voided: c.voidedAt !== null }, { id: c.stationId }, today),
  );
  return {
    code: c.code,
    enterpriseName: c.enterpriseName,
    stationName: c.stationName,
    type: c.type as CylinderType,
    spec: c.spec,
    nominalFillKg: c.nominalFillKg,
    manufacturedOn: c.manufacturedOn,
    lastFill: lastFill ? { at: lastFill.at.toISOString(), stationName: lastFill.stationName } : null,
    nextInspectionOn: c.nextInspectionOn,
    scrapOn: c.scrapOn,
    safe: reasons.length === 0,
    reasons,
    checkedOn: today,
  };
}
