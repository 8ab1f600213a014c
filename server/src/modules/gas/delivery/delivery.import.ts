import { MAX_DELIVERY_BATCH, type DeliveryBatchResultDto } from "@contracts/gas/delivery";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import { assertNoRowErrors, type RowError } from "../../../platform/excel/excel.js";
import { invalidField } from "../../../platform/errors.js";
import { applyDeliveries, toPlanRecord } from "./delivery.service.js";
import { deliveryHeader, readDeliverySheet } from "./delivery.sheet.js";
import { gasEnterpriseOf } from "../shared/index.js";

/**
 * The xlsx upload of delivery scans: the same batch as `POST /gas/deliveries` (≤ 5,000 rows), answered at
 * once. The sheet is refused whole when any row is bad, every bad row named by its sheet row and column;
 * shape errors and chain errors (status machine, unknown cylinder or station) are listed together.
 * @throws AppError FORBIDDEN without gas.manage (before the upload is read); VALIDATION with `rows.<n>.<column>`.
 */
export async function importDeliveries(ctx: ServiceContext, upload: () => Promise<Buffer>, requestedEnterpriseId?: string): Promise<DeliveryBatchResultDto> {
  requirePermission(ctx.actor, "gas.manage");
  const enterpriseId = gasEnterpriseOf(ctx.actor, requestedEnterpriseId);
  const { rows, errors } = await readDeliverySheet(await upload(), MAX_DELIVERY_BATCH);
  if (rows.length === 0 && errors.length === 0) throw invalidField("file", "表格中没有数据行 (the sheet has no data rows)");
  // Rows of the right shape are still planned, so one upload reports every problem at once.
  const records = rows.map((r) => toPlanRecord(r, r.rowNumber));
  const { result, issues } = records.length ? await applyDeliveries(ctx, enterpriseId, records, "xlsx", errors.length > 0) : { result: null, issues: [] };
  const all: RowError[] = [...errors, ...issues.map((i) => ({ row: i.index, column: deliveryHeader(i.field), message: i.message }))].sort((a, b) => a.row - b.row);
  assertNoRowErrors(all);
  return result!;
}
