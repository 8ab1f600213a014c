import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { DangerousWorkDetailDto, DangerousWorkState } from "@contracts/safety/dangerous-works";
import { ADMIN_PASSWORD, apiGet, apiLogin, login, screenshot, useE2E, type ApiPage } from "./harness";

interface Project {
  id: string;
  name: string;
  participants: { enterpriseId: string; role: string }[];
}

/** The three parties whose signatures the steps under test need. */
type Party = "builder" | "general_contractor" | "supervisor";
const PARTIES: readonly Party[] = ["builder", "general_contractor", "supervisor"];

const stamp = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

async function post<T>(page: Page, url: string, path: string, data: unknown, status: number): Promise<T> {
  const res = await page.request.post(`${url}/api/v1${path}`, { data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/**
 * An in-progress demo project whose client, general contractor and supervisor are three different
 * enterprises: each signature then belongs to exactly one of the users made for it.
 */
async function threePartyProject(admin: Page, url: string): Promise<{ project: Project; enterprises: Record<Party, string> }> {
  const list = await apiGet<ApiPage<{ id: string }>>(admin, url, "/projects?status=in_progress&pageSize=100");
  for (const row of list.items) {
    const project = await apiGet<Project>(admin, url, `/projects/${row.id}`);
    const of = (role: Party) => project.participants.filter((p) => p.role === role).map((p) => p.enterpriseId);
    const ids = PARTIES.map(of);
    if (ids.some((x) => x.length !== 1) || new Set(ids.flat()).size !== 3) continue;
    // An enterprise holding a second role on the project would sign for that one too.
    if (project.participants.filter((p) => ids.flat().includes(p.enterpriseId)).length !== 3) continue;
    return { project, enterprises: { builder: ids[0][0], general_contractor: ids[1][0], supervisor: ids[2][0] } };
  }
  throw new Error("no in-progress demo project has a distinct builder, general contractor and supervisor");
}

/** An enterprise account bound to the enterprise (created by the admin), so it signs for that party only. */
async function enterpriseUser(admin: Page, url: string, enterpriseId: string, who: string): Promise<string> {
  const username = `e2e-dw-${who}-${stamp()}`;
  await post(admin, url, "/admin/users", { username, displayName: `E2E ${who}`, password: ADMIN_PASSWORD, role: "enterprise", enterpriseId }, 201);
  return username;
}

const work = (page: Page, url: string, id: string) => apiGet<DangerousWorkDetailDto>(page, url, `/dangerous-works/${id}`);

/** One workflow step through the API, as the page's user. */
const step = (page: Page, url: string, id: string, to: DangerousWorkState, data?: Record<string, string>) =>
  post(page, url, `/dangerous-works/${id}/transition`, { to, data }, 200);

/** The state tag beside the title (the level tag comes first). */
const stateTag = (page: Page) => page.locator("h4.ant-typography + .ant-space .ant-tag").last();

/** A card of the detail page by its exact title (资料 must not match 资料类型). */
const card = (page: Page, title: string) => page.locator(".ant-card").filter({ has: page.locator(".ant-card-head-title", { hasText: new RegExp(`^${title}$`) }) });

/** The step modal that is open now. */
const modal = (page: Page) => page.locator(".ant-modal-wrap:visible");

/** A form item of the open modal by its label text (a TextArea/DatePicker's label points at its input). */
const modalField = (page: Page, label: string) => modal(page).getByLabel(label, { exact: true });

/** Confirms the open modal and waits until it is gone (the mutation succeeded and the detail reloads). */
async function confirm(page: Page): Promise<void> {
  const dialog = modal(page);
  await dialog.getByRole("button", { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: "hidden" });
}

async function expectState(page: Page, label: string): Promise<void> {
  await expect.poll(() => stateTag(page).textContent(), { timeout: 10_000 }).toBe(label);
}

/** The timeline's items' text, oldest first as the page lists them. */
const timelineText = (timeline: Locator) => timeline.locator(".ant-timeline-item").allTextContents();

/** Today in Asia/Shanghai, as the API's dates. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe("危大工程: documents gate the scheme's review; an emergency is reported and the client resumes the works", () => {
  const e2e = useE2E();

  it("uploads the scheme, moves it on, reports 险情 and recovers it as the client", async () => {
    const url = e2e.url;
    const admin = await e2e.newPage();
    await apiLogin(admin.context(), url);
    const { project, enterprises } = await threePartyProject(admin, url);
    const gcName = await enterpriseUser(admin, url, enterprises.general_contractor, "gc");
    const supName = await enterpriseUser(admin, url, enterprises.supervisor, "sup");
    const builderName = await enterpriseUser(admin, url, enterprises.builder, "builder");

    // 1. The general contractor registers a 30 m ground-standing scaffold (危大: ≥ 24 m) and starts drafting.
    const gc = await e2e.newPage();
    await login(gc, url, gcName, ADMIN_PASSWORD);
    const name = `E2E 落地式脚手架 ${stamp()}`;
    const created = await post<{ id: string; level: string }>(gc, url, `/projects/${project.id}/dangerous-works`, { category: "scaffold", name, params: { ground_height_m: 30 } }, 201);
    expect(created.level).toBe("weida");
    const id = created.id;
    await step(gc, url, id, "scheme_drafting");

    // 2. Without the scheme on file the step to the contractor's review is disabled, with the reason.
    await gc.goto(`${url}/safety/works/${id}`);
    await gc.getByRole("heading", { name }).waitFor();
    await expectState(gc, "方案编制");
    const toReview = gc.getByRole("button", { name: "转入「施工单位审核」" });
    await toReview.waitFor();
    expect(await toReview.isDisabled()).toBe(true);
    const docs = card(gc, "资料");
    await docs.getByText("尚未上传第 1 版专项施工方案").waitFor();
    // The reason is the server's, shown as the disabled button's tooltip; move away so it does not cover the card.
    await toReview.hover();
    await gc.locator(".ant-tooltip:visible").getByText(/须先上传第 1 版专项施工方案/).waitFor();
    await gc.mouse.move(0, 0);

    // The kind defaults to 专项施工方案; the upload is the antd Upload's hidden file input.
    await expect.poll(() => docs.locator(".ant-select").textContent()).toContain("专项施工方案");
    const fileName = "脚手架专项施工方案.pdf";
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    await docs.locator("input[type=file]").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
    const link = docs.locator(".ant-table-tbody").getByRole("link", { name: fileName });
    await link.waitFor({ timeout: 10_000 });
    await docs.locator(".ant-table-tbody .ant-tag").getByText("专项施工方案", { exact: true }).waitFor();
    expect(await docs.getByText("尚未上传第 1 版专项施工方案").count()).toBe(0);
    // The link downloads what was uploaded.
    const download = await gc.request.get(new URL((await link.getAttribute("href"))!, url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
    expect((await download.body()).equals(pdf)).toBe(true);

    await expect.poll(() => toReview.isEnabled(), { timeout: 10_000 }).toBe(true);
    await toReview.click();
    await modal(gc).getByText("确认转入「施工单位审核」？").waitFor();
    await confirm(gc);
    await expectState(gc, "施工单位审核");
    await screenshot(gc, "dangerous-work-scheme-filed");

    // 3. The signatures and the site notice, each by its party, through the API.
    await step(gc, url, id, "supervisor_review");
    const sup = await e2e.newPage();
    await apiLogin(sup.context(), url, supName, ADMIN_PASSWORD);
    await step(sup, url, id, "disclosed");
    const today = shanghaiToday();
    await step(gc, url, id, "posted", { disclosedOn: today, postedOn: today, responsiblePersons: "项目经理 张三；专职安全员 李四" });
    await step(gc, url, id, "in_progress");

    // 4. The contractor reports 险情 through the red button: the note and when it happened are required.
    await gc.reload();
    await expectState(gc, "实施中");
    const report = gc.getByRole("button", { name: "报告险情" });
    expect(await report.getAttribute("class")).toContain("ant-btn-dangerous");
    await report.click();
    await modal(gc).locator(".ant-modal-title", { hasText: "报告险情" }).waitFor();
    await modal(gc).getByRole("button", { name: /确\s*定/ }).click();
    await modal(gc).getByText("须说明险情及已采取的应急处置措施").waitFor();
    const note = "3#楼北侧脚手架局部变形，已疏散作业人员并设警戒区，正在加设斜撑";
    await modalField(gc, "险情及已采取的应急处置措施").fill(note);
    // A time of yesterday, typed in the picker's format (browser-local time) and confirmed with Enter.
    const occurred = await gc.evaluate(() => {
      const d = new Date(Date.now() - 86_400_000);
      d.setHours(14, 30, 0, 0);
      const p = (n: number) => String(n).padStart(2, "0");
      return { text: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} 14:30`, iso: d.toISOString() };
    });
    const when = modalField(gc, "险情发生时间");
    await when.click();
    await when.fill(occurred.text);
    await when.press("Enter");
    await expect.poll(() => when.inputValue()).toBe(occurred.text);
    await confirm(gc);
    await expectState(gc, "险情处置");
    await gc.locator(".ant-alert-error").getByText(/险情处置中/).waitFor();
    // The contractor cannot resume the works itself: only the client signs that step.
    const resume = gc.getByRole("button", { name: "转入「实施中」" });
    expect(await resume.isDisabled()).toBe(true);
    await screenshot(gc, "dangerous-work-emergency");
    const reported = (await work(gc, url, id)).events.at(-1)!;
    expect([reported.toState, reported.note, (reported.data as { occurredAt?: string }).occurredAt]).toEqual(["emergency", note, occurred.iso]);

    // 5. The client resumes with its recovery plan and post-assessment; both steps stay on the timeline.
    const builder = await e2e.newPage();
    await login(builder, url, builderName, ADMIN_PASSWORD);
    await builder.goto(`${url}/safety/works/${id}`);
    await builder.getByRole("heading", { name }).waitFor();
    await builder.locator(".ant-alert-error").getByText(/险情处置中/).waitFor();
    await builder.getByRole("button", { name: "转入「实施中」" }).click();
    const plan = "拆除变形段并按复核后的方案重新搭设，经监理验收合格后恢复作业";
    const assessment = "险情由连墙件缺失引起，处置及时，无人员伤亡；已对全部架体排查连墙件";
    await modalField(builder, "工程恢复方案").fill(plan);
    await modalField(builder, "应急抢险后评估").fill(assessment);
    await confirm(builder);
    await expectState(builder, "实施中");
    expect(await builder.locator(".ant-alert-error").count()).toBe(0);

    const items = await timelineText(card(builder, "过程记录"));
    const emergencyAt = items.findIndex((t) => t.startsWith("险情处置") && t.includes(note) && t.includes(`险情发生时间：${occurred.text}`));
    const recoveredAt = items.findIndex((t) => t.startsWith("实施中") && t.includes(`工程恢复方案：${plan}`) && t.includes(`应急抢险后评估：${assessment}`));
    expect(emergencyAt, items.join("\n")).toBeGreaterThanOrEqual(0);
    expect(recoveredAt, items.join("\n")).toBeGreaterThanOrEqual(0);
    expect(Math.abs(recoveredAt - emergencyAt)).toBe(1);
    await screenshot(builder, "dangerous-work-recovered");

    const done = await work(admin, url, id);
    expect(done.state).toBe("in_progress");
    expect(done.events.filter((e) => e.action === "transition").map((e) => e.toState)).toEqual([
      "scheme_drafting",
      "enterprise_review",
      "supervisor_review",
      "disclosed",
      "posted",
      "in_progress",
      "emergency",
      "in_progress",
    ]);
  }, 180_000);
});
