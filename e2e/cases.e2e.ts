import { mkdirSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, apiGet, login, screenshot, useE2E, type ApiPage } from "./harness";

interface Me {
  id: string;
  enterpriseId: string | null;
}
interface Project {
  id: string;
  name: string;
  status: string;
  participants: { enterpriseId: string; role: string }[];
}
interface CaseDetail {
  id: string;
  no: string;
  state: string;
  events: { action: string; note: string; photoIds: string[] }[];
}

/** Where the screenshots a person looks at go (besides the harness's e2e/screenshots). */
const SHOTS = "/tmp/shots";

/** A real PNG to upload as a site photo: a small clip of what the page shows. */
async function photo(page: Page, name: string) {
  return { name, mimeType: "image/png", buffer: await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } }) };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await screenshot(page, `cases-${name}`);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The OK button of the open modal / confirm dialog (antd puts a space between two CJK characters). */
const okButton = (page: Page, name: RegExp = /确\s*定|OK/) => page.locator(".ant-modal-wrap:visible, .ant-modal-confirm").last().getByRole("button", { name });

/** Picks an option of an antd Select by its visible text. */
async function pickOption(page: Page, select: Locator, text: RegExp | string): Promise<void> {
  await select.click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: text }).first().click();
}

/** An in-progress project whose general contractor is the demo contractor's enterprise, so both users see the case. */
async function contractorProject(page: Page, url: string, enterpriseId: string): Promise<Project> {
  const list = await apiGet<ApiPage<{ id: string }>>(page, url, "/projects?status=in_progress&pageSize=100");
  for (const p of list.items) {
    const d = await apiGet<Project>(page, url, `/projects/${p.id}`);
    if (d.participants.some((x) => x.role === "general_contractor" && x.enterpriseId === enterpriseId)) return d;
  }
  throw new Error("the demo contractor is general contractor of no in-progress project");
}

async function caseState(page: Page, url: string, id: string): Promise<CaseDetail> {
  return apiGet<CaseDetail>(page, url, `/cases/${id}`);
}

/** The contractor's answer: measures and one photo through the reply dialog. */
async function reply(page: Page, measures: string): Promise<void> {
  await page.getByRole("button", { name: /整改回复/ }).click();
  const dialog = page.locator(".ant-modal-wrap:visible");
  await dialog.getByLabel("整改措施").fill(measures);
  await dialog.getByTestId("photo-file").setInputFiles(await photo(page, "after.png"));
  await expect.poll(() => dialog.locator(".ant-image").count(), { timeout: 10_000 }).toBe(1);
  await okButton(page).click();
  await dialog.waitFor({ state: "hidden" });
}

describe("cases: inspection → finding → notice → reply → failed re-check → reply → closed", () => {
  const e2e = useE2E();

  it("walks the whole rectification loop between a quality inspector and the contractor", async () => {
    const inspector = await e2e.newPage();
    const contractor = await e2e.newPage();
    await login(inspector, e2e.url, "quality", ADMIN_PASSWORD);
    await login(contractor, e2e.url, "contractor", ADMIN_PASSWORD);
    const me = await apiGet<Me>(contractor, e2e.url, "/auth/me");
    const project = await contractorProject(inspector, e2e.url, me.enterpriseId!);

    // 1. The inspector runs a quality inspection on the tablet form: the first item fails, the rest pass.
    await inspector.setViewportSize({ width: 1180, height: 820 });
    await inspector.goto(`${e2e.url}/inspections/new?projectId=${project.id}`);
    await expect.poll(() => inspector.locator(".ant-select-content, .ant-select-selection-item").filter({ hasText: project.name }).count()).toBeGreaterThan(0);
    await pickOption(inspector, inspector.getByLabel("检查表", { exact: true }), /工程质量监督检查表/);
    const rows = inspector.locator(".sc-check-row");
    await rows.first().waitFor();
    const first = rows.first();
    await first.locator(".sc-seg-fail").click();
    await first.getByPlaceholder("不合格情况、部位").fill("E2E 3#楼二层梁钢筋保护层厚度不足");
    await first.getByPlaceholder("部位", { exact: true }).fill("3#楼二层");
    await first.getByTestId("photo-file").setInputFiles(await photo(inspector, "finding.png"));
    await expect.poll(() => first.locator(".ant-image").count(), { timeout: 10_000 }).toBe(1);
    // The thumbnail shows the picture itself (not a broken image) before the photo belongs to any case.
    await expect.poll(() => first.locator(".ant-image img").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await inspector.getByRole("button", { name: "其余全部合格" }).click();
    await expect.poll(() => inspector.getByTestId("inspection-progress").textContent()).toMatch(/不合格 1 项/);
    // Let the switches' slide finish so the picture shows the verdict colours.
    await inspector.waitForTimeout(600);
    await inspector.locator(".sc-check-row").first().scrollIntoViewIfNeeded();
    await shot(inspector, "inspection-form");

    await inspector.getByRole("button", { name: /提交检查结果/ }).click();
    await okButton(inspector, /提交检查结果/).click();
    await inspector.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);

    // 2. The result page lists the case the failed item opened.
    const opened = inspector.getByTestId("inspection-cases").locator("a.sc-mono");
    await opened.first().waitFor();
    expect(await opened.count()).toBe(1);
    const caseNo = (await opened.first().textContent())!.trim();
    const caseId = (await opened.first().getAttribute("href"))!.split("/").pop()!;
    await shot(inspector, "inspection-result");
    expect((await caseState(inspector, e2e.url, caseId)).state).toBe("pending");

    // 3. The rectification notice is a PDF.
    const pdf = await inspector.request.get(`${e2e.url}/api/v1/cases/${caseId}/notice.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toMatch(/application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // 4. The contractor finds it on the board, signs for it and replies with a photo.
    await contractor.goto(`${e2e.url}/cases?q=${encodeURIComponent(caseNo)}`);
    await contractor.getByRole("link", { name: caseNo }).click();
    await contractor.waitForURL(new RegExp(`/cases/${caseId}$`));
    await contractor.getByRole("button", { name: /签收整改通知/ }).click();
    await okButton(contractor).click();
    await expect.poll(async () => (await caseState(contractor, e2e.url, caseId)).state).toBe("rectifying");
    await reply(contractor, "已按图纸要求调整钢筋保护层垫块并重新验收");
    await expect.poll(async () => (await caseState(contractor, e2e.url, caseId)).state).toBe("review");

    // 5. The inspector sends it back; the reason is required.
    await inspector.goto(`${e2e.url}/cases/${caseId}`);
    await inspector.getByRole("button", { name: /不通过，退回整改/ }).click();
    await okButton(inspector, /不通过，退回整改/).click();
    await inspector.getByText("退回须写明原因").waitFor();
    await inspector.locator(".ant-modal-wrap:visible").getByLabel("退回原因").fill("垫块间距仍超过规范要求，请补充整改");
    await okButton(inspector, /不通过，退回整改/).click();
    await expect.poll(async () => (await caseState(inspector, e2e.url, caseId)).state).toBe("rectifying");

    // 6. The contractor replies again.
    await contractor.reload();
    await reply(contractor, "已加密垫块，间距满足规范");
    await expect.poll(async () => (await caseState(contractor, e2e.url, caseId)).state).toBe("review");

    // 7. The inspector passes the re-check: the case is closed and the timeline shows every step.
    await inspector.reload();
    await inspector.getByRole("button", { name: /复查通过，销项/ }).click();
    await okButton(inspector).click();
    await expect.poll(() => inspector.getByTestId("case-state").textContent(), { timeout: 10_000 }).toMatch(/已销项/);
    const timeline = inspector.getByTestId("case-timeline");
    for (const action of ["opened", "accepted", "replied", "returned", "passed"]) await timeline.getByTestId(`event-${action}`).first().waitFor();
    expect(await timeline.getByTestId("event-replied").count()).toBe(2);
    await expect.poll(() => timeline.textContent()).toMatch(/垫块间距仍超过规范要求/);
    const done = await caseState(inspector, e2e.url, caseId);
    expect(done.state).toBe("closed");
    expect(done.events.map((e) => e.action)).toEqual(expect.arrayContaining(["opened", "accepted", "replied", "returned", "passed"]));
    expect(done.events.filter((e) => e.action === "replied").every((e) => e.photoIds.length === 1)).toBe(true);
    await inspector.setViewportSize({ width: 1440, height: 900 });
    await shot(inspector, "case-detail");

    // The board shows the closed case among the city's cases.
    await inspector.goto(`${e2e.url}/cases`);
    await inspector.getByTestId("case-board-strip").waitFor();
    await inspector.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
    await shot(inspector, "case-board");
  });
});
