import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { apiGet, login, screenshot, shownTotal, useE2E, waitForApi, type ApiPage } from "./harness";

interface EnterpriseRow {
  creditCode: string;
  type: string;
}

describe("export to Excel", () => {
  const e2e = useE2E();

  it("downloads the filtered enterprise list with Chinese headers and exactly the filtered rows", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const all = await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1");
    const contractors = await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?type=contractor&pageSize=200");
    expect(contractors.total).toBeGreaterThan(20); // more than one page: the export must not stop at the page
    expect(contractors.total).toBeLessThan(all.total);
    expect(contractors.items.length).toBe(contractors.total);

    await page.goto(`${e2e.url}/enterprises`);
    await expect.poll(() => shownTotal(page)).toBe(all.total);
    const filtered = waitForApi(page, "/enterprises", (q) => q.get("type") === "contractor");
    await page.getByRole("combobox", { name: "类型" }).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: /^施工企业$/ }).click();
    await page.keyboard.press("Escape");
    await filtered;
    await expect.poll(() => shownTotal(page)).toBe(contractors.total);

    const exportLink = page.getByRole("link", { name: /导出 Excel/ });
    expect(new URL(await exportLink.getAttribute("href") ?? "", e2e.url).searchParams.get("type")).toBe("contractor");
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^企业库_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    await screenshot(page, "5-export-filtered");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 4)).toEqual(["企业名称", "统一社会信用代码", "企业类型", "法定代表人"]);
    expect(headers).toEqual(expect.arrayContaining(["资质状态", "参与项目数", "更新时间"]));
    expect(ws.actualRowCount - 1).toBe(contractors.total);

    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = Array.from({ length: ws.actualRowCount - 1 }, (_, i) => ws.getRow(i + 2));
    expect(new Set(rows.map((r) => String(r.getCell(col("企业类型")).value)))).toEqual(new Set(["施工企业"]));
    expect(rows.map((r) => String(r.getCell(col("统一社会信用代码")).value)).sort()).toEqual(contractors.items.map((e) => e.creditCode).sort());
  });
});
