import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installErrorHandler } from "./error-handler.js";
import { installInputGuard } from "./input-guard.js";

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  installErrorHandler(app);
  installInputGuard(app);
  app.post("/echo/:id", { bodyLimit: 1024 }, async (req) => ({ body: req.body, query: req.query, params: req.params }));
  await app.ready();
});

afterAll(() => app.close());

const post = (payload: string | Buffer, url = "/echo/1", contentType = "application/json") => app.inject({ method: "POST", url, payload, headers: { "content-type": contentType } });
const issuesOf = (res: { json: () => unknown }) => (res.json() as { error: { details: { issues: unknown[] } } }).error.details.issues;

describe("input guard", () => {
  it("names a NUL deep in the body by its dotted path, keys included", async () => {
    const res = await post(JSON.stringify({ rows: [{ name: "ok" }, { name: "a\u0000" }], meta: { "k\u0000": 1 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
    expect(issuesOf(res)).toEqual([
      { path: "rows.1.name", message: expect.stringContaining("NUL"), in: "body" },
      { path: "meta.k\u0000", message: expect.stringContaining("NUL"), in: "body" },
    ]);
  });

  it("refuses lone surrogates either way round and keeps a pair", async () => {
    expect(issuesOf(await post('{"a":"\\udc00x","b":"x\\ud83d"}'))).toEqual([
      { path: "a", message: expect.stringContaining("surrogate"), in: "body" },
      { path: "b", message: expect.stringContaining("surrogate"), in: "body" },
    ]);
    const ok = await post('{"a":"\\ud83d\\ude00"}', "/echo/1", "application/json; charset=utf-8");
    expect(ok.statusCode).toBe(200);
    expect(ok.json().body).toEqual({ a: "😀" });
  });

  it("names the string holding an undecodable byte, in a nested array too", async () => {
    const res = await post(Buffer.concat([Buffer.from('{"rows":[{"name":"坏'), Buffer.from([0xe4, 0xbd]), Buffer.from('"}]}')]));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([{ path: "rows.0.name", message: expect.stringContaining("UTF-8"), in: "body" }]);
  });

  it("keeps the JSON parser's own rules: BOM accepted, empty body and __proto__ refused, the route's body limit", async () => {
    expect((await post('\uFEFF{"a":1}')).json().body).toEqual({ a: 1 });
    expect((await post("")).statusCode).toBe(400);
    expect((await post('{"__proto__":{"admin":true}}')).statusCode).toBe(400);
    expect((await post(JSON.stringify({ a: "x".repeat(2000) }))).statusCode).toBe(413);
  });

  it("checks query strings and path parameters, repeated keys included", async () => {
    const res = await post("{}", "/echo/a%00b?type=x&type=y%00&q=ok");
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: "id", message: expect.stringContaining("NUL"), in: "params" },
      { path: "type.1", message: expect.stringContaining("NUL"), in: "querystring" },
    ]);
    expect(res.json().error.message).toContain("params, querystring: id, type.1");
  });

  it("names at most 20 fields", async () => {
    const res = await post(JSON.stringify(Array.from({ length: 50 }, () => "\u0000")));
    expect(issuesOf(res)).toHaveLength(20);
  });

  it("leaves a path no route matched to the not-found handler", async () => {
    expect((await app.inject({ url: "/nothing/%00?q=%00" })).statusCode).toBe(404);
  });
});
