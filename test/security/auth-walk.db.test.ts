/**
 * Authentication is decided on the route the router matched, default-deny: every route of the OpenAPI
 * document, reached anonymously through encoded spellings of its path (a percent-encoded letter of `api` or
 * of a segment, doubled slashes, other letter cases, trailing encoded characters), answers 401 — or the
 * not-found handler's 404 when the spelling matches no route — unless the route is public by design; no
 * spelling reaches a handler, so none answers 500. Routes outside the document (API docs, the web app's files
 * and its client-side routes) are public and checked by name.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app";
import { isPublicRoute, PUBLIC_ROUTES, type OpenApiDoc } from "./public-routes";


interface Route {
  method: string;
  /** OpenAPI form, `/api/v1/projects/{id}`. */
  template: string;
}

const pct = (ch: string) => `%${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;

/** Encoded and otherwise odd spellings of `url` (a concrete path, parameters filled). */
function spellings(url: string): string[] {
  const segs = url.split("/").slice(1);
  const at = (i: number, seg: string) => "/" + segs.map((s, j) => (j === i ? seg : s)).join("/");
  const out = new Set<string>([url]);
  // A percent-encoded letter of `api` (lower- and upper-case hex), of `v1`, and of every later segment.
  for (let k = 0; k < 3; k++) out.add(at(0, "api".slice(0, k) + pct("api"[k]) + "api".slice(k + 1)));
  out.add(at(0, "%41PI"));
  out.add(at(0, "%61%70%69"));
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i];
    if (s === "") continue;
    out.add(at(i, pct(s[0]) + s.slice(1)));
    out.add(at(i, pct(s[0]).toUpperCase() + s.slice(1)));
    out.add(at(i, s.slice(0, -1) + pct(s.at(-1)!)));
  }
  // Letter case: the router is case-sensitive, so these must miss rather than reach anything.
  out.add(at(0, "API"));
  out.add(at(0, "Api"));
  if (segs.length > 2) out.add(at(2, segs[2].toUpperCase()));
  // Doubled, dotted and trailing slashes.
  out.add("/" + url);
  out.add(url.replace("/api/", "/api//"));
  out.add(url.replace(/\/([^/]+)$/, "//$1"));
  out.add(url.replace(/\/([^/]+)$/, "/./$1"));
  out.add(`${url}/`);
  // Trailing encoded characters.
  for (const tail of ["%00", "%20", "%2F", "%2f", "%2e", "%0a", "%23", "%3F", ";", "?x=%00"]) out.add(url + tail);
  return [...out];
}

const fill = (template: string) => template.replace(/\{[^}]+\}/g, "0a1b2c");

let t: TestApp;
let webDir: string;
let routes: Route[];

beforeAll(async () => {
  // A stand-in for the built console, so that its files and client-side routes are served as in production.
  webDir = mkdtempSync(path.join(tmpdir(), "sc-web-"));
  mkdirSync(path.join(webDir, "assets"));
  writeFileSync(path.join(webDir, "index.html"), INDEX_HTML);
  writeFileSync(path.join(webDir, "assets", "app.js"), "console.log(1)");
  t = await createTestApp({ WEB_DIST: webDir });
  const doc = t.app.swagger() as unknown as OpenApiDoc;
  routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.keys(ops).flatMap((m) => {
      const method = m.toUpperCase();
      return method === "GET" ? [{ method, template }, { method: "HEAD", template }] : [{ method, template }];
    }),
  );
}, 180_000);

afterAll(async () => {
  await t?.close();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

const INDEX_HTML = "<!doctype html><title>SiteCloud</title>";

/** Whether the answer came from the not-found handler (no route matched: a 404, or the console's index.html). */
const noRoute = (res: LightMyRequestResponse) => (res.statusCode === 404 && (res.body === "" || /No route/.test(res.body))) || (res.statusCode === 200 && res.body === INDEX_HTML);

describe("authentication by matched route", () => {
  it("every public route in PUBLIC_ROUTES exists in the API document", () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.template}`));
    expect([...PUBLIC_ROUTES].filter((r) => !known.has(r))).toEqual([]);
    expect(routes.length).toBeGreaterThan(200);
  });

  it("no spelling of a non-public route reaches it without a session; no spelling of any route answers 500", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const isPublic = isPublicRoute(route.method, route.template);
      const urls = spellings(fill(route.template));
      const answers = await Promise.all(urls.map((url) => t.app.inject({ method: route.method as "GET", url, headers: { "content-type": "application/json" }, payload: route.method === "GET" || route.method === "HEAD" ? undefined : "{}" })));
      answers.forEach((res, i) => {
        checked++;
        const what = `${route.method} ${urls[i]} (${route.template}) → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (res.statusCode >= 500) failures.push(what);
        else if (!isPublic && res.statusCode !== 401 && !noRoute(res)) failures.push(what);
      });
      // The canonical spelling and the encoded letters of `api` match the route itself: 401, not a miss.
      if (!isPublic) for (const i of [0, 1, 2, 3]) if (answers[i].statusCode !== 401) failures.push(`${route.method} ${urls[i]} → ${answers[i].statusCode}, expected 401`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  }, 300_000);

  it("a session still reaches a route through an encoded spelling", async () => {
    const admin = await t.user("admin");
    const res = await t.as(admin, { method: "GET", url: "/%61pi/v1/auth/me" });
    expect(res.statusCode).toBe(200);
    expect(res.json().username).toBe(admin.username);
    expect((await t.as(null, { method: "GET", url: "/%61pi/v1/admin/users" })).statusCode).toBe(401);
    expect((await t.as(null, { method: "GET", url: "/api/v1/%70rojects" })).statusCode).toBe(401);
  });
});

describe("routes outside the API document", () => {
  it("the API docs are public", async () => {
    expect((await t.app.inject({ url: "/api/docs" })).statusCode).toBe(200);
    const json = await t.app.inject({ url: "/api/docs/json" });
    expect(json.statusCode).toBe(200);
    expect(json.json().openapi).toMatch(/^3\./);
    expect((await t.app.inject({ url: "/%61pi/docs/json" })).statusCode).toBe(200);
  });

  it("the web app's files and client-side routes are public; unknown API paths are 404 without reaching anything", async () => {
    for (const url of ["/", "/login", "/verify/report/R2024-0001", "/verify/cylinder/YK-000001", "/projects/42"]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
    }
    const asset = await t.app.inject({ url: "/assets/app.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log(1)");
    for (const [method, url] of [["GET", "/api/v1/no-such-thing"], ["POST", "/api/v1/no-such-thing"], ["GET", "/api/nothing"], ["DELETE", "/projects/42"]] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
  });
});
