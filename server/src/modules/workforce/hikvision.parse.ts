import type { RejectReason } from "@contracts/iot/devices";
import { isValidIdNumber } from "@contracts/registry/identifiers";
import { imageTypeOf, MAX_IMAGE_BYTES } from "../../platform/files/store.js";
import { parseAccessEvent, type AccessInput } from "./access.parse.js";

/**
 * The push of Hikvision face terminals (ISAPI "HTTP listening", `EventNotificationAlert` as JSON):
 *
 * {"ipAddress": "192.168.1.64", "dateTime": "2026-03-15T07:58:03+08:00", "eventType": "AccessControllerEvent",
 *  "AccessControllerEvent": {"majorEventType": 5, "subEventType": 75, "employeeNoString": "W000001234",
 *  "currentVerifyMode": "cardOrFace", "attendanceStatus": "checkIn", "serialNo": 1234, …}}
 *
 * Some firmware wraps it in `{"EventNotificationAlert": {…}}`; heartbeats (`eventType: "heartBeat"`) and
 * every event that is not an access-control verification are acknowledged and ignored.
 */
export type HikvisionParse =
  | { kind: "access"; input: AccessInput }
  | { kind: "ignored"; eventType: string }
  | { kind: "refused"; reason: RejectReason; path: string; message: string };

/** MAJOR_EVENT (0x5): the access-control "event" class; alarms (1), exceptions (2) and operations (3) are not passages. */
export const HIK_MAJOR_EVENT = 5;
/**
 * Minor types that are a verified passage of a known person: 0x01 valid card, 0x26 fingerprint matched,
 * 0x4b face authentication completed. The person is `employeeNoString`.
 */
export const HIK_PASS_MINORS: ReadonlySet<number> = new Set([1, 38, 75]);
/** 0x4c face authentication failed: a face the terminal does not know (陌生人) — an unknown-face access event. */
export const HIK_STRANGER_MINORS: ReadonlySet<number> = new Set([76]);

const ACE = "AccessControllerEvent";
const IN_STATUSES = new Set(["checkIn", "breakIn", "overtimeIn"]);
const OUT_STATUSES = new Set(["checkOut", "breakOut", "overtimeOut"]);
/** A terminal without attendance mode sends "undefined" (or nothing): the gate's configured direction applies. */
const NO_STATUS = new Set(["undefined", ""]);
/** ISO 8601 date-time with or without a zone; Hikvision sends `+08:00`, some firmware local time only. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})?$/;

const refuse = (reason: RejectReason, path: string, message: string): HikvisionParse => ({ kind: "refused", reason, path, message });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Where the shared access validation names a field, the Hikvision field it came from. */
const FIELD_OF: Record<string, string> = {
  workerNo: `${ACE}.employeeNoString`,
  idNumber: `${ACE}.employeeNoString`,
  ts: "dateTime",
  similarity: `${ACE}.similarity`,
  direction: `${ACE}.attendanceStatus`,
};

/**
 * Maps one pushed event to an access-pipeline input. `defaultDirection` is the terminal's (an entry or an
 * exit terminal, from its push URL) for events without an attendance status; `photo` is the picture part.
 */
export function parseHikvisionEvent(body: unknown, opts: { defaultDirection: "in" | "out"; photo: Buffer | null; now?: number }): HikvisionParse {
  if (!isObject(body)) return refuse("bad_shape", "", "body must be a JSON object (EventNotificationAlert)");
  const alert = isObject(body.EventNotificationAlert) ? body.EventNotificationAlert : body;
  const eventType = typeof alert.eventType === "string" ? alert.eventType : null;
  if (eventType !== null && eventType !== ACE) return { kind: "ignored", eventType };
  const ace = alert[ACE];
  if (!isObject(ace)) {
    return eventType === ACE ? refuse("bad_shape", ACE, `${ACE} must be an object`) : { kind: "ignored", eventType: eventType ?? "unknown" };
  }

  const major = ace.majorEventType;
  const minor = ace.subEventType;
  if (!Number.isInteger(major)) return refuse("bad_shape", `${ACE}.majorEventType`, "majorEventType must be an integer");
  if (!Number.isInteger(minor)) return refuse("bad_shape", `${ACE}.subEventType`, "subEventType must be an integer");
  const stranger = major === HIK_MAJOR_EVENT && HIK_STRANGER_MINORS.has(minor as number);
  if (major !== HIK_MAJOR_EVENT || (!HIK_PASS_MINORS.has(minor as number) && !stranger)) return { kind: "ignored", eventType: `${ACE}/${String(major)}/${String(minor)}` };

  const employeeNo = employeeNoOf(ace);
  if (employeeNo === undefined) return refuse("bad_shape", `${ACE}.employeeNoString`, "employeeNoString must be a string");
  if (!stranger && employeeNo === null) return refuse("bad_shape", `${ACE}.employeeNoString`, "a verified passage must name the employee number (employeeNoString)");

  const status = ace.attendanceStatus;
  let direction = opts.defaultDirection;
  if (typeof status === "string" && IN_STATUSES.has(status)) direction = "in";
  else if (typeof status === "string" && OUT_STATUSES.has(status)) direction = "out";
  else if (status !== undefined && status !== null && !(typeof status === "string" && NO_STATUS.has(status))) {
    return refuse("bad_shape", `${ACE}.attendanceStatus`, "attendanceStatus must be checkIn, checkOut, breakIn, breakOut, overtimeIn, overtimeOut or undefined");
  }

  const dateTime = alert.dateTime;
  if (typeof dateTime !== "string" || !DATE_TIME.test(dateTime)) return refuse("bad_timestamp", "dateTime", "dateTime must be ISO 8601, e.g. 2026-03-15T07:58:03+08:00");
  // Terminals sold here run on Beijing time; one that leaves the zone off means +08:00, not the server's zone.
  const ts = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(dateTime) ? dateTime : `${dateTime}+08:00`);

  if (opts.photo && (opts.photo.length > MAX_IMAGE_BYTES || !imageTypeOf(opts.photo))) {
    return refuse("bad_shape", "Picture", `the picture must be a JPEG or PNG up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  }
  const person = stranger || employeeNo === null ? {} : isValidIdNumber(employeeNo.toUpperCase()) ? { idNumber: employeeNo } : { workerNo: employeeNo };
  const parsed = parseAccessEvent({ type: "access", ...person, direction, ts, similarity: ace.similarity ?? undefined }, opts.now);
  if (!parsed.ok) return refuse(parsed.reason, FIELD_OF[parsed.path] ?? parsed.path, parsed.message);
  return { kind: "access", input: { ...parsed.input, photo: opts.photo } };
}

/** `employeeNoString` (newer firmware), else the numeric `employeeNo` of older firmware; null when absent, undefined when malformed. */
function employeeNoOf(ace: Record<string, unknown>): string | null | undefined {
  const v = ace.employeeNoString ?? ace.employeeNo;
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && Number.isInteger(v) && v > 0) return String(v);
  if (typeof v !== "string") return undefined;
  return v.trim() === "" ? null : v.trim();
}

/** The answer Hikvision terminals expect (ISAPI ResponseStatus); anything but 200 makes them resend. */
export const hikvisionOk = (requestURL: string) => ({ requestURL, statusCode: 1, statusString: "OK", subStatusCode: "ok" });
