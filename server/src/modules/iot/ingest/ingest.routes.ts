import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_TELEMETRY_BYTES } from "@contracts/iot/devices";
import { AppError } from "../../../platform/errors.js";
import { secretMatches } from "./device-message.pipeline.js";
import type { IotRuntime } from "../iot.runtime.js";

const tags = ["iot: device ingest"];
const Params = z.object({ deviceCode: z.string().min(1).max(64) });
const Accepted = z.object({ accepted: z.number().int() });

/**
 * HTTP ingest for devices that cannot speak MQTT: `POST /ingest/{deviceCode}/telemetry` (and `/events`) with
 * `Authorization: Bearer <device secret>` and the same body as the MQTT telemetry topic. It answers
 * once the readings are stored (202), so a device that got 202 may forget them.
 */
export const ingestRoutes: FastifyPluginAsyncZod<{ runtime: IotRuntime }> = async (app, { runtime }) => {
  for (const kind of ["telemetry", "events"] as const) {
    app.post(
      `/ingest/:deviceCode/${kind}`,
      {
        config: { public: true },
        bodyLimit: 4 * MAX_TELEMETRY_BYTES,
        schema: { tags, params: Params, body: z.unknown(), response: { 202: Accepted }, security: [{ bearer: [] }] },
      },
      async (req, reply) => {
        const device = await runtime.devices.get(req.params.deviceCode);
        const secret = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
        if (!device || !secretMatches(device, secret)) {
          if (device) runtime.router.countRefusal(device, "bad_credentials", "wrong secret (HTTP)");
          throw new AppError("UNAUTHENTICATED", "设备编号或密钥错误 (unknown device or wrong secret)");
        }
        if (Number(req.headers["content-length"] ?? 0) > MAX_TELEMETRY_BYTES) {
          runtime.router.countRefusal(device, "oversized", "payload too large (HTTP)");
          throw new AppError("PAYLOAD_TOO_LARGE", `报文超过 ${MAX_TELEMETRY_BYTES} 字节 (payload over ${MAX_TELEMETRY_BYTES} bytes)`);
        }
        const outcome = await runtime.router.handle(device.code, kind, req.body);
        if (!outcome.ok) {
          if (outcome.reason === "disabled") throw new AppError("FORBIDDEN", "设备已停用 (device is disabled)");
          throw new AppError("VALIDATION", `${outcome.path ? `${outcome.path}: ` : ""}${outcome.message}`, {
            reason: outcome.reason,
            path: outcome.path ?? "",
            issues: [{ path: outcome.path ?? "", message: outcome.message, code: outcome.reason }],
          });
        }
        return reply.code(202).send({ accepted: outcome.readings });
      },
    );
  }
};
