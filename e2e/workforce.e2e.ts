import { randomInt } from "node:crypto";
import mqtt from "mqtt";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@contracts/registry/identifiers";
import { apiGet, login, screenshot, tableRows, useE2E, type ApiPage } from "./harness";

interface Participant {
  enterpriseId: string;
  role: string;
}
interface Project {
  id: string;
  participants: Participant[];
}
interface Worker {
  id: string;
  workerNo: string;
  name: string;
  status: string;
}

/** A valid 身份证号码 from a region the demo city never uses (北京朝阳 110105). */
function idNumber(): string {
  const birth = `19${randomInt(60, 99)}${String(randomInt(1, 13)).padStart(2, "0")}${String(randomInt(1, 29)).padStart(2, "0")}`;
  const first17 = `110105${birth}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

async function post<T>(page: Page, url: string, path: string, data: unknown, status = 201): Promise<T> {
  const res = await page.request.post(`${url}/api/v1${path}`, { data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** An in-progress project with a general contractor, and a new registry person registered on it as a worker (contract signed). */
async function registerWorker(page: Page, url: string, name: string) {
  const projects = await apiGet<ApiPage<{ id: string }>>(page, url, "/projects?status=in_progress&pageSize=50");
  const details = await Promise.all(projects.items.map((p) => apiGet<Project>(page, url, `/projects/${p.id}`)));
  const project = details.find((p) => p.participants.some((x) => x.role === "general_contractor"));
  if (!project) throw new Error("no in-progress project with a general contractor in the demo city");
  const employerId = project.participants.find((x) => x.role === "general_contractor")!.enterpriseId;
  const person = await post<{ id: string }>(page, url, "/persons", { name, idNumber: idNumber(), employerId });
  const today = new Date().toISOString().slice(0, 10);
  const worker = await post<Worker>(page, url, "/workers", {
    personId: person.id,
    projectId: project.id,
    employerId,
    trade: "rebar_worker",
    contractSignedOn: today,
    contractStart: today,
    contractEnd: `${new Date().getFullYear() + 1}-12-31`,
  });
  return { project, person, worker };
}

/** Opens the project's 人员 tab and narrows the roster to one worker (the demo city's projects have many). */
async function openRoster(page: Page, url: string, projectId: string, workerNo: string) {
  await page.goto(`${url}/projects/${projectId}?tab=workforce`);
  await page.getByPlaceholder("搜索…").fill(workerNo);
  await page.getByPlaceholder("搜索…").press("Enter");
  const row = tableRows(page).filter({ hasText: workerNo });
  await row.waitFor();
  return row;
}

/** The number shown in the live headcount's 在场人数. */
async function onSiteShown(page: Page): Promise<number> {
  const text = await page.getByTestId("headcount-onsite").locator(".ant-statistic-content-value").textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

describe("workforce", () => {
  const e2e = useE2E();

  it("gate access events move the live headcount on the project's 人员 tab", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const { project, person, worker } = await registerWorker(page, e2e.url, "测试钢筋工");
    await post(page, e2e.url, "/trainings", { personId: person.id, projectId: project.id, kind: "entry_three_level", hours: 24, score: 90, passed: true, trainedOn: new Date().toISOString().slice(0, 10) });
    await post(page, e2e.url, `/workers/${worker.id}/admit`, {}, 200);

    const code = `E2E-GATE-${Date.now() % 100000}`;
    const gate = await post<{ secret: string }>(page, e2e.url, "/devices", { projectId: project.id, type: "gate", code, name: "E2E 1#闸机", reportIntervalS: 60 });

    await openRoster(page, e2e.url, project.id, worker.workerNo);
    await expect.poll(() => page.getByTestId("headcount-onsite").locator(".ant-statistic-content-value").count()).toBe(1);
    const before = await onSiteShown(page);

    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${e2e.mqttPort}`, { username: code, password: gate.secret, clientId: code, reconnectPeriod: 0 });
    try {
      const pass = (direction: "in" | "out") =>
        client.publishAsync(`sitecloud/v1/${code}/events`, JSON.stringify({ type: "access", workerNo: worker.workerNo, direction, ts: Date.now(), similarity: 96.5 }), { qos: 1 });
      await pass("in");
      await expect.poll(() => onSiteShown(page), { timeout: 15_000 }).toBe(before + 1);
      await screenshot(page, "workforce-1-headcount-in");

      // Gate events are deduplicated by time: the way out is a later passage.
      await new Promise((r) => setTimeout(r, 1_100));
      await pass("out");
      await expect.poll(() => onSiteShown(page), { timeout: 15_000 }).toBe(before);
      await screenshot(page, "workforce-2-headcount-out");
    } finally {
      await client.endAsync();
    }
  });

  it("进场 of a worker without entry safety training is refused with the reason shown", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const { project, worker } = await registerWorker(page, e2e.url, "未培训工人");

    const row = await openRoster(page, e2e.url, project.id, worker.workerNo);
    await expect.poll(() => row.textContent()).toMatch(/未完成入场三级安全教育/);

    await row.getByRole("button", { name: /进\s*场/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();

    const refusal = page.getByTestId("admission-refusal");
    await refusal.waitFor();
    await expect.poll(() => refusal.textContent()).toMatch(/未完成入场三级安全教育/);
    await expect.poll(() => page.locator(".ant-modal-confirm-title").textContent()).toMatch(/不能进场/);
    // Let the dialog's zoom-in finish so the picture shows it.
    await page.waitForTimeout(400);
    await screenshot(page, "workforce-3-admission-refused");

    // Nothing changed: the worker is still only registered.
    expect((await apiGet<Worker>(page, e2e.url, `/workers/${worker.id}`)).status).toBe("registered");
  });
});
