import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { idNumberCheckChar } from "@contracts/registry/identifiers";
import { apiGet, login, screenshot, shownTotal, useE2E, type ApiPage } from "./harness";

interface PersonRow {
  id: string;
  name: string;
  employerName: string | null;
}
interface EnterpriseRow {
  creditCode: string;
  name: string;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `count` distinct valid 身份证号码 from a region the demo city never uses (北京朝阳 110105). */
function idNumbers(count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const birth = `19${randomInt(60, 99)}${String(randomInt(1, 13)).padStart(2, "0")}${String(randomInt(1, 29)).padStart(2, "0")}`;
    const first17 = `110105${birth}${String(randomInt(0, 1000)).padStart(3, "0")}`;
    out.add(first17 + idNumberCheckChar(first17));
  }
  return [...out];
}

/** The same ID number with a different (wrong) check character. */
function withWrongCheck(id: string): string {
  const chars = "0123456789X";
  return id.slice(0, 17) + chars[(chars.indexOf(id[17]) + 1) % chars.length];
}

/** An .xlsx with the template's header row and the given rows (cells by header). */
async function sheet(headers: string[], rows: Record<string, string | null>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("人员库");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const personsTotal = async (page: Page, url: string) => (await apiGet<ApiPage<PersonRow>>(page, url, "/persons?pageSize=1")).total;

describe("import personnel from Excel", () => {
  const e2e = useE2E();

  it("lists the bad row and imports nothing, then imports a clean sheet", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);

    // The headers come from the template the dialog offers.
    const template = await page.request.get(`${e2e.url}/api/v1/persons/import-template`);
    expect(template.ok()).toBe(true);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const headers = (twb.worksheets[0].getRow(1).values as unknown[]).filter((v): v is string => typeof v === "string");
    expect(headers).toEqual(expect.arrayContaining(["姓名", "身份证号码", "手机号码", "所属企业统一社会信用代码"]));

    const employer = (await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1&status=normal")).items[0];
    const ids = idNumbers(5);
    const good = [
      { 姓名: "端木测试", 身份证号码: ids[0], 手机号码: "13800000001", 所属企业统一社会信用代码: employer.creditCode },
      { 姓名: "欧阳测试", 身份证号码: ids[1], 手机号码: null, 所属企业统一社会信用代码: null },
      { 姓名: "司马测试", 身份证号码: ids[2], 手机号码: "13800000003", 所属企业统一社会信用代码: employer.creditCode },
      { 姓名: "上官测试", 身份证号码: ids[3], 手机号码: null, 所属企业统一社会信用代码: null },
    ];
    const bad = { 姓名: "诸葛测试", 身份证号码: withWrongCheck(ids[4]), 手机号码: null, 所属企业统一社会信用代码: null };
    // Header is Excel row 1, so the bad row (4th data row) is row 5.
    const badSheet = await sheet(headers, [good[0], good[1], good[2], bad, good[3]]);
    const before = await personsTotal(page, e2e.url);

    await page.goto(`${e2e.url}/persons`);
    await expect.poll(() => shownTotal(page)).toBe(before);
    await page.getByRole("button", { name: /导\s*入/ }).click();
    const modal = page.locator(".ant-modal").filter({ hasText: "导入人员" });
    await modal.waitFor();
    await modal.locator("input[type=file]").setInputFiles({ name: "人员-有错误.xlsx", mimeType: XLSX_MIME, buffer: badSheet });

    await modal.getByText("导入失败，未写入任何数据").waitFor();
    const issues = modal.locator(".ant-table-tbody tr.ant-table-row");
    expect(await issues.count()).toBe(1);
    const cells = (await issues.first().locator("td").allTextContents()).map((c) => c.trim());
    expect(cells[0]).toBe("5");
    expect(cells[1]).toBe("身份证号码");
    expect(cells[2]).toContain("校验位");
    expect(await modal.locator(".ant-table-thead th").allTextContents()).toEqual(["行号", "列", "错误"]);
    await screenshot(page, "4-import-bad-row");

    // All or nothing: the four good rows were not written either.
    expect(await personsTotal(page, e2e.url)).toBe(before);
    expect((await apiGet<ApiPage<PersonRow>>(page, e2e.url, `/persons?q=${ids[0]}`)).total).toBe(0);

    // The dialog offers a new upload; the clean sheet goes in whole.
    await modal.getByText("重新上传", { exact: true }).waitFor();
    await modal.locator("input[type=file]").setInputFiles({ name: "人员.xlsx", mimeType: XLSX_MIME, buffer: await sheet(headers, good) });
    await modal.getByText(`已导入 ${good.length} 条`).waitFor();
    await screenshot(page, "4-import-succeeded");
    expect(await personsTotal(page, e2e.url)).toBe(before + good.length);
    const imported = await apiGet<ApiPage<PersonRow>>(page, e2e.url, `/persons?q=${ids[0]}`);
    expect(imported.items.map((p) => [p.name, p.employerName])).toEqual([["端木测试", employer.name]]);

    // Closing the dialog shows the refreshed list.
    await modal.getByRole("button", { name: /关\s*闭/ }).last().click();
    await expect.poll(() => shownTotal(page)).toBe(before + good.length);
  });
});
