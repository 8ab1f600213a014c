/**
 * Text PostgreSQL cannot store is refused at the door on every route: each string field of every JSON body
 * schema, each query parameter and each path parameter of the OpenAPI document, sent holding a NUL, answers
 * 400 VALIDATION naming that field (never a 500 from the first query that met it) — as an admin, and
 * anonymously on the public routes. A JSON body that is not valid UTF-8 (or spells a lone surrogate) is
 * refused naming its field and writes nothing, where it used to be stored as U+FFFD.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { creditCodeCheckChar } from "@contracts/registry/identifiers";
import { createTestApp, type TestApp, type TestUser } from "../app";
import { isPublicRoute, type JsonSchema, type OpenApiDoc, type OpenApiOperation } from "./public-routes";

const NUL_TEXT = "a\u0000b";
const FILLER = "0a1b2c";

let t: TestApp;
let admin: TestUser;
let ops: { method: string; template: string; op: OpenApiOperation; anonymous: boolean }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  const doc = t.app.swagger() as unknown as OpenApiDoc;
  ops = Object.entries(doc.paths).flatMap(([template, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({ method: m.toUpperCase(), template, op, anonymous: isPublicRoute(m.toUpperCase(), template) })),
  );
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const types = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** A plausible value of `s`, so that the request gets as far as it can (the field under test is set apart). */
function sample(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf?.length) return sample(s.anyOf.find((a) => !types(a).includes("null")) ?? s.anyOf[0]);
  const type = types(s).find((x) => x !== "null");
  if (type === "object" || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v);
    if (typeof s.additionalProperties === "object") out.k = sample(s.additionalProperties);
    return out;
  }
  if (type === "array") return s.items ? [sample(s.items)] : [];
  if (type === "integer" || type === "number") return Math.max(1, s.minimum ?? 1);
  if (type === "boolean") return true;
  if (type === "string") {
    if (s.format === "date") return "2024-05-01";
    if (s.format === "date-time") return "2024-05-01T08:00:00.000Z";
    if (s.format === "uuid") return "00000000-0000-4000-8000-000000000000";
    return "样例".padEnd(Math.max(2, s.minLength ?? 0), "x");
  }
  return null;
}

/** Paths (dotted, as the error names them) of every string a body of schema `s` can hold; records as key `k`. */
function stringPaths(s: JsonSchema, path: string[] = []): string[][] {
  const here = types(s).includes("string") || (s.enum?.some((v) => typeof v === "string") ?? false) ? [path] : [];
  const nested = [
    ...(s.anyOf ?? []).flatMap((a) => stringPaths(a, path)),
    ...Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringPaths(v, [...path, k])),
    ...(typeof s.additionalProperties === "object" ? stringPaths(s.additionalProperties, [...path, "k"]) : []),
    ...(s.items ? stringPaths(s.items, [...path, "0"]) : []),
  ];
  const seen = new Set<string>();
  return [...here, ...nested].filter((p) => !seen.has(p.join(".")) && seen.add(p.join(".")));
}

function setAt(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container = (root !== null && typeof root === "object" ? root : /^\d+$/.test(head) ? [] : {}) as Record<string, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
}

const fill = (template: string, except?: string, value?: string) => template.replace(/\{([^}]+)\}/g, (_, name: string) => (name === except ? value! : FILLER));

/** The request refused naming `path` where it was sent, else a line saying what came back. */
function refusal(res: LightMyRequestResponse, path: string, where: string): string | null {
  if (res.statusCode === 400) {
    const issues = (res.json() as { error?: { code?: string; details?: { issues?: { path: string; in?: string }[] } } }).error;
    if (issues?.code === "VALIDATION" && issues.details?.issues?.some((i) => i.path === path && i.in === where)) return null;
  }
  return `→ ${res.statusCode} ${res.body.slice(0, 160)}`;
}

describe("NUL in any field, on every route", () => {
  it("each string field of every JSON body answers 400 naming it", async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, template, op, anonymous } of ops) {
      const schema = op.requestBody?.content["application/json"]?.schema;
      if (!schema) continue;
      const base = sample(schema);
      // Every field that holds a string, plus a key of our own (a NUL in a key reaches jsonb columns as well).
      const cases: [string[], unknown][] = stringPaths(schema).map((p) => [p, setAt(structuredClone(base), p, NUL_TEXT)]);
      cases.push([["x\u0000y"], { ...(base !== null && typeof base === "object" ? base : {}), "x\u0000y": 1 }]);
      for (const [p, body] of cases) {
        for (const user of anonymous ? [null, admin] : [admin]) {
          sent++;
          const res = await t.as(user, { method: method as "POST", url: fill(template), payload: JSON.stringify(body), headers: { "content-type": "application/json" } });
          const why = refusal(res, p.join("."), "body");
          if (why) failures.push(`${method} ${template} body.${p.join(".")}${user ? "" : " (anonymous)"} ${why}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  }, 300_000);

  it("each query parameter answers 400 naming it", async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, template, op, anonymous } of ops) {
      for (const q of (op.parameters ?? []).filter((p) => p.in === "query")) {
        for (const user of anonymous ? [null, admin] : [admin]) {
          sent++;
          const res = await t.as(user, { method: method as "GET", url: `${fill(template)}?${encodeURIComponent(q.name)}=${encodeURIComponent(NUL_TEXT)}` });
          const why = refusal(res, q.name, "querystring");
          if (why) failures.push(`${method} ${template} ?${q.name}${user ? "" : " (anonymous)"} ${why}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(200);
  }, 300_000);

  it("each path parameter answers 400 naming it", async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, template, op, anonymous } of ops) {
      for (const param of (op.parameters ?? []).filter((p) => p.in === "path")) {
        for (const user of anonymous ? [null, admin] : [admin]) {
          sent++;
          const res = await t.as(user, { method: method as "GET", url: fill(template, param.name, "ab%00cd"), ...(method === "GET" ? {} : { payload: "{}", headers: { "content-type": "application/json" } }) });
          const why = refusal(res, param.name, "params");
          if (why) failures.push(`${method} ${template} :${param.name}${user ? "" : " (anonymous)"} ${why}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(100);
  }, 300_000);

  it("the public cylinder look-up refuses %00 anonymously", async () => {
    const res = await t.as(null, { method: "GET", url: "/api/v1/public/cylinders/%00" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([{ path: "code", message: expect.stringContaining("NUL"), in: "params" }]);
  });
});

describe("broken Unicode in a JSON body", () => {
  let id: string;
  const NAME = "永康市测试建设有限公司";
  const patch = (payload: string | Buffer) => t.as(admin, { method: "PATCH", url: `/api/v1/enterprises/${id}`, payload, headers: { "content-type": "application/json" } });
  const stored = async () => (await t.as(admin, { method: "GET", url: `/api/v1/enterprises/${id}` })).json() as { name: string; legalRep: string; updatedAt?: string };

  beforeAll(async () => {
    const first17 = "91330784MA2UTF8NU";
    const res = await t.as(admin, { method: "POST", url: "/api/v1/enterprises", payload: { name: NAME, creditCode: first17 + creditCodeCheckChar(first17), type: "contractor", legalRep: "张三" } });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
  });

  it("invalid UTF-8 in a field answers 400 naming it and changes nothing", async () => {
    const before = await stored();
    // 坏 followed by the first two bytes of a three-byte character, then more text: what a GBK client or a cut buffer sends.
    const body = Buffer.concat([Buffer.from('{"legalRep":"李四","name":"坏'), Buffer.from([0xe4, 0xbd]), Buffer.from('企业"}')]);
    const res = await patch(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
    expect(res.json().error.details.issues).toEqual([{ path: "name", message: expect.stringContaining("UTF-8"), in: "body" }]);
    expect(await stored()).toEqual(before);
    expect(before.name).toBe(NAME);
  });

  it("names a key holding the bad byte, and the body as a whole when the byte is outside any string", async () => {
    const inKey = await patch(Buffer.concat([Buffer.from('{"remarks":{"na'), Buffer.from([0xff]), Buffer.from('me":"x"}}')]));
    expect(inKey.statusCode).toBe(400);
    expect(inKey.json().error.details.issues).toEqual([{ path: "remarks.na\uFFFDme", message: expect.any(String), in: "body" }]);
    const outside = await patch(Buffer.concat([Buffer.from('{"name":"x"}'), Buffer.from([0xc0])]));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues).toEqual([{ path: "", message: expect.stringContaining("UTF-8"), in: "body" }]);
    expect((await stored()).name).toBe(NAME);
  });

  it("a lone surrogate escape and a raw NUL byte are refused too", async () => {
    const lone = await patch('{"name":"坏\\ud800企业"}');
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.details.issues).toEqual([{ path: "name", message: expect.stringContaining("surrogate"), in: "body" }]);
    const nulEscape = await patch('{"legalRep":"王五","name":"a\\u0000b"}');
    expect(nulEscape.json().error.details.issues).toEqual([{ path: "name", message: expect.stringContaining("NUL"), in: "body" }]);
    // A raw control character is not JSON at all.
    expect((await patch(Buffer.from('{"name":"a\u0000b"}'))).statusCode).toBe(400);
    expect((await stored()).name).toBe(NAME);
  });

  it("well-formed text passes untouched: emoji raw or escaped as a pair, U+FFFD itself, a literal backslash-u0000", async () => {
    const name = "测试😀企业\uFFFD";
    const raw = await patch(Buffer.from(JSON.stringify({ name }), "utf8"));
    expect(raw.statusCode, raw.body).toBe(200);
    expect((await stored()).name).toBe(name);
    const escaped = await patch('{"name":"测试\\ud83d\\ude00企业","legalRep":"C:\\\\u0000"}');
    expect(escaped.statusCode, escaped.body).toBe(200);
    expect(await stored()).toMatchObject({ name: "测试😀企业", legalRep: "C:\\u0000" });
  });
});
