import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RejectReason } from "@contracts/iot/devices";
import { AppError } from "../../platform/errors.js";
import { MAX_IMAGE_BYTES } from "../../platform/files/store.js";
import type { IotRuntime } from "../iot/index.js";
import type { AccessPipeline } from "./access.pipeline.js";
import { authenticateGate, type GateDevice } from "./gate.auth.js";
import { hikvisionOk, parseHikvisionEvent } from "./hikvision.parse.js";

const tags = ["workforce: gate integrations"];
/** The event JSON alone is a few KiB; the picture comes as its own multipart part. */
const MAX_EVENT_BYTES = 256 * 1024;
/** Part names firmware uses for the event JSON (`event_log` on face terminals, the event name on some others). */
const EVENT_PARTS = new Set(["event_log", "AccessControllerEvent", "EventNotificationAlert"]);

const Params = z.object({ gateCode: z.string().min(1).max(64) });
const Query = z.object({
  /** For terminals that can do neither Basic nor Digest: the gate's secret in the push URL. */
  token: z.string().max(200).optional(),
  /** Entry or exit terminal: the direction of events that carry no attendance status. */
  direction: z.enum(["in", "out"]).optional(),
});
const ResponseStatus = z.object({ requestURL: z.string(), statusCode: z.number(), statusString: z.string(), subStatusCode: z.string() });

class Refusal extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /integrations/hikvision/{gateCode}/events`: the HTTP push ("HTTP listening" / 事件上传) of Hikvision
 * face terminals, authenticated with the gate's code and secret. The body is the event JSON, or multipart
 * with the JSON in `event_log` and the snapshot as an image part. Passages go to the access pipeline;
 * heartbeats and other events are acknowledged and dropped; a malformed push is 400 naming the field and
 * counted on the gate. Answers 200 with an ISAPI ResponseStatus once the passage is stored.
 */
export const hikvisionRoutes: FastifyPluginAsyncZod<{ runtime: IotRuntime; access: AccessPipeline }> = async (app, { runtime, access }) => {
  // Bodies stay raw in this scope, so that unreadable JSON is refused on the gate's count like any other bad push.
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(["application/json", "text/plain"], { parseAs: "buffer", bodyLimit: MAX_EVENT_BYTES }, (_req, body, done) => done(null, body));

  app.post(
    "/integrations/hikvision/:gateCode/events",
    { config: { public: true }, schema: { tags, params: Params, querystring: Query, response: { 200: ResponseStatus } } },
    async (req, reply) => {
      const gate = await authenticateGate(runtime, req, reply);
      try {
        if (gate.type !== "gate" || gate.projectId === null) throw new Refusal("bad_shape", "", "access events come from gates (闸机) only");
        const { body, photo } = req.isMultipart() ? await readMultipart(req) : { body: readJson(req.body, ""), photo: null };
        const parsed = parseHikvisionEvent(body, { defaultDirection: req.query.direction ?? "in", photo });
        if (parsed.kind === "refused") throw new Refusal(parsed.reason, parsed.path, parsed.message);
        if (parsed.kind === "access") await access.submit({ id: gate.id, projectId: gate.projectId }, parsed.input);
        else if (parsed.eventType === "heartBeat") await runtime.pipeline.touch(gate.id, Date.now());
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        throw refused(runtime, gate, err);
      }
      return reply.code(200).send(hikvisionOk(req.url.split("?")[0]));
    },
  );
};

function refused(runtime: IotRuntime, gate: GateDevice, r: Refusal): AppError {
  runtime.router.countRefusal(gate, r.reason, `Hikvision push: ${r.path ? `${r.path}: ` : ""}${r.message}`);
  return new AppError("VALIDATION", `${r.path ? `${r.path}: ` : ""}${r.message}`, {
    reason: r.reason,
    path: r.path,
    issues: [{ path: r.path, message: r.message, code: r.reason }],
  });
}

function readJson(raw: unknown, part: string): unknown {
  const text = Buffer.isBuffer(raw) ? raw.toString("utf8") : typeof raw === "string" ? raw : "";
  if (text.trim() === "") throw new Refusal("bad_shape", part, "the event JSON is missing");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Refusal("bad_json", part, "the event is not valid JSON");
  }
}

/** The event JSON (field or file part) and the first image part. */
async function readMultipart(req: FastifyRequest): Promise<{ body: unknown; photo: Buffer | null }> {
  // A field part sent as application/json arrives parsed already; a file part or a text field as bytes.
  let event: unknown = null;
  let photo: Buffer | null = null;
  try {
    for await (const part of req.parts({ limits: { files: 4, fields: 10, fileSize: MAX_IMAGE_BYTES, fieldSize: MAX_EVENT_BYTES } })) {
      if (part.type === "field") {
        if (EVENT_PARTS.has(part.fieldname)) event = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (EVENT_PARTS.has(part.fieldname) || part.mimetype.includes("json")) event = bytes;
      else if (part.mimetype.startsWith("image/")) photo ??= bytes;
    }
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw new Refusal("oversized", "Picture", `the picture is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) throw new Refusal("oversized", "", "too many or too large multipart parts");
    if (status >= 400 && status < 500) throw new Refusal("bad_shape", "", `unreadable multipart body: ${(err as Error).message}`);
    throw err;
  }
  if (event === null) throw new Refusal("bad_shape", "event_log", "the multipart push has no event_log part");
  return { body: typeof event === "string" || Buffer.isBuffer(event) ? readJson(event, "event_log") : event, photo };
}
