import { and, eq } from "drizzle-orm";
import { DANGEROUS_WORK_STATE_LABELS as L, WORK_FILE_KIND_LABELS, type DangerousWorkState, type WorkFileDto, type WorkFileKind } from "@contracts/safety/dangerous-works";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { Upload } from "../../platform/http/upload.js";
import { projectScope } from "../registry/index.js";
import { findWork, toFileDto } from "./dangerous-work.queries.js";
import { addEvent, lockWork } from "./dangerous-work.service.js";
import { safetyDangerousWorkFiles as F, safetyDangerousWorks as W } from "./schema.js";

/** Where the documents of 危大 works live in the FileStore. */
const STORE_KIND = "dangerous-works";

/**
 * The scheme document may be filed while the scheme is still the contractor's to change: once the general
 * contractor has signed a revision, changing its document would change what the supervisor and experts
 * reviewed — a changed scheme is a new revision (PUT the work), whose document is then filed anew.
 */
const SCHEME_STATES: readonly DangerousWorkState[] = ["identified", "scheme_drafting", "enterprise_review"];

/** A display name: no directories, no control characters, at most 120 characters; never used as a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(-120);
  return clean || "file";
}

function refuse(message: string, path: string): AppError {
  return new AppError("PRECONDITION_FAILED", message, { issues: [{ path, message }] });
}

function assertMayFile(state: DangerousWorkState, kind: WorkFileKind): void {
  if (state === "closed") throw refuse("已归档的危大工程不能再补充资料 (the work is archived)", "state");
  if (kind === "scheme" && !SCHEME_STATES.includes(state)) {
    throw refuse(
      `「${L[state].zh}」阶段不能更换专项施工方案；方案变更请修改工程参数，形成新版本后重新审核 (the scheme can change only as a new revision)`,
      "kind",
    );
  }
}

/**
 * Files a document with a work at its current revision. The type is judged by the first bytes (PDF, JPEG, PNG;
 * ≤ 20 MB) before anything is written; the work's stage is checked before and again under the row lock.
 * Filing a new scheme document voids the drafting subcontractor's signature of that revision (it signed the
 * old one).
 * @throws AppError FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED naming `state` or `kind`; VALIDATION naming `file`.
 */
export async function fileWorkDocument(ctx: ServiceContext, id: string, kind: WorkFileKind, upload: Upload): Promise<WorkFileDto> {
  requirePermission(ctx.actor, "safety.manage");
  assertMayFile((await findWork(ctx.db, ctx.actor, id)).state, kind);
  const stored = await ctx.files.saveDocument(STORE_KIND, upload.bytes, "file");
  const row = await ctx.db.transaction(async (tx) => {
    const work = await lockWork(tx, ctx, id);
    assertMayFile(work.state as DangerousWorkState, kind);
    const fileName = cleanFileName(upload.fileName);
    const [f] = await tx
      .insert(F)
      .values({ workId: id, kind, revision: work.revision, fileName, ...stored, uploadedById: ctx.actor.userId, uploadedBy: ctx.actor.displayName })
      .returning();
    if (kind === "scheme" && work.drafterSignedRevision === work.revision) await tx.update(W).set({ drafterSignedRevision: null }).where(eq(W.id, id));
    await addEvent(tx, ctx, id, {
      action: "file_uploaded",
      from: work.state,
      to: work.state,
      note: `${WORK_FILE_KIND_LABELS[kind].zh}：${fileName}`,
      data: { fileId: f.id, kind, fileName, revision: work.revision, sha256: stored.sha256 },
    });
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.file_uploaded", entity: "dangerous_work", entityId: id, after: f });
    return f;
  });
  ctx.events.publish("safety.dangerous_work.file_uploaded", { workId: id, fileId: row.id, kind });
  return toFileDto(row);
}

/** A filed document of a work the caller may see, with its name and type. @throws AppError NOT_FOUND. */
export async function readWorkDocument(ctx: ServiceContext, id: string, fileId: string): Promise<{ bytes: Buffer; file: WorkFileDto }> {
  requirePermission(ctx.actor, "safety.read");
  const [row] = await ctx.db
    .select({ f: F })
    .from(F)
    .innerJoin(W, eq(W.id, F.workId))
    .where(and(eq(F.id, fileId), eq(F.workId, id), projectScope(ctx.actor, W.projectId)));
  if (!row) throw notFound("file", fileId);
  const { bytes } = await ctx.files.read(row.f.path).catch(() => {
    throw notFound("file", fileId);
  });
  return { bytes, file: toFileDto(row.f) };
}
