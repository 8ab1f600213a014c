import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBoardDto, CaseDetailDto, CaseDto, OpenCaseResultDto } from "@contracts/cases/cases";
import type { NotificationDto } from "@contracts/cases/notifications";
import type { TestUser } from "../../../../test/app";
import { casesWorld, insertEnterprise, type CasesWorld } from "./case.test-fixtures.js";

/** Cases outside any construction project (gas: a pipeline, a leak, a station) run the same loop. */
let w: CasesWorld;
let GAS: string;
let OTHER_GAS: string;
let gasUser: TestUser;
let otherGasUser: TestUser;
beforeAll(async () => {
  w = await casesWorld();
  [GAS, OTHER_GAS] = [await insertEnterprise(w.t.db, "gas"), await insertEnterprise(w.t.db, "gas")];
  gasUser = await w.t.user("gas_company", { enterpriseId: GAS });
  otherGasUser = await w.t.user("gas_company", { enterpriseId: OTHER_GAS });
});
afterAll(() => w.t.close());

const api = (user: TestUser, method: "GET" | "POST", url: string, payload?: unknown) =>
  w.t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const board = async (user: TestUser) => (await api(user, "GET", "/cases/board")).json() as CaseBoardDto;
const listed = async (user: TestUser) => ((await api(user, "GET", "/cases?pageSize=200")).json() as { items: CaseDto[] }).items.map((c) => c.id);

describe("a case outside any project", () => {
  it("names its responsible enterprise, or is refused naming the field", async () => {
    const res = await api(w.inspector, "POST", "/cases", { category: "gas", grade: "major", source: "gas", title: "中压管线上方第三方施工" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe("enterpriseId");
  });

  it("is seen by the bureau and the responsible gas company only, answered by it, and cannot stop a site", async () => {
    const cityBefore = await board(w.leader);
    const res = await api(w.inspector, "POST", "/cases", { enterpriseId: GAS, category: "gas", grade: "major", source: "gas", title: "中压管线上方第三方施工", location: "人民路与胜利街交叉口" });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as OpenCaseResultDto;

    const detail = (await api(gasUser, "GET", `/cases/${id}`)).json() as CaseDetailDto;
    expect(detail).toMatchObject({ projectId: null, projectName: null, enterpriseId: GAS, state: "pending" });
    expect(detail.actions).toContain("accept");
    expect(detail.actions).not.toContain("stop_work");
    expect(await listed(gasUser)).toContain(id);
    // Another gas company and the contractors see nothing; the bureau sees it.
    expect((await api(otherGasUser, "GET", `/cases/${id}`)).statusCode).toBe(404);
    expect(await listed(otherGasUser)).not.toContain(id);
    expect((await api(w.contractorA, "GET", `/cases/${id}`)).statusCode).toBe(404);
    expect(await listed(w.inspector)).toContain(id);

    // The city board counts it; the inspector's stop-work order is refused with the reason.
    const cityAfter = await board(w.leader);
    expect(cityAfter.byState.pending).toBe(cityBefore.byState.pending + 1);
    expect(cityAfter.openMajor).toBe(cityBefore.openMajor + 1);
    const stop = await api(w.inspector, "POST", `/cases/${id}/stop-work`, { scope: "full", reason: "x" });
    expect(stop.statusCode).toBe(422);
    expect(stop.json().error.message).toContain("不属于在建工程");

    // The gas company was told, and signs for it.
    const inbox = ((await api(gasUser, "GET", "/notifications")).json() as { items: NotificationDto[] }).items;
    expect(inbox.some((n) => n.caseId === id)).toBe(true);
    const accepted = await api(gasUser, "POST", `/cases/${id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json() as CaseDetailDto).state).toBe("rectifying");
    expect((await api(otherGasUser, "POST", `/cases/${id}/accept`, {})).statusCode).toBe(404);
  });

  it("a gas company may not open one for another enterprise", async () => {
    const res = await api(gasUser, "POST", "/cases", { enterpriseId: OTHER_GAS, category: "gas", grade: "general", source: "gas", title: "x" });
    // Opening needs cases.inspect: the company itself is refused before the subject is looked at.
    expect(res.statusCode).toBe(403);
  });
});
