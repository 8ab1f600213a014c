import { and, eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { JobDto } from "@contracts/platform/common";
import type { Actor } from "../context.js";
import type { Db } from "../db/client.js";
import { AppError, notFound } from "../errors.js";
import { platformJobs } from "./schema.js";

export interface JobProgress {
  setTotal(total: number): Promise<void>;
  /** Records progress; writes at most every PROGRESS_EVERY_MS to keep the hot loop cheap. */
  advance(done: number): Promise<void>;
}

const PROGRESS_EVERY_MS = 250;

/**
 * Starts long work in the background and returns its job id at once; the job row carries progress,
 * the result or the error, so any process can answer `GET /jobs/:id`.
 */
export async function startJob(
  db: Db,
  log: FastifyBaseLogger,
  owner: Actor,
  kind: string,
  work: (progress: JobProgress) => Promise<unknown>,
): Promise<string> {
  const [job] = await db.insert(platformJobs).values({ kind, ownerId: owner.userId }).returning({ id: platformJobs.id });
  let lastWrite = 0;
  const progress: JobProgress = {
    setTotal: async (total) => {
      await db.update(platformJobs).set({ total }).where(eq(platformJobs.id, job.id));
    },
    advance: async (done) => {
      if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = Date.now();
      await db.update(platformJobs).set({ done }).where(eq(platformJobs.id, job.id));
    },
  };
  void (async () => {
    try {
      const result = await work(progress);
      await db
        .update(platformJobs)
        .set({ status: "succeeded", result: result ?? null, finishedAt: new Date() })
        .where(eq(platformJobs.id, job.id));
    } catch (err) {
      const error = err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: "INTERNAL", message: "Internal error" };
      if (!(err instanceof AppError)) log.error({ err, jobId: job.id }, "job failed");
      await db.update(platformJobs).set({ status: "failed", error, finishedAt: new Date() }).where(eq(platformJobs.id, job.id));
    }
  })();
  return job.id;
}

/** A job is visible to the user who started it (and to admins). */
export async function getJob(db: Db, actor: Actor, id: string): Promise<JobDto> {
  const where = actor.role === "admin" ? eq(platformJobs.id, id) : and(eq(platformJobs.id, id), eq(platformJobs.ownerId, actor.userId ?? id));
  const [row] = await db.select().from(platformJobs).where(where);
  if (!row) throw notFound("job", id);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobDto["status"],
    total: row.total,
    done: row.status === "succeeded" ? row.total : row.done,
    result: row.result ?? null,
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
