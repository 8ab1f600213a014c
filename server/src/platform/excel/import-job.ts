import type { ServiceContext } from "../context.js";
import type { Tx } from "../db/client.js";
import { invalidField } from "../errors.js";
import { recordAudit } from "../audit/audit.js";
import { startJob } from "../jobs/jobs.js";
import { assertNoRowErrors, type RowError } from "./excel.js";

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for our widest sheet. */
const IMPORT_CHUNK = 500;

export interface ImportSpec<R> {
  /** `registry.person` → job kind `registry.person.import`, audit action and event `registry.person.imported`. */
  kind: string;
  /** Audit entity, e.g. `person`. */
  entity: string;
  /** Reads and checks the whole sheet: every problem of every row, nothing written yet. */
  parse(buffer: Buffer): Promise<{ rows: R[]; errors: RowError[] }>;
  /** Inserts one chunk inside the import's transaction; throws (rolling everything back) on a conflict. */
  insertChunk(tx: Tx, rows: R[]): Promise<number>;
}

/**
 * The one import mechanism: reads the upload, answers a job id at once, and in the job parses the
 * sheet, refuses it whole if any row is bad (every bad row listed), otherwise inserts all rows in one
 * transaction, in chunks, with progress and one audit entry; the event follows the commit.
 * Callers check the import permission before calling, so a refused user's upload is never read.
 */
export async function startImport<R>(ctx: ServiceContext, upload: () => Promise<Buffer>, spec: ImportSpec<R>): Promise<{ jobId: string }> {
  const buffer = await upload();
  const jobId = await startJob(ctx.db, ctx.log, ctx.actor, `${spec.kind}.import`, async (progress) => {
    const { rows, errors } = await spec.parse(buffer);
    assertNoRowErrors(errors);
    if (rows.length === 0) throw invalidField("file", "表格中没有数据行 (the sheet has no data rows)");
    await progress.setTotal(rows.length);
    const imported = await ctx.db.transaction(async (tx) => {
      let done = 0;
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        done += await spec.insertChunk(tx, rows.slice(i, i + IMPORT_CHUNK));
        // Not awaited: on PGlite, a write outside the open transaction waits until it commits.
        void progress.advance(done).catch(() => undefined);
      }
      await recordAudit(tx, ctx, { action: `${spec.kind}.imported`, entity: spec.entity, after: { imported: done } });
      return done;
    });
    ctx.events.publish(`${spec.kind}.imported`, { count: imported });
    return { imported };
  });
  return { jobId };
}
