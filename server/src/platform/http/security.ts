import type { IncomingMessage, ServerResponse } from "node:http";
import rateLimit, { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import type { Config } from "../../config.js";
import { AppError } from "../errors.js";

/**
 * The browser-facing defences of the HTTP layer, installed on the root instance before any route:
 * security headers on every answer, cross-site writes refused, JSON routes refusing the body types a
 * plain HTML form can send, and throttled public endpoints and login.
 */
export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  await installRateLimits(app, config.http.rateLimit);
  // Callback hooks, not async ones: they run on every request and almost always just pass.
  app.addHook("onRequest", (req, _reply, done) => {
    const why = crossSiteWrite(req);
    done(why ? new AppError("FORBIDDEN", "拒绝跨站请求：此操作只能从本平台页面发起 (cross-site request refused: this action must come from the SiteCloud console itself)", why) : undefined);
  });
  refuseFormBodies(app);
}

/**
 * No inline script anywhere (the built console has none); styles may be inline because antd's CSS-in-JS
 * injects <style> tags. Images and media may be data:/blob: (photo previews, hls.js). Nobody may frame us.
 * `same-origin` referrers keep ids and verify codes in our URLs from leaking to other sites, and — unlike
 * `no-referrer` — keep the Origin header of our own POSTs intact for browsers without Sec-Fetch-Site.
 * No upgrade-insecure-requests: a plain-HTTP intranet install would lose every asset.
 */
const HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      mediaSrc: ["'self'", "blob:"],
      workerSrc: ["'self'", "blob:"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: "deny" },
  referrerPolicy: { policy: "same-origin" },
};

/**
 * helmet's headers for HELMET, computed once at start-up: none depends on the request. @fastify/helmet builds
 * them again for every request: server CPU per answer of a small JSON route measured 77 µs bare, 129 µs with
 * @fastify/helmet, 72–105 µs (noise) with this — on a cached list that would have cost a third of its throughput.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value), removeHeader: () => undefined };
  helmet(HELMET)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.freeze(headers);
})();

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DEFAULT_PORT: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * Why a state-changing request is a cross-site one a browser was made to send, or null when it is not.
 * The browser's own Sec-Fetch-Site wins when present (it stays right behind a proxy that rewrites Host);
 * older browsers are judged by Origin against the request's host (X-Forwarded-Host only under TRUST_PROXY).
 * A request with neither header is no browser's cross-site request (curl, devices, integrations): allowed.
 * Applied to every caller, not only cookie holders: login is cookie-less yet CSRF-able (logging a victim into
 * the attacker's account), and with no CORS offered no legitimate browser page of another origin calls us.
 */
export function crossSiteWrite(req: Pick<FastifyRequest, "method" | "headers" | "host">): { origin?: string; secFetchSite?: string } | null {
  if (!WRITES.has(req.method)) return null;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "") return site === "same-origin" || site === "none" ? null : { secFetchSite: site };
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  return sameHost(origin, req.host) ? null : { origin };
}

/** Origin `https://a.example` is the host `a.example` or `a.example:443`; `null` and junk are nobody's. */
function sameHost(origin: string, host: string): boolean {
  let o: URL;
  let h: URL;
  try {
    o = new URL(origin);
    h = new URL(`${o.protocol}//${host}`);
  } catch {
    return false;
  }
  const port = (u: URL) => u.port || DEFAULT_PORT[u.protocol] || "";
  return o.origin !== "null" && o.hostname === h.hostname && port(o) === port(h);
}

/**
 * Fastify parses text/plain into a string by default; a cross-site form or `fetch(…, {mode:"no-cors"})` can
 * send it (and urlencoded) without a preflight. Our JSON routes take JSON, uploads multipart: refuse both
 * here, in the root scope, so every route inherits it (a device integration that reads raw bodies re-adds
 * its own parser in its scope).
 */
function refuseFormBodies(app: FastifyInstance): void {
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(["text/plain", "application/x-www-form-urlencoded"], (req, _payload, done) => {
    const type = String(req.headers["content-type"]).split(";")[0].trim();
    done(new AppError("UNSUPPORTED_MEDIA_TYPE", `不支持的请求体类型 ${type}，请以 application/json 发送 (unsupported body type ${type}: send application/json)`, { contentType: type }), undefined);
  });
}

type Limiter = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Per client address (IPv6 by its /64), in this process's memory: the public verify/scan endpoints (their
 * codes are sequential or short, so enumeration must be slow) and login (every attempt, whatever its
 * outcome; the failed-login locks count failures only). 0 switches a limit off (tests).
 */
async function installRateLimits(app: FastifyInstance, limits: { publicPerMinute: number; loginPerMinute: number }): Promise<void> {
  await app.register(rateLimit, { global: false });
  const limiter = (bucket: string, max: number): Limiter | null => {
    if (max === 0) return null;
    const hook = app.rateLimit({
      max,
      timeWindow: 60_000,
      keyGenerator: (req) => `${bucket}|${normalizeIP(req.ip)}`,
      errorResponseBuilder: (_req, ctx) => {
        const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
        return new AppError("RATE_LIMITED", `请求过于频繁，请 ${seconds} 秒后再试 (too many requests, retry in ${seconds} s)`, { retryAfterSeconds: seconds });
      },
    });
    return (req, reply) => hook.call(app, req, reply);
  };
  const publicLimit = limiter("public", limits.publicPerMinute);
  const loginLimit = limiter("login", limits.loginPerMinute);
  if (!publicLimit && !loginLimit) return;
  app.addHook("onRequest", (req, reply, done) => {
    const route = req.routeOptions.url ?? "";
    // The matched route, not the raw URL: /api/v1/%70ublic/… is the same route and the same budget.
    const limit = route.startsWith("/api/v1/public/") ? publicLimit : req.method === "POST" && route === "/api/v1/auth/login" ? loginLimit : null;
    if (!limit) return done();
    limit(req, reply).then(() => done(), done);
  });
}
