import type { FastifyBaseLogger, FastifyPluginAsync } from "fastify";
import type { Db } from "../../platform/db/client.js";
import { imageTypeOf, MAX_IMAGE_BYTES, type FileStore } from "../../platform/files/store.js";
import type { IotRuntime } from "../iot/index.js";
import { parseAccessEvent } from "./access.parse.js";
import { AccessPipeline } from "./access.pipeline.js";

export interface WorkforceDeps {
  runtime: IotRuntime;
  access: AccessPipeline;
  files: FileStore;
}

/**
 * Workforce (建筑人员管理): real-name workers, teams, training, blacklist, gate attendance, key
 * personnel presence and wages. Gates are IoT devices: their `access` events come through the IoT
 * runtime (MQTT or HTTP) or the Hikvision push, and refusals raise alarms through the IoT alarm machinery.
 */
export const workforcePlugin: FastifyPluginAsync<WorkforceDeps> = async () => undefined;

/**
 * Takes the gates' `access` events from the IoT runtime (every process that ingests: `npm start` and
 * `npm run ingest`) and returns the pipeline that stores them.
 */
export function attachWorkforce(runtime: IotRuntime, deps: { db: Db; files: FileStore; log: FastifyBaseLogger }): AccessPipeline {
  const access = new AccessPipeline({ ...deps, raiseAlarms: (v) => runtime.raiseAlarms(v) });
  runtime.handleDeviceEvents("access", async (device, event) => {
    if (device.type !== "gate") return { ok: false, reason: "bad_shape", path: "type", message: "access events come from gates (闸机) only" };
    const parsed = parseAccessEvent(event);
    if (!parsed.ok) return parsed;
    const photo = parsed.input.photo;
    if (photo && (photo.length > MAX_IMAGE_BYTES || !imageTypeOf(photo))) return { ok: false, reason: "bad_shape", path: "photo", message: "photo must be a base64 JPEG or PNG up to 2 MB" };
    await access.submit(device, parsed.input);
    return { ok: true };
  });
  runtime.onClose(() => access.close());
  return access;
}

export type { AccessPipeline } from "./access.pipeline.js";
export * from "./schema.js";
