import type { FastifyPluginAsync } from "fastify";
import type { ServiceContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { imageTypeOf, MAX_IMAGE_BYTES, type FileStore } from "../../platform/files/store.js";
import type { IotRuntime } from "../iot/index.js";
import { parseAccessEvent } from "./access.parse.js";
import { AccessPipeline } from "./access.pipeline.js";
import { attendanceRoutes } from "./attendance.routes.js";
import { hikvisionRoutes } from "./hikvision.routes.js";
import { blacklistRoutes } from "./blacklist.routes.js";
import { teamRoutes } from "./team.routes.js";
import { trainingRoutes } from "./training.routes.js";
import { workerRoutes } from "./worker.routes.js";
import { presenceRoutes } from "./presence.routes.js";
import { wageRoutes } from "./wage.routes.js";
import { gateRoutes } from "./gate.routes.js";
import { cityAttendanceRoutes } from "./attendance-city.routes.js";
import { KEY_POST_PRESENCE } from "./presence.rules.js";
import { startRosterPush } from "./roster.sweeps.js";
import type { RuleDefinition } from "../../platform/rules/rules.js";

export interface WorkforceDeps {
  runtime: IotRuntime;
  access: AccessPipeline;
  files: FileStore;
  /** For the gates' own (device-authenticated) routes, which have no user context. */
  db: Db;
  /** The roster push listens on it for roster changes. */
  events: EventBus;
}

/**
 * Workforce (建筑人员管理): real-name workers, teams, training, blacklist, gate attendance, key
 * personnel presence and wages. Gates are IoT devices: their `access` events come through the IoT
 * runtime (MQTT or HTTP) or the Hikvision push, and refusals raise alarms through the IoT alarm machinery.
 */
export const workforcePlugin: FastifyPluginAsync<WorkforceDeps> = async (app, { files, runtime, access, db, events }) => {
  await app.register(workerRoutes);
  await app.register(teamRoutes);
  await app.register(trainingRoutes);
  await app.register(blacklistRoutes);
  await app.register(presenceRoutes);
  await app.register(wageRoutes);
  await app.register(attendanceRoutes);
  await app.register(cityAttendanceRoutes);
  await app.register(hikvisionRoutes, { runtime, access });
  await app.register(gateRoutes, { runtime, files, db });
  // The module's background work, all of it started here: roster changes reach the project's gates as one
  // debounced gate.sync command.
  const roster = startRosterPush(events, { db, kick: () => runtime.kickCommands(), log: app.log });
  app.addHook("onClose", () => roster.close());
};

/**
 * Takes the gates' `access` events from the IoT runtime (every process that ingests: `npm start` and
 * `npm run ingest`) and returns the pipeline that stores them.
 */
export function attachWorkforce(runtime: IotRuntime, ctx: Pick<ServiceContext, "db" | "files" | "log">): AccessPipeline {
  const access = new AccessPipeline({ db: ctx.db, files: ctx.files, log: ctx.log, raiseAlarms: (v) => runtime.raiseAlarms(v) });
  runtime.handleDeviceEvents("access", async (device, event) => {
    if (device.type !== "gate" || device.projectId === null) return { ok: false, reason: "bad_shape", path: "type", message: "access events come from gates (闸机) only" };
    const parsed = parseAccessEvent(event);
    if (!parsed.ok) return parsed;
    const photo = parsed.input.photo;
    if (photo && (photo.length > MAX_IMAGE_BYTES || !imageTypeOf(photo))) return { ok: false, reason: "bad_shape", path: "photo", message: "photo must be a base64 JPEG or PNG up to 2 MB" };
    await access.submit({ id: device.id, projectId: device.projectId }, parsed.input);
    return { ok: true };
  });
  runtime.onClose(() => access.close());
  return access;
}

export type { AccessPipeline } from "./access.pipeline.js";
export { allocateWorkerNos, ROSTER_CHANGED } from "./worker.service.js";
export { listArrears } from "./wage.queries.js";
export { cityAttendanceToday, onSiteBreakdown } from "./attendance-city.queries.js";
export { loadWorkforceRows, type WorkforceRows } from "./workforce.load.js";
export { EMPLOYER_ROLES } from "./team.service.js";
export { ACCOUNT_NAME_SUFFIX, latestOwedMonth } from "./wage.checks.js";

/** The thresholds workforce judges by, filed in the versioned rule table at start. */
export const workforceRuleDefinitions: RuleDefinition[] = [KEY_POST_PRESENCE as RuleDefinition];
export { keyPersonnelRiskFacts } from "./presence-risk.reads.js";
export { wageArrearsRiskFacts } from "./wage-risk.reads.js";
