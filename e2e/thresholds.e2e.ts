import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ThresholdList } from "@contracts/platform/rules";
import { shanghaiDay } from "@contracts/platform/time";
import { apiGet, login, screenshot, tableRows, useE2E, waitForApi } from "./harness";

const CODE = "cases.deadline";

/** The filing dialog (not the confirmation on top of it). */
const dialog = (page: Page) => page.locator(".ant-modal").filter({ hasText: "报备阈值版本" });
const formItem = (page: Page, label: string) => dialog(page).locator(".ant-form-item").filter({ has: page.locator("label", { hasText: label }) });
const row = (page: Page, text: string) => tableRows(page).filter({ hasText: text });

describe("thresholds page", () => {
  const e2e = useE2E();

  it("files a city version of the rectification deadline in the browser and shows it in force", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const loaded = waitForApi(page, "/thresholds");
    await page.goto(`${e2e.url}/thresholds`);
    await loaded;
    await row(page, CODE).first().waitFor();
    expect(await row(page, CODE).count()).toBe(1);
    await expect(row(page, CODE).textContent()).resolves.toContain("全国 (CN)");
    await screenshot(page, "thresholds-1-list");

    const today = shanghaiDay();
    await row(page, CODE).getByRole("button", { name: "报备本市版本" }).click();
    await dialog(page).waitFor();
    // The value starts from the one in force.
    await expect(formItem(page, "取值").locator("textarea").inputValue()).resolves.toContain('"generalDays": 7');
    await formItem(page, "生效日期").locator("input").fill(today);
    await formItem(page, "生效日期").locator("input").press("Enter");
    await formItem(page, "依据").locator("textarea").fill("永康市住建局关于整改期限的通知（端到端测试）");

    // A value the rule's schema refuses: the server names value.generalDays, shown under 取值.
    await formItem(page, "取值").locator("textarea").fill('{ "generalDays": 0, "majorDays": 10 }');
    await dialog(page).getByRole("button", { name: "报备本市版本" }).click();
    await page.locator(".ant-modal-confirm").getByRole("button", { name: "确认报备" }).click();
    const error = formItem(page, "取值").locator(".ant-form-item-explain-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("generalDays");
    await screenshot(page, "thresholds-2-value-refused");

    await formItem(page, "取值").locator("textarea").fill('{ "generalDays": 5, "majorDays": 10 }');
    await dialog(page).getByRole("button", { name: "报备本市版本" }).click();
    const confirm = page.locator(".ant-modal-confirm");
    expect(await confirm.textContent()).toContain(`本市 (330784)自 ${today} 起`);
    const reloaded = waitForApi(page, "/thresholds", (q) => q.get("versions") === "current");
    await confirm.getByRole("button", { name: "确认报备" }).click();
    await page.getByText(/已报备，v1 自/).waitFor();
    await reloaded;

    // In force: the city's version is the one tagged 现行, with the new value.
    const cityRow = row(page, "本市 (330784)").filter({ hasText: CODE });
    await cityRow.waitFor();
    expect(await cityRow.textContent()).toContain("现行");
    expect(await cityRow.textContent()).toContain("generalDays: 5");
    // The national version is still current for its region, listed right after the city's.
    expect(await row(page, CODE).count()).toBe(2);
    await expect(row(page, CODE).nth(1).textContent()).resolves.toContain("全国 (CN)");
    const current = await apiGet<ThresholdList>(page, e2e.url, `/thresholds?code=${CODE}&versions=current`);
    expect(current.items.find((r) => r.inForce)).toMatchObject({ region: "330784", version: 1, effectiveFrom: today, value: { generalDays: 5, majorDays: 10 } });
    await screenshot(page, "thresholds-3-city-version-in-force");

    await cityRow.getByRole("button", { name: "历史版本" }).click();
    const drawer = page.locator(".ant-drawer-open");
    await drawer.locator(".ant-table-row").nth(1).waitFor();
    expect(await drawer.locator(".ant-table-row").count()).toBe(2);
    await screenshot(page, "thresholds-4-history");

    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true });
    try {
      const small = await phone.newPage();
      await login(small, e2e.url);
      await small.goto(`${e2e.url}/thresholds?code=${CODE}&versions=all`);
      await row(small, "本市 (330784)").waitFor();
      await screenshot(small, "thresholds-5-phone");
    } finally {
      await phone.close();
    }
  });
});
