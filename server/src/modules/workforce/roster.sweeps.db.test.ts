import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app";
import { EventBus } from "../../platform/events/bus.js";
import { FileStore } from "../../platform/files/store.js";
import { installErrorHandler } from "../../platform/http/error-handler.js";
import { insertDeviceWithSecret } from "../iot/device.test-fixtures.js";
import { iotCommands } from "../iot/schema.js";
import { insertEnterprise, insertPerson, insertPost, insertProject } from "../registry/project.test-fixtures.js";
import { gateRoutes } from "./gate.routes.js";
import { JPEG } from "./hikvision.test-fixtures.js";
import { startRosterPush, type RosterPush } from "./roster.sweeps.js";
import { workforceBlacklist, workforceWorkers } from "./schema.js";
import { ROSTER_CHANGED } from "./worker.service.js";

let t: TestApp;
let api: FastifyInstance;
let filesDir: string;
let files: FileStore;
let projectId: string;
let employerId: string;
let gates: { code: string; secret: string; id: string }[];
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  filesDir = await mkdtemp(path.join(tmpdir(), "sc-roster-"));
  files = new FileStore(filesDir);
  // The roster pull as the workforce plugin mounts it under /api/v1 (public: the gate authenticates itself).
  api = Fastify();
  api.setValidatorCompiler(validatorCompiler);
  api.setSerializerCompiler(serializerCompiler);
  installErrorHandler(api);
  await api.register(gateRoutes, { prefix: "/api/v1", runtime: t.app.iot, files, db: t.db });
  await api.ready();

  employerId = (await insertEnterprise(t.db)).id;
  projectId = (await insertProject(t.db, { status: "in_progress" })).id;
  gates = [];
  for (const opts of [{}, {}, { enabled: false }]) {
    const g = await insertDeviceWithSecret(t.db, projectId, "gate", opts);
    gates.push({ code: g.device.code, secret: g.secret, id: g.device.id });
  }
  await insertDeviceWithSecret(t.db, projectId, "env_monitor");
});

afterAll(async () => {
  await api.close();
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function worker(status: string, opts: { photo?: boolean; onProject?: string } = {}) {
  const person = await insertPerson(t.db, employerId);
  const photoPath = opts.photo ? await files.saveImage("photos", JPEG, "photo") : null;
  const [w] = await t.db
    .insert(workforceWorkers)
    .values({ workerNo: `RS${process.pid}${String(++seq).padStart(3, "0")}`, personId: person.id, projectId: opts.onProject ?? projectId, employerId, trade: "mason", status, photoPath })
    .returning();
  return { person, worker: w };
}

const pull = (gate: { code: string; secret: string }, headers: Record<string, string> = { authorization: `Bearer ${gate.secret}` }, suffix = "") =>
  api.inject({ method: "GET", url: `/api/v1/integrations/gates/${gate.code}/roster${suffix}`, headers });

describe("gate roster", () => {
  let onSite: Awaited<ReturnType<typeof worker>>;
  let entered: Awaited<ReturnType<typeof worker>>;
  let managerIdNumber: string;

  beforeAll(async () => {
    onSite = await worker("on_site", { photo: true });
    entered = await worker("entered");
    await worker("registered");
    await worker("exited");
    await worker("on_site", { onProject: (await insertProject(t.db)).id });
    const banned = await worker("on_site");
    await t.db.insert(workforceBlacklist).values({ personId: banned.person.id, reason: "恶意讨薪", validFrom: "2020-01-01" });
    const manager = await insertPerson(t.db, employerId);
    managerIdNumber = manager.idNumber;
    await insertPost(t.db, projectId, manager.id, employerId, "project_manager");
    // A worker holding a post too appears once, as the worker.
    await insertPost(t.db, projectId, onSite.person.id, employerId, "safety_officer");
    const former = await insertPerson(t.db, employerId);
    await insertPost(t.db, projectId, former.id, employerId, "technical_lead", "2024-06-30");
  });

  it("lists the admitted workers and key-post holders with full ID numbers; the photo by URL", async () => {
    const res = await pull(gates[0]);
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-roster-version"]).toMatch(/^[0-9a-f]{16}$/);
    const roster = res.json() as { workerNo: string; idNumber: string; status: string; photoUrl?: string }[];
    expect(roster.map((r) => r.workerNo).sort()).toEqual([onSite.worker.workerNo, entered.worker.workerNo, managerIdNumber].sort());
    const first = roster.find((r) => r.workerNo === onSite.worker.workerNo)!;
    expect(first).toEqual({
      workerNo: onSite.worker.workerNo,
      name: onSite.person.name,
      idNumber: onSite.person.idNumber,
      status: "on_site",
      photoUrl: `/api/v1/integrations/gates/${gates[0].code}/roster/${onSite.worker.workerNo}/photo`,
    });
    expect(roster.find((r) => r.workerNo === managerIdNumber)).toMatchObject({ status: "key_post", idNumber: managerIdNumber });
    expect(roster.find((r) => r.workerNo === entered.worker.workerNo)?.photoUrl).toBeUndefined();

    const photo = await api.inject({ method: "GET", url: first.photoUrl!, headers: { authorization: `Bearer ${gates[0].secret}` } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    expect(photo.rawPayload.equals(JPEG)).toBe(true);
    const notOnRoster = await api.inject({ method: "GET", url: `/api/v1/integrations/gates/${gates[0].code}/roster/${entered.worker.workerNo}/photo`, headers: { authorization: `Bearer ${gates[0].secret}` } });
    expect(notOnRoster.statusCode).toBe(404);
  });

  it("authenticates the gate: Basic and the token work, a wrong secret or none is 401, a disabled gate 403", async () => {
    const basic = `Basic ${Buffer.from(`${gates[1].code}:${gates[1].secret}`).toString("base64")}`;
    expect((await pull(gates[1], { authorization: basic })).statusCode).toBe(200);
    expect((await pull(gates[1], {}, `?token=${encodeURIComponent(gates[1].secret)}`)).statusCode).toBe(200);
    const none = await pull(gates[1], {});
    expect(none.statusCode).toBe(401);
    expect(String(none.headers["www-authenticate"])).toContain('Digest realm="sitecloud"');
    expect((await pull(gates[1], { authorization: `Bearer ${gates[0].secret}` })).statusCode).toBe(401);
    expect((await pull(gates[2])).statusCode).toBe(403);
  });
});

describe("roster push", () => {
  let push: RosterPush;
  let kicks = 0;
  const events = new EventBus();

  beforeAll(() => {
    push = startRosterPush(events, { db: t.db, kick: () => kicks++, log: t.app.log, debounceMs: 80 });
  });

  afterAll(() => push.close());

  const syncs = () => t.db.select().from(iotCommands).where(and(eq(iotCommands.projectId, projectId), eq(iotCommands.name, "gate.sync")));

  it("turns a burst of roster changes into one gate.sync per enabled gate, with the roster's version and size", async () => {
    for (let i = 0; i < 25; i++) events.publish(ROSTER_CHANGED, { projectId });
    for (let i = 0; i < 100 && (await syncs()).length === 0; i++) await new Promise((r) => setTimeout(r, 30));
    await new Promise((r) => setTimeout(r, 200));
    const commands = await syncs();
    expect(commands.map((c) => c.deviceId).sort()).toEqual([gates[0].id, gates[1].id].sort());
    const roster = await pull(gates[0]);
    for (const c of commands) {
      expect(c).toMatchObject({ source: "auto", status: "pending" });
      expect(c.params).toEqual({ projectId, version: roster.headers["x-roster-version"], count: (roster.json() as unknown[]).length });
    }
    expect(kicks).toBe(1);
  });

  it("re-pushes on the next change, and pushes what is still waiting when it closes", async () => {
    const before = (await syncs()).length;
    await worker("entered");
    events.publish(ROSTER_CHANGED, { projectId });
    await new Promise((r) => setTimeout(r, 0));
    await push.close();
    const after = await syncs();
    expect(after).toHaveLength(before + 2);
    const versions = new Set(after.map((c) => (c.params as { version: string }).version));
    expect(versions.size).toBe(2);
  });
});

describe("the workforce plugin starts the roster push on the app's own bus", () => {
  it("pushes a worker's exit made through the API to the project's gates", async () => {
    const syncs = () => t.db.select().from(iotCommands).where(and(eq(iotCommands.projectId, projectId), eq(iotCommands.name, "gate.sync")));
    const before = (await syncs()).length;
    const { worker: w } = await worker("entered");
    const admin = await t.user("admin");
    expect((await t.as(admin, { method: "POST", url: `/api/v1/workers/${w.id}/exit`, payload: { reason: "合同终止" } })).statusCode).toBe(200);
    // The push waits for its quiet time (2 s) after the last change.
    for (let i = 0; i < 100 && (await syncs()).length === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await syncs()).length).toBe(before + 2);
  });
});
