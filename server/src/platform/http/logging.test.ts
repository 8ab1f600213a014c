import { Writable } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { loggingOptions } from "./logging";

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { stream, text: () => lines.join("\n") };
}

async function serve(level: "info" | "debug", terminal: boolean) {
  const out = sink();
  const app = Fastify(loggingOptions(level, terminal, out.stream));
  app.get("/ping", async (req) => {
    req.log.warn("something worth seeing");
    return { ok: true };
  });
  expect((await app.inject({ method: "GET", url: "/ping" })).statusCode).toBe(200);
  await app.close();
  return out.text();
}

describe("logging options", () => {
  it("on a terminal: readable lines, no line per request at info, warnings kept", async () => {
    const text = await serve("info", true);
    expect(text).toContain("WARN");
    expect(text).toContain("something worth seeing");
    expect(text).not.toContain("incoming request");
    expect(text).not.toContain("request completed");
    expect(text).not.toMatch(/^\{/m);
  });

  it("on a terminal at LOG_LEVEL=debug: the request lines come back", async () => {
    const text = await serve("debug", true);
    expect(text).toContain("incoming request");
    expect(text).toContain("request completed");
  });

  it("not on a terminal: JSON lines, request lines at info as before", async () => {
    const lines = (await serve("info", false)).split("\n").map((l) => JSON.parse(l) as { msg: string; level: number });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["incoming request", "something worth seeing", "request completed"]));
    expect(lines.find((l) => l.msg === "request completed")?.level).toBe(30);
  });
});
