import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBoardDto, OpenCaseResultDto } from "@contracts/cases/cases";
import type { TestUser } from "../../../../test/app";
import { BOARD_CHANGED_CHANNEL } from "./case.cache.js";
import { casesWorld, type CasesWorld } from "./case.test-fixtures.js";

/** Boards are kept in memory between changes; every change, from any writer, is heard at its commit. */
let w: CasesWorld;
beforeAll(async () => {
  w = await casesWorld();
});
afterAll(() => w.t.close());

const board = async (user: TestUser, query = "") => {
  const res = await w.t.as(user, { method: "GET", url: `/api/v1/cases/board${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBoardDto;
};
async function open(grade: "general" | "major"): Promise<string> {
  const res = await w.t.as(w.inspector, { method: "POST", url: "/api/v1/cases", payload: { projectId: w.PA.id, category: "safety", grade, source: "patrol", title: "临边防护缺失" } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as OpenCaseResultDto).id;
}
/**
 * Runs a write and waits for its commit's notification; the app's listener hears it in the same turn (one LISTEN
 * connection fans out to every subscriber), so the next read sees the new generation.
 */
async function committed(write: () => Promise<unknown>): Promise<void> {
  let heard = () => {};
  const notified = new Promise<void>((resolve) => (heard = resolve));
  // Only a notification counts: a new subscriber also hears a "gap" at once, which says nothing about the write.
  const listener = await w.t.database.listen(BOARD_CHANGED_CHANNEL, () => heard(), () => {});
  try {
    await write();
    await notified;
  } finally {
    await listener.close();
  }
}
/** Moves a count behind the triggers' back: no notification, as no real writer ever does. */
const tamper = (delta: number) => w.t.db.execute(sql`update cases_board_counts set n = n + ${delta} where project_id = ${w.PA.id} and state = 'pending' and grade = 'general'`);

describe("the case board in memory", () => {
  it("answers from memory until a change is committed, for the bureau and a contractor alike", async () => {
    await committed(() => open("general"));
    const [city, mine] = [await board(w.leader), await board(w.contractorA)];
    await tamper(1000);
    try {
      // Nothing announced a change: both still see the remembered boards.
      expect(await board(w.leader)).toEqual(city);
      expect(await board(w.contractorA)).toEqual(mine);
      // A real change is announced at its commit and the next read goes to the counts again.
      await committed(() => open("general"));
      expect((await board(w.leader)).byState.pending).toBe(city.byState.pending + 1 + 1000);
      expect((await board(w.contractorA)).byState.pending).toBe(mine.byState.pending + 1 + 1000);
    } finally {
      await tamper(-1000);
    }
    await committed(() => open("general"));
    expect((await board(w.leader)).byState.pending).toBe(city.byState.pending + 2);
  });

  it("a contractor's board follows its enterprise's projects: a participant change is announced too", async () => {
    await committed(() => open("major"));
    const before = await board(w.contractorB);
    // B joins project A's site as a specialty subcontractor: A's cases now count on B's board.
    await committed(() => w.t.db.execute(sql`insert into registry_project_participants (project_id, enterprise_id, role) values (${w.PA.id}, ${w.B}, 'specialty_subcontractor')`));
    const after = await board(w.contractorB);
    expect(after.openMajor).toBeGreaterThan(before.openMajor);
    await committed(() => w.t.db.execute(sql`delete from registry_project_participants where project_id = ${w.PA.id} and enterprise_id = ${w.B}`));
    expect(await board(w.contractorB)).toEqual(before);
  });

  it("hears a writer outside the cases module (plain SQL on cases_cases: another process, a repair script)", async () => {
    let id = "";
    await committed(async () => (id = await open("general")));
    const before = await board(w.admin, `?projectId=${w.PA.id}`);
    await committed(() => w.t.db.execute(sql`update cases_cases set grade = 'major' where id = ${id}`));
    expect((await board(w.admin, `?projectId=${w.PA.id}`)).openMajor).toBe(before.openMajor + 1);
  });

  it("checks the permission before the cache", async () => {
    await board(w.leader);
    const agency = await w.t.user("testing_agency", { enterpriseId: w.A });
    expect((await w.t.as(agency, { method: "GET", url: "/api/v1/cases/board" })).statusCode).toBe(403);
  });
});
