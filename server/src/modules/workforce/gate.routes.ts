import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files/store.js";
import type { IotRuntime } from "../iot/index.js";
import { authenticateGate, type GateDevice } from "./gate.auth.js";
import { gateRoster, rosterVersion } from "./roster.sweeps.js";
import { workforceWorkers } from "./schema.js";

const tags = ["workforce: gate integrations"];
const Params = z.object({ gateCode: z.string().min(1).max(64) });
const PhotoParams = Params.extend({ workerNo: z.string().min(1).max(32) });
const Query = z.object({ token: z.string().max(200).optional() });

const RosterEntryDto = z.object({
  workerNo: z.string(),
  name: z.string(),
  idNumber: z.string(),
  /** Where the gate downloads the enrolment photo (same credentials); absent when there is none. */
  photoUrl: z.string().optional(),
  status: z.string(),
});

function onlyGates(gate: GateDevice): asserts gate is GateDevice & { projectId: string } {
  // A gate always stands on a site; only devices that move about (the gas vehicle) have no project.
  if (gate.type !== "gate" || gate.projectId === null) throw new AppError("FORBIDDEN", "只有闸机可以下载花名册 (only gates fetch the roster)");
}

/**
 * The gates' roster pull, authenticated like the Hikvision push (Basic, Bearer, Digest or `?token=`):
 * `GET /integrations/gates/{gateCode}/roster` answers who the gate must recognise, with the full ID
 * number (the gate compares ID cards), and `X-Roster-Version` — the `version` of the `gate.sync` command.
 * Enrolment photos come from `…/roster/{workerNo}/photo`, for people on that gate's roster only.
 */
export const gateRoutes: FastifyPluginAsyncZod<{ runtime: IotRuntime; files: FileStore; db: Db }> = async (app, { runtime, files, db }) => {
  app.get(
    "/integrations/gates/:gateCode/roster",
    { config: { public: true }, schema: { tags, params: Params, querystring: Query, response: { 200: z.array(RosterEntryDto) } } },
    async (req, reply) => {
      const gate = await authenticateGate(runtime, req, reply);
      onlyGates(gate);
      const roster = await gateRoster(db, gate.projectId);
      const base = `/api/v1/integrations/gates/${encodeURIComponent(gate.code)}/roster`;
      reply.header("x-roster-version", rosterVersion(roster)).header("cache-control", "no-store");
      return roster.map(({ hasPhoto, ...r }) => (hasPhoto ? { ...r, photoUrl: `${base}/${encodeURIComponent(r.workerNo)}/photo` } : r));
    },
  );

  app.get(
    "/integrations/gates/:gateCode/roster/:workerNo/photo",
    { config: { public: true }, schema: { tags, params: PhotoParams, querystring: Query } },
    async (req, reply) => {
      const gate = await authenticateGate(runtime, req, reply);
      onlyGates(gate);
      const [w] = await db
        .select({ photoPath: workforceWorkers.photoPath })
        .from(workforceWorkers)
        .where(
          and(
            eq(workforceWorkers.workerNo, req.params.workerNo),
            eq(workforceWorkers.projectId, gate.projectId),
            inArray(workforceWorkers.status, ["entered", "on_site"]),
            isNotNull(workforceWorkers.photoPath),
          ),
        );
      if (!w?.photoPath) throw notFound("photo", req.params.workerNo);
      const photo = await files.read(w.photoPath);
      return reply.header("content-type", photo.type).header("cache-control", "no-store").send(photo.bytes);
    },
  );
};
