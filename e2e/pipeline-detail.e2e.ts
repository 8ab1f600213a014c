import { describe, expect, it } from "vitest";
import { apiGet, login, screenshot, shownTotal, tableRows, useE2E, type ApiPage } from "./harness";

interface Hazard {
  pipelineId: string | null;
  pipelineCode: string | null;
  caseNo: string | null;
}

/**
 * A pipeline's page (issue 15, "pipelines with a detail page"): the bureau opens a line of the demo city's
 * network from the ledger and reads its patrols and hazards (with their cases), on a desktop and on a phone.
 */
describe("gas pipelines: one line's page", () => {
  const e2e = useE2E();

  it("opens a line from the ledger and lists the patrols that covered it and its hazards with their cases", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url, "leader");
    // A line of the seeded network with a hazard on it (the seed's patrols cover its plans' lines).
    const hazards = await apiGet<ApiPage<Hazard>>(page, e2e.url, "/gas/hazards?pageSize=100");
    const hazard = hazards.items.find((h) => h.pipelineId && h.caseNo);
    expect(hazard, "the demo city has a hazard on a line").toBeDefined();
    const { pipelineId, pipelineCode } = hazard as { pipelineId: string; pipelineCode: string };
    const patrols = await apiGet<ApiPage<{ id: string }>>(page, e2e.url, `/gas/patrols?pipelineId=${pipelineId}&pageSize=1`);
    const onLine = await apiGet<ApiPage<Hazard>>(page, e2e.url, `/gas/hazards?pipelineId=${pipelineId}&pageSize=1`);
    expect(patrols.total, "the seed's patrols cover the line").toBeGreaterThan(0);

    await page.goto(`${e2e.url}/gas/pipelines?q=${encodeURIComponent(pipelineCode)}`);
    await page.getByRole("link", { name: pipelineCode, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/gas/pipelines/${pipelineId}`);
    await page.getByRole("heading", { name: new RegExp(pipelineCode) }).waitFor();
    await page.getByText("权属燃气企业").first().waitFor();

    // 巡线记录 (the default tab): the patrols whose plan covered the line, as many as the API counts.
    await page.getByRole("tab", { name: "巡线记录", selected: true }).waitFor();
    await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(patrols.total);
    expect(await tableRows(page).count()).toBeGreaterThan(0);
    await page.locator('canvas, svg').first().waitFor();
    await page.waitForTimeout(800); // the map's first frame
    await screenshot(page, "pipeline-detail-1-patrols");

    await page.getByRole("tab", { name: "巡查隐患" }).click();
    await page.waitForURL((u) => u.searchParams.get("tab") === "hazards");
    // The patrols' pane is gone (destroyed when hidden): the one list left is the line's hazards, each with its case.
    await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(onLine.total);
    await page.getByRole("link", { name: hazard?.caseNo ?? "" }).first().waitFor();
    await screenshot(page, "pipeline-detail-2-hazards");

    // The same page on a phone: header, map and tabs stacked.
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true });
    try {
      const small = await phone.newPage();
      await login(small, e2e.url, "leader");
      await small.goto(`${e2e.url}/gas/pipelines/${pipelineId}`);
      await small.getByRole("tab", { name: "巡线记录", selected: true }).waitFor();
      await small.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
      await small.waitForTimeout(800);
      await screenshot(small, "pipeline-detail-3-phone");
    } finally {
      await phone.close();
    }
  }, 180_000);

  it("shows the admin a line's linked sites with their excavation state, and its change history tab", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const links = await apiGet<ApiPage<{ pipelineId: string }>>(page, e2e.url, "/gas/site-links?pageSize=1&sort=-distanceM");
    expect(links.total, "the demo city has sites near its mains").toBeGreaterThan(0);
    const pipelineId = links.items[0].pipelineId;
    const onLine = await apiGet<ApiPage<unknown>>(page, e2e.url, `/gas/site-links?pipelineId=${pipelineId}&pageSize=1`);
    await page.goto(`${e2e.url}/gas/pipelines/${pipelineId}?tab=sites`);
    await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(onLine.total);
    await page.getByRole("columnheader", { name: "开挖类危大工程" }).waitFor();
    await page.getByRole("tab", { name: "变更记录" }).waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, "pipeline-detail-4-sites");
  }, 120_000);
});
