import { eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type FillCheckDto, type FillCheckInput } from "@contracts/gas/cylinder-check";
import { shanghaiDay } from "@contracts/platform/time";
import { isCityWide, requirePermission } from "../../../platform/auth/actor.js";
import { Batcher } from "../../../platform/batch/batcher.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Db, Executor } from "../../../platform/db/client.js";
import { PreparedCache } from "../../../platform/db/prepared.js";
import { AppError } from "../../../platform/errors.js";
import { gasCylinders as C, gasFillChecks, gasStations as S } from "./schema.js";
import { judgeFill } from "./fill-check.checks.js";

/**
 * The scale's one read: the station by code and the cylinder by code (both unique-indexed) in ONE prepared
 * statement, a left join so an unknown cylinder still answers the station.
 */
function prepareLookup(db: Executor) {
  return db
    .select({
      stationId: S.id,
      stationEnterpriseId: S.enterpriseId,
      cylinderId: C.id,
      ownerStationId: C.stationId,
      ownerEnterpriseId: C.enterpriseId,
      type: C.type,
      status: C.status,
      nextInspectionOn: C.nextInspectionOn,
      scrapOn: C.scrapOn,
      lost: sql<boolean>`${C.lostAt} is not null`,
      voided: sql<boolean>`${C.voidedAt} is not null`,
    })
    .from(S)
    .leftJoin(C, eq(C.code, sql.placeholder("cylinderCode")))
    .where(eq(S.code, sql.placeholder("stationCode")))
    .prepare("gas_fill_check_lookup");
}

const lookups = new PreparedCache<ReturnType<typeof prepareLookup>>();

export interface FillCheckRecord {
  at: Date;
  stationId: string;
  stationCode: string;
  cylinderId: string | null;
  cylinderCode: string;
  allowed: boolean;
  reasons: string[];
}

/**
 * Answers a pre-fill check. The record of it goes to `log` (batched, off the answer path).
 * @throws AppError NOT_FOUND naming the station code when it is unknown or belongs to another gas company.
 */
export async function checkFill(ctx: ServiceContext, input: FillCheckInput, log: FillCheckLog): Promise<FillCheckDto> {
  requirePermission(ctx.actor, "gas.manage");
  const now = ctx.clock.now();
  const [row] = await lookups.get(ctx.db, "one", () => prepareLookup(ctx.db)).execute(input);
  const foreign = row && !isCityWide(ctx.actor) && row.stationEnterpriseId !== ctx.actor.enterpriseId;
  if (!row || foreign) throw new AppError("NOT_FOUND", `充装站 ${input.stationCode} 不存在 (station ${input.stationCode} not found)`, { stationCode: input.stationCode });
  const cylinder =
    row.cylinderId === null
      ? null
      : { stationId: row.ownerStationId!, enterpriseId: row.ownerEnterpriseId!, type: row.type!, status: row.status!, nextInspectionOn: row.nextInspectionOn!, scrapOn: row.scrapOn!, lost: row.lost, voided: row.voided };
  const reasons = judgeFill(cylinder, { id: row.stationId, enterpriseId: row.stationEnterpriseId }, shanghaiDay(now));
  log.record({ at: now, stationId: row.stationId, stationCode: input.stationCode, cylinderId: row.cylinderId, cylinderCode: input.cylinderCode, allowed: reasons.length === 0, reasons: reasons.map((r) => r.code) });
  return { allowed: reasons.length === 0, reasons };
}

/**
 * Every check is kept (the regulator's record of each lock and release), written in multi-row INSERTs of up
 * to 500 rows or every 200 ms, whichever comes first; the answer never waits for it. On close the buffer is
 * flushed. A failing batch is retried by the Batcher; nothing is dropped while the process lives.
 */
export class FillCheckLog {
  private readonly batcher: Batcher<FillCheckRecord>;

  constructor(db: Db, log: FastifyBaseLogger, opts: { maxRows?: number; maxDelayMs?: number } = {}) {
    this.batcher = new Batcher<FillCheckRecord>({
      name: "fill-check log batch",
      maxWeight: opts.maxRows ?? 500,
      maxDelayMs: opts.maxDelayMs ?? 200,
      maxConcurrent: 2,
      log,
      write: async (rows) => {
        await db.insert(gasFillChecks).values(rows);
      },
    });
  }

  record(r: FillCheckRecord): void {
    // Not awaited: the scale has its answer already; the Batcher retries a failed write.
    this.batcher.submit(r).catch(() => undefined);
  }

  /** Writes everything buffered (tests, shutdown). */
  flush(): Promise<void> {
    return this.batcher.drain();
  }

  close(): Promise<void> {
    return this.batcher.close();
  }
}
