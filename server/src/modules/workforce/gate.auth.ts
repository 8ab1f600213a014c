import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sha256 } from "../../platform/auth/secrets.js";
import { AppError } from "../../platform/errors.js";
import type { DeviceInfo, IotRuntime } from "../iot/index.js";

/**
 * Device authentication for the gates' HTTP integrations (the Hikvision push, the roster pull), all with
 * the gate's code and secret: HTTP Basic, HTTP Digest (RFC 7616, MD5, qop=auth), `Authorization: Bearer
 * <secret>`, or `?token=<secret>` for terminals that can do none of these.
 *
 * Digest nonces are stateless — issue time plus an HMAC keyed by the gate's stored credential hash — so
 * any API process verifies a nonce another one issued, and nothing is kept in memory. A nonce is good for
 * NONCE_TTL_MS; an older one is answered with `stale=true` so the terminal retries without asking anyone.
 * Within that window a captured request could be replayed; access events are idempotent, so a replay
 * stores nothing new.
 */
export const DIGEST_REALM = "sitecloud";
export const NONCE_TTL_MS = 5 * 60_000;

/**
 * A gate as the registry knows it. `digestHa1` = MD5(code:"sitecloud":secret) is what Digest needs: the
 * registry keeps only the secret's SHA-256, from which it cannot be derived, so it is stored alongside
 * when the secret is issued or rotated. Without it a gate can use Basic, Bearer or the token.
 */
export type GateDevice = DeviceInfo & { digestHa1?: string | null };

export type GateCredentials =
  | { kind: "none" }
  | { kind: "secret"; via: "basic" | "bearer" | "token"; username: string | null; secret: string }
  | { kind: "digest"; params: Record<string, string> }
  | { kind: "malformed"; message: string };

export type GateAuthOutcome = { ok: true; via: "basic" | "bearer" | "token" | "digest" } | { ok: false; stale: boolean; presented: boolean; message: string };

export const md5 = (s: string) => createHash("md5").update(s).digest("hex");

/** What the request presents: the Authorization header, else the `token` query parameter. */
export function credentialsOf(authorization: string | undefined, token: string | undefined): GateCredentials {
  const header = authorization?.trim() ?? "";
  const scheme = /^(\w+)\s+(.*)$/s.exec(header);
  if (scheme) {
    const [, name, rest] = scheme;
    if (/^basic$/i.test(name)) {
      const decoded = Buffer.from(rest.trim(), "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) return { kind: "malformed", message: "Basic credentials must be base64(code:secret)" };
      return { kind: "secret", via: "basic", username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
    }
    if (/^bearer$/i.test(name)) return { kind: "secret", via: "bearer", username: null, secret: rest.trim() };
    if (/^digest$/i.test(name)) return { kind: "digest", params: digestParams(rest) };
    return { kind: "malformed", message: `unsupported authorization scheme ${name}` };
  }
  if (header !== "") return { kind: "malformed", message: "unreadable Authorization header" };
  if (token) return { kind: "secret", via: "token", username: null, secret: token };
  return { kind: "none" };
}

/** `key=value, key="quoted \"value\""` pairs of a Digest header; keys lower-cased. */
export function digestParams(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3];
  return out;
}

/** Gates that do not exist still get a well-formed challenge (signed with a key no gate has), so probing learns nothing. */
const UNKNOWN_GATE_KEY = randomBytes(32).toString("hex");

const nonceMac = (key: string, code: string, issued: string) => createHmac("sha256", key).update(`${code}:${issued}`).digest("base64url").slice(0, 32);

export function issueNonce(gate: Pick<DeviceInfo, "code" | "secretHash"> | null, code: string, now = Date.now()): string {
  const issued = now.toString(16);
  return `${issued}.${nonceMac(gate?.secretHash ?? UNKNOWN_GATE_KEY, code, issued)}`;
}

/** "ok", "stale" (genuine but too old) or "bad". */
export function checkNonce(gate: Pick<DeviceInfo, "code" | "secretHash">, nonce: string, now = Date.now()): "ok" | "stale" | "bad" {
  const m = /^([0-9a-f]{1,13})\.([A-Za-z0-9_-]{32})$/.exec(nonce);
  if (!m || !safeEqual(m[2], nonceMac(gate.secretHash, gate.code, m[1]))) return "bad";
  const age = now - parseInt(m[1], 16);
  if (age < -60_000) return "bad";
  return age > NONCE_TTL_MS ? "stale" : "ok";
}

/** The `WWW-Authenticate` challenges of a 401: Digest (with a fresh nonce) and Basic. */
export function challenges(gate: GateDevice | null, code: string, stale = false, now = Date.now()): string[] {
  const nonce = issueNonce(gate, code, now);
  return [`Digest realm="${DIGEST_REALM}", nonce="${nonce}", qop="auth", algorithm=MD5${stale ? ", stale=true" : ""}`, `Basic realm="${DIGEST_REALM}"`];
}

/** Expected Digest `response` for qop=auth (RFC 7616 §3.4.1, MD5). */
export function digestResponse(ha1: string, p: { nonce: string; nc: string; cnonce: string; method: string; uri: string }): string {
  return md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${md5(`${p.method}:${p.uri}`)}`);
}

/**
 * Checks what a request presented against the gate. `requestUri` is the request target as received
 * (path and query), which a Digest `uri` must name.
 */
export function verifyGate(gate: GateDevice, creds: GateCredentials, req: { method: string; requestUri: string }, now = Date.now()): GateAuthOutcome {
  const fail = (message: string, presented = true, stale = false): GateAuthOutcome => ({ ok: false, stale, presented, message });
  if (creds.kind === "none") return fail("credentials required", false);
  if (creds.kind === "malformed") return fail(creds.message);
  if (creds.kind === "secret") {
    if (creds.username !== null && creds.username !== gate.code) return fail("the user name must be the gate's code");
    return secretMatches(gate, creds.secret) ? { ok: true, via: creds.via } : fail("wrong secret");
  }
  const p = creds.params;
  if (p.username !== gate.code) return fail("the Digest user name must be the gate's code");
  if (p.realm !== DIGEST_REALM) return fail(`the Digest realm must be "${DIGEST_REALM}"`);
  if (p.algorithm !== undefined && p.algorithm.toUpperCase() !== "MD5") return fail("only the MD5 Digest algorithm is supported");
  if (p.qop !== "auth" || !p.nc || !p.cnonce || !p.response || !p.nonce || !p.uri) return fail("Digest needs qop=auth, nc, cnonce, nonce, uri and response");
  if (!sameTarget(p.uri, req.requestUri)) return fail("the Digest uri is not this request's");
  const nonce = checkNonce(gate, p.nonce, now);
  if (nonce === "bad") return fail("unknown Digest nonce");
  if (!gate.digestHa1) return fail("Digest is not set up for this gate (use Basic, Bearer or the token)");
  const expected = digestResponse(gate.digestHa1, { nonce: p.nonce, nc: p.nc, cnonce: p.cnonce, method: req.method, uri: p.uri });
  if (!safeEqual(p.response.toLowerCase(), expected)) return fail("wrong Digest response");
  // A correct answer to an expired nonce: the terminal only needs a fresh one, it is not a wrong password.
  if (nonce === "stale") return fail("Digest nonce expired", false, true);
  return { ok: true, via: "digest" };
}

/** Constant-time comparison of a presented secret with the stored SHA-256 (as the MQTT broker does). */
function secretMatches(gate: DeviceInfo, secret: string): boolean {
  return safeEqual(sha256(secret), gate.secretHash);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Some clients put the absolute URL in the Digest `uri`; it must still be this request's path and query. */
function sameTarget(uri: string, requestUri: string): boolean {
  if (uri === requestUri) return true;
  try {
    const u = new URL(uri);
    return u.pathname + u.search === requestUri;
  } catch {
    return false;
  }
}

/**
 * Authenticates a gate's HTTP request by the `:gateCode` in its path. Answers 401 with the Digest and
 * Basic challenges when nothing or something wrong was presented (a wrong secret is counted on the gate
 * as `bad_credentials`; the first, credential-less leg of a Digest handshake is not) and 403 for a
 * disabled gate.
 */
export async function authenticateGate(
  runtime: Pick<IotRuntime, "devices" | "router">,
  req: FastifyRequest<{ Params: { gateCode: string }; Querystring: { token?: string } }>,
  reply: FastifyReply,
): Promise<GateDevice> {
  const code = req.params.gateCode;
  const gate: GateDevice | null = await runtime.devices.get(code);
  const creds = credentialsOf(req.headers.authorization, req.query.token);
  const outcome: GateAuthOutcome = gate
    ? verifyGate(gate, creds, { method: req.method, requestUri: req.url })
    : { ok: false, stale: false, presented: false, message: "unknown gate" };
  if (!gate || !outcome.ok) {
    if (gate && !outcome.ok && outcome.presented) runtime.router.countRefusal(gate, "bad_credentials", `wrong credentials (HTTP): ${outcome.message}`);
    reply.header("www-authenticate", challenges(gate, code, !outcome.ok && outcome.stale));
    throw new AppError("UNAUTHENTICATED", "闸机编号或密钥错误 (unknown gate or wrong credentials)");
  }
  if (!gate.enabled) throw new AppError("FORBIDDEN", "设备已停用 (device is disabled)");
  return gate;
}
