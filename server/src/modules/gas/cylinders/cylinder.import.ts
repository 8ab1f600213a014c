import { and, inArray } from "drizzle-orm";
import { FileCylinderInput } from "@contracts/gas/cylinder";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import { isUniqueViolation } from "../../../platform/db/pg-errors.js";
import { readSheet, repeatedKeyErrors, validateRows, type RowError } from "../../../platform/excel/excel.js";
import { startImport } from "../../../platform/excel/import-job.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { gasCylinderEvents as V, gasCylinders as C, gasStations as S } from "./schema.js";
import { filedRow, filingProblems } from "./cylinder.checks.js";
import { cylinderLifeRule } from "./cylinder.rules.js";
import { codeTaken } from "./cylinder.service.js";
import { CYLINDER_IMPORT_COLUMNS, sheetType } from "./cylinder.sheet.js";
import { gasScope } from "../shared/index.js";

const MAX_ROWS = 20_000;
const header = (key: string) => CYLINDER_IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;
const text = (v: string | number | null) => (v === null ? undefined : String(v));

type Row = ReturnType<typeof filedRow>;

/**
 * 批量建档 from an .xlsx: all or nothing, every bad row listed (shape, dual-phase, liquid-phase size, dates,
 * a station not the company's, a code repeated in the sheet or already taken — voided codes too).
 */
export async function importCylinders(ctx: ServiceContext, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "gas.manage");
  return startImport<Row>(ctx, upload, {
    kind: "gas.cylinder",
    entity: "gas_cylinder",
    async parse(buffer) {
      const sheet = await readSheet(buffer, CYLINDER_IMPORT_COLUMNS, MAX_ROWS);
      const stationCodes = [...new Set(sheet.flatMap((r) => (r.values.stationCode === null ? [] : [String(r.values.stationCode)])))];
      const stations = new Map(
        stationCodes.length === 0 ? [] : (await ctx.db.select().from(S).where(and(inArray(S.code, stationCodes), gasScope(ctx.actor, S.enterpriseId)))).map((s) => [s.code, s]),
      );
      const { inputs, errors } = validateRows(
        sheet,
        FileCylinderInput,
        (v) => ({
          code: text(v.code),
          // A placeholder id keeps the zod shape; the station is resolved by code below.
          stationId: "00000000-0000-4000-8000-000000000000",
          type: sheetType(v.type),
          spec: text(v.spec),
          nominalFillKg: v.nominalFillKg === null ? undefined : Number(v.nominalFillKg),
          maker: text(v.maker),
          serialNo: text(v.serialNo),
          manufacturedOn: text(v.manufacturedOn),
          lastInspectedOn: text(v.lastInspectedOn) ?? null,
        }),
        header,
      );
      const stationCodeOf = new Map(sheet.map((r) => [r.rowNumber, r.values.stationCode === null ? null : String(r.values.stationCode)]));
      const today = shanghaiDay(ctx.clock.now());
      const rule = (await ruleInForce(ctx.db, cylinderLifeRule, ctx.region, today)).value;
      const repeated = repeatedKeyErrors(inputs, (i) => i.code, header("code"));
      errors.push(...repeated.errors);
      const codes = inputs.map((i) => i.input.code);
      const taken = new Set(codes.length === 0 ? [] : (await ctx.db.select({ code: C.code }).from(C).where(inArray(C.code, codes))).map((c) => c.code));
      const rows: Row[] = [];
      for (const { rowNumber, input } of inputs) {
        const rowErrors: RowError[] = [];
        const station = stations.get(stationCodeOf.get(rowNumber) ?? "");
        if (!station) rowErrors.push({ row: rowNumber, column: header("stationCode"), message: "不是本企业的站点 (not a station of this gas company)" });
        if (taken.has(input.code)) rowErrors.push({ row: rowNumber, column: header("code"), message: codeTaken(input.code).message });
        for (const p of filingProblems(input, rule, today)) rowErrors.push({ row: rowNumber, column: header(p.field), message: p.message });
        errors.push(...rowErrors);
        if (station && rowErrors.length === 0) rows.push(filedRow(input, { enterpriseId: station.enterpriseId, stationId: station.id }, rule));
      }
      return { rows, errors: errors.sort((a, b) => a.row - b.row) };
    },
    async insertChunk(tx, rows) {
      try {
        const inserted = await tx.insert(C).values(rows).returning({ id: C.id, stationId: C.stationId });
        const at = new Date();
        await tx.insert(V).values(inserted.map((c) => ({ cylinderId: c.id, at, action: "file", toStatus: "filed", stationId: c.stationId, actorId: ctx.actor.userId, note: "批量建档 (bulk filing)" })));
        return inserted.length;
      } catch (err) {
        // A code filed by someone else while the sheet was being checked.
        if (isUniqueViolation(err)) throw codeTaken("(one of the sheet's codes)");
        throw err;
      }
    },
  });
}
