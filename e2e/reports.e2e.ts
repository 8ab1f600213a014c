import { describe, expect, it } from "vitest";
import { apiGet, login, screenshot, tableRows, useE2E, type ApiPage } from "./harness";

describe("briefings (监管简报)", () => {
  const e2e = useE2E();

  it("a leader generates last week's briefing, downloads its PDF and Excel, and subscribes", async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, e2e.url, "leader");
    await page.goto(`${e2e.url}/reports`);
    await page.getByText("我的订阅").waitFor();
    await page.getByRole("button", { name: /立即生成/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: /立即生成/ }).click();
    await page.getByText(/简报已生成|该期间的简报已存在/).waitFor({ timeout: 60_000 });
    await tableRows(page).filter({ hasText: "永康市建设工程监管周报" }).first().waitFor();

    const list = await apiGet<ApiPage<{ id: string; kind: string }>>(page, e2e.url, "/reports?kind=weekly");
    expect(list.total).toBeGreaterThan(0);
    const id = list.items[0].id;
    const pdf = await page.request.get(`${e2e.url}/api/v1/reports/${id}/report.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await page.request.get(`${e2e.url}/api/v1/reports/${id}/report.xlsx`);
    expect(xlsx.status()).toBe(200);

    await page.getByRole("switch", { name: "周报" }).click();
    await page.getByText("订阅已更新").waitFor();
    expect(await apiGet<{ weekly: boolean }>(page, e2e.url, "/reports/subscriptions")).toMatchObject({ weekly: true });
    await screenshot(page, "reports-desktop");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e2e.url}/reports`);
    await tableRows(page).first().waitFor();
    await screenshot(page, "reports-phone");
  });
});
