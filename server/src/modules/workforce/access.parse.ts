import type { RejectReason } from "@contracts/iot/devices";
import { parseTimestamp } from "../iot/index.js";

/** A gate passage as every transport (MQTT, HTTP, Hikvision push) hands it to the access pipeline. */
export interface AccessInput {
  direction: "in" | "out";
  /** epoch ms */
  ts: number;
  idNumber: string | null;
  personId: string | null;
  workerNo: string | null;
  similarity: number | null;
  /** A JPEG/PNG snapshot, when the gate sent one. */
  photo: Buffer | null;
}

export type AccessParse = { ok: true; input: AccessInput } | { ok: false; reason: RejectReason; path: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_NUMBER = /^\d{17}[\dX]$/;
const WORKER_NO = /^[A-Za-z0-9_-]{1,32}$/;
/** Gates buffer offline; a passage older than this is not attendance any more. */
const MAX_AGE_MS = 31 * 86_400_000;
const MAX_SKEW_MS = 5 * 60_000;

const refuse = (reason: RejectReason, path: string, message: string): AccessParse => ({ ok: false, reason, path, message });

/**
 * Validates an access event `{"type":"access", "idNumber"|"personId"|"workerNo", "direction", "ts",
 * "similarity"?, "photo"? (base64)}`. The person reference is only checked for form here; who it is
 * (and whether they may enter) is decided in the batch against the registry.
 */
export function parseAccessEvent(e: Record<string, unknown>, now = Date.now()): AccessParse {
  if (e.direction !== "in" && e.direction !== "out") return refuse("bad_shape", "direction", 'direction must be "in" or "out"');
  const ts = parseTimestamp(e.ts);
  if (ts === null || ts < now - MAX_AGE_MS || ts > now + MAX_SKEW_MS) return refuse("bad_timestamp", "ts", "ts must be epoch ms or ISO 8601 within the last 31 days");
  const idNumber = typeof e.idNumber === "string" ? e.idNumber.trim().toUpperCase() : null;
  const personId = typeof e.personId === "string" ? e.personId : null;
  const workerNo = typeof e.workerNo === "string" ? e.workerNo.trim() : null;
  if (idNumber !== null && !ID_NUMBER.test(idNumber)) return refuse("bad_shape", "idNumber", "idNumber must be an 18-character ID number");
  if (personId !== null && !UUID.test(personId)) return refuse("bad_shape", "personId", "personId must be a UUID");
  if (workerNo !== null && !WORKER_NO.test(workerNo)) return refuse("bad_shape", "workerNo", "workerNo must be 1–32 letters or digits");
  const similarity = e.similarity === undefined || e.similarity === null ? null : Number(e.similarity);
  if (similarity !== null && !(Number.isFinite(similarity) && similarity >= 0 && similarity <= 100)) return refuse("out_of_range", "similarity", "similarity must be 0–100");
  let photo: Buffer | null = null;
  if (typeof e.photo === "string" && e.photo.length > 0) {
    photo = Buffer.from(e.photo.replace(/^data:image\/\w+;base64,/, ""), "base64");
  }
  // No one named: an unregistered face (陌生人). Still a valid event: it raises an access alarm.
  return { ok: true, input: { direction: e.direction, ts, idNumber, personId, workerNo, similarity, photo } };
}

/** The key that makes a re-pushed event a no-op: gate, who (or nobody), direction and the second. */
export function dedupKeyOf(deviceId: string, input: AccessInput): string {
  const who = input.personId ?? input.workerNo ?? input.idNumber ?? "unknown";
  return `${deviceId}|${who}|${input.direction}|${Math.floor(input.ts / 1000)}`;
}
