import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionDto } from "@contracts/testing/commission";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { concreteCommission, errorOf, issuePaths, testingWorld, type TestingWorld } from "./testing.test-fixtures.js";

let t: TestApp;
let w: TestingWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await testingWorld(t);
});
afterAll(() => t.close());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7]);

function upload(user: TestUser, bytes: Buffer, field = "file") {
  return t.as(user, { method: "POST", url: "/api/v1/testing/photos", ...multipart("p.png", bytes, field) });
}

async function newCommission(): Promise<CommissionDto> {
  const res = await t.as(w.users.gc, { method: "POST", url: `/api/v1/projects/${w.project.id}/testing/commissions`, payload: concreteCommission(w) });
  expect(res.statusCode).toBe(201);
  return res.json() as CommissionDto;
}

let seq = 0;
const sampling = (c: CommissionDto, photoIds: string[]) =>
  t.as(w.users.gc, {
    method: "POST",
    url: `/api/v1/testing/commissions/${c.id}/sampling`,
    payload: { sampledAt: new Date(Date.now() - 60_000).toISOString(), place: "3F 柱浇筑点", sampleCode: `YP-PHOTO-${process.pid}-${++seq}`, photoIds },
  });

describe("witness-sampling photos", () => {
  it("serves a sampling record's photo to the project parties and the agency, and 404 to another contractor", async () => {
    const up = await upload(w.users.gc, PNG);
    expect(up.statusCode).toBe(201);
    const { id } = up.json() as { id: string };
    expect(id).toMatch(/^\d{4}-\d{2}-[0-9a-f-]{36}\.png$/);

    // Uploaded but not yet on a record: nobody is served it.
    expect((await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/photos/${id}` })).statusCode).toBe(404);

    const c = await newCommission();
    const recorded = await sampling(c, [id]);
    expect(recorded.statusCode).toBe(200);
    expect((recorded.json() as CommissionDto).samplePhotoIds).toEqual([id]);

    for (const user of [w.users.gc, w.users.projectUser, w.users.agency, w.users.quality]) {
      const res = await t.as(user, { method: "GET", url: `/api/v1/testing/photos/${id}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("image/png");
      expect(res.rawPayload.equals(PNG)).toBe(true);
    }
    expect((await t.as(w.users.otherGc, { method: "GET", url: `/api/v1/testing/photos/${id}` })).statusCode).toBe(404);
    // Another agency's commissions are not its own.
    expect((await t.as(w.users.lapsedAgency, { method: "GET", url: `/api/v1/testing/photos/${id}` })).statusCode).toBe(404);
  });

  it("lets the agency upload, refuses read-only roles", async () => {
    expect((await upload(w.users.agency, PNG)).statusCode).toBe(201);
    expect((await upload(w.users.leader, PNG)).statusCode).toBe(403);
  });

  it("refuses a file that is not a JPEG or PNG by its bytes, naming `file`", async () => {
    const res = await upload(w.users.gc, Buffer.from("%PDF-1.7 not an image"));
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(["file"]);
    const wrongField = await upload(w.users.gc, PNG, "photo");
    expect(wrongField.statusCode).toBe(400);
    expect(issuePaths(wrongField)).toEqual(["file"]);
  });

  it("refuses a sampling record naming an unknown photo, and files nothing", async () => {
    const c = await newCommission();
    const unknown = await sampling(c, ["2026-01-00000000-0000-4000-8000-000000000000.jpg"]);
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(["photoIds.0"]);
    const { id } = (await upload(w.users.gc, PNG)).json() as { id: string };
    const second = await sampling(c, [id, "../../secrets"]);
    expect(issuePaths(second)).toEqual(["photoIds.1"]);
    const after = (await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/commissions/${c.id}` })).json() as CommissionDto;
    expect(after).toMatchObject({ state: "commissioned", sampleCode: null, samplePhotoIds: [] });
    expect(errorOf(unknown).code).toBe("VALIDATION");
  });
});
