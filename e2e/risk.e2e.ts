import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, apiGet, login, screenshot, useE2E, type ApiPage } from "./harness";

interface Risk {
  score: number;
  factors: { code: string; evidence: { type: string; id: string }[] }[];
}

const okButton = (page: Page, name: RegExp = /确\s*定|OK/) => page.locator(".ant-modal-wrap:visible, .ant-modal-confirm").last().getByRole("button", { name });

async function pickOption(page: Page, select: Locator, text: RegExp | string): Promise<void> {
  await select.click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: text }).first().click();
}

const evidenceIds = (r: Risk) => r.factors.flatMap((f) => f.evidence.map((e) => `${f.code}:${e.type}:${e.id}`));

describe("risk: a major case opened in the browser becomes evidence of the project's risk", () => {
  const e2e = useE2E();

  it("a safety inspector records a 重大事故隐患; within a minute the project's risk card lists the case", async () => {
    const inspector = await e2e.newPage();
    await login(inspector, e2e.url, "inspector", ADMIN_PASSWORD);
    const projects = await apiGet<ApiPage<{ id: string; name: string }>>(inspector, e2e.url, "/projects?status=in_progress&pageSize=1&sort=code");
    const project = projects.items[0];
    const before = await apiGet<Risk>(inspector, e2e.url, `/projects/${project.id}/risk`);

    await inspector.setViewportSize({ width: 1180, height: 820 });
    await inspector.goto(`${e2e.url}/inspections/new?projectId=${project.id}`);
    await expect.poll(() => inspector.locator(".ant-select-content, .ant-select-selection-item").filter({ hasText: project.name }).count()).toBeGreaterThan(0);
    await pickOption(inspector, inspector.getByLabel("检查表", { exact: true }), /重大事故隐患/);
    const first = inspector.locator(".sc-check-row").first();
    await first.waitFor();
    await first.locator(".sc-seg-fail").click();
    await first.getByPlaceholder("不合格情况、部位").fill("E2E 深基坑未按专项方案设置支护");
    await first.getByPlaceholder("部位", { exact: true }).fill("基坑北侧");
    await first.getByTestId("photo-file").setInputFiles({ name: "finding.png", mimeType: "image/png", buffer: await inspector.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } }) });
    await expect.poll(() => first.locator(".ant-image").count(), { timeout: 10_000 }).toBe(1);
    await inspector.getByRole("button", { name: "其余全部合格" }).click();
    await inspector.getByRole("button", { name: /提交检查结果/ }).click();
    await okButton(inspector, /提交检查结果/).click();
    await inspector.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const opened = inspector.getByTestId("inspection-cases").locator("a.sc-mono");
    await opened.first().waitFor();
    const caseId = (await opened.first().getAttribute("href"))!.split("/").pop()!;

    // The case notification schedules a whole-city recompute (15 s debounce): the project's risk names the case.
    await expect
      .poll(async () => evidenceIds(await apiGet<Risk>(inspector, e2e.url, `/projects/${project.id}/risk`)), { timeout: 60_000, interval: 2_000 })
      .toContain(`open_cases:case:${caseId}`);
    const after = await apiGet<Risk>(inspector, e2e.url, `/projects/${project.id}/risk`);
    // One more open case in the evidence; the score cannot fall, and rises unless the factor was already at its
    // cap (20 points: two open major cases), which the seeded project may be.
    const openCases = (r: Risk) => r.factors.find((f) => f.code === "open_cases")?.evidence.length ?? 0;
    expect(openCases(after)).toBe(Math.min(openCases(before) + 1, 20)); // a factor lists at most 20 records
    expect(after.score).toBeGreaterThanOrEqual(before.score);

    await inspector.setViewportSize({ width: 1440, height: 900 });
    await inspector.goto(`${e2e.url}/projects/${project.id}?tab=risk`);
    const link = inspector.getByTestId("risk-card").locator(`[data-evidence="case:${caseId}"]`).first();
    await link.waitFor();
    await screenshot(inspector, "risk-card");
    await link.click();
    await inspector.waitForURL(new RegExp(`/cases/${caseId}$`));

    // The ranking lists the stored snapshots: the recomputer's first pass runs 20 s after the server is ready.
    await expect
      .poll(async () => (await apiGet<ApiPage<unknown>>(inspector, e2e.url, "/risk/projects?pageSize=1")).total, { timeout: 60_000, interval: 2_000 })
      .toBeGreaterThan(0);
    await inspector.goto(`${e2e.url}/risk`);
    await inspector.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
    await screenshot(inspector, "risk-ranking");
  }, 240_000);
});
