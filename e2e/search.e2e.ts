import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PROJECT_STATUS_LABELS, type ProjectStatus } from "@contracts/registry/enums";
import { apiGet, login, screenshot, shownTotal, tableRows, useE2E, waitForApi, type ApiPage } from "./harness";

interface ProjectRow {
  id: string;
  code: string;
  name: string;
  district: string | null;
  status: ProjectStatus;
}
interface PersonRow {
  id: string;
  name: string;
  gender: "M" | "F";
}

const enc = encodeURIComponent;

/** Texts of one column (by header title) over the table's current rows. */
async function columnTexts(page: Page, title: string): Promise<string[]> {
  const headers = await page.locator(".ant-table-thead th").allTextContents();
  const index = headers.findIndex((h) => h.trim() === title);
  if (index < 0) throw new Error(`no column ${title} in ${headers.join("|")}`);
  return tableRows(page).evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent?.trim() ?? ""), index);
}

/** Types a term in the toolbar's search box and submits it; resolves once the list answer arrives. */
async function search(page: Page, path: string, term: string) {
  const answered = waitForApi(page, path, (q) => q.get("q") === term);
  await page.getByPlaceholder("搜索…").fill(term);
  await page.getByPlaceholder("搜索…").press("Enter");
  return answered;
}

/** Picks an option of an antd Select found by its aria-label, then closes the dropdown. */
async function pick(page: Page, selectLabel: string, option: string) {
  await page.getByRole("combobox", { name: selectLabel }).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: new RegExp(`^${option}$`) }).click();
  await page.keyboard.press("Escape");
}

describe("search and filters", () => {
  const e2e = useE2E();

  it("narrows /projects by a search term, then by status, keeping both in the URL; pages through the full list", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);

    // A term from a seeded record whose matches mix statuses, so the status filter narrows further.
    const all = await apiGet<ApiPage<ProjectRow>>(page, e2e.url, "/projects?pageSize=100");
    let chosen: { term: string; total: number; status: ProjectStatus; narrowed: number } | undefined;
    for (const p of all.items) {
      if (!p.district || !p.name.includes(p.district)) continue;
      const hits = await apiGet<ApiPage<ProjectRow>>(page, e2e.url, `/projects?pageSize=100&q=${enc(p.district)}`);
      const status = hits.items.find((h) => hits.items.some((o) => o.status !== h.status))?.status;
      if (status && hits.total >= 3) {
        chosen = { term: p.district, total: hits.total, status, narrowed: hits.items.filter((h) => h.status === status).length };
        break;
      }
    }
    if (!chosen) throw new Error("the seed has no project name term with mixed statuses");
    expect(chosen.total).toBeLessThan(all.total);

    await page.goto(`${e2e.url}/projects`);
    await expect.poll(() => shownTotal(page)).toBe(all.total);

    await search(page, "/projects", chosen.term);
    expect(new URL(page.url()).searchParams.get("q")).toBe(chosen.term);
    await expect.poll(() => shownTotal(page)).toBe(chosen.total);
    await expect.poll(() => tableRows(page).count()).toBe(chosen.total);
    for (const name of await columnTexts(page, "项目名称")) expect(name).toContain(chosen.term);

    const statusLabel = PROJECT_STATUS_LABELS[chosen.status].zh;
    const filtered = waitForApi(page, "/projects", (q) => q.get("status") === chosen.status && q.get("q") === chosen.term);
    await pick(page, "状态", statusLabel);
    await filtered;
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe(chosen.term);
    expect(url.searchParams.get("status")).toBe(chosen.status);
    await expect.poll(() => shownTotal(page)).toBe(chosen.narrowed);
    expect(chosen.narrowed).toBeLessThan(chosen.total);
    await expect.poll(async () => (await columnTexts(page, "状态")).every((s) => s === statusLabel) && (await tableRows(page).count())).toBe(chosen.narrowed);
    for (const name of await columnTexts(page, "项目名称")) expect(name).toContain(chosen.term);
    await screenshot(page, "2-search-projects-filtered");

    // A reload keeps the list as it was (state lives in the URL).
    await page.reload();
    await expect.poll(() => shownTotal(page)).toBe(chosen.narrowed);
    await expect.poll(() => page.getByPlaceholder("搜索…").inputValue()).toBe(chosen.term);

    // 重置 clears search and filters; page 2 of the full list shows the API's second page.
    const reset = waitForApi(page, "/projects", (q) => !q.has("q") && !q.has("status"));
    await page.getByRole("button", { name: /重\s*置/ }).click();
    await reset;
    await expect.poll(() => shownTotal(page)).toBe(all.total);
    const page2 = await apiGet<ApiPage<ProjectRow>>(page, e2e.url, "/projects?page=2&pageSize=20");
    expect(page2.items.length).toBeGreaterThan(0);
    const paged = waitForApi(page, "/projects", (q) => q.get("page") === "2");
    await page.locator(".ant-pagination-item-2").click();
    await paged;
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    await expect.poll(() => columnTexts(page, "项目编号")).toEqual(page2.items.map((p) => p.code));
    await screenshot(page, "2-search-projects-page2");
  });

  it("narrows /persons by a name fragment, pages within the result and filters by gender", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const first = await apiGet<ApiPage<PersonRow>>(page, e2e.url, "/persons?pageSize=1");
    const term = first.items[0].name.slice(0, 1); // the surname: common enough to need paging
    const hits = await apiGet<ApiPage<PersonRow>>(page, e2e.url, `/persons?pageSize=1&q=${enc(term)}`);
    expect(hits.total).toBeGreaterThan(20);
    expect(hits.total).toBeLessThan(first.total);

    await page.goto(`${e2e.url}/persons`);
    await expect.poll(() => shownTotal(page)).toBe(first.total);
    await search(page, "/persons", term);
    expect(new URL(page.url()).searchParams.get("q")).toBe(term);
    await expect.poll(() => shownTotal(page)).toBe(hits.total);
    await expect.poll(() => tableRows(page).count()).toBe(20);
    for (const name of await columnTexts(page, "姓名")) expect(name).toContain(term);

    // Page 2 of the search result: the query stays, the rows still match.
    const page2 = await apiGet<ApiPage<PersonRow>>(page, e2e.url, `/persons?page=2&pageSize=20&q=${enc(term)}`);
    const paged = waitForApi(page, "/persons", (q) => q.get("page") === "2" && q.get("q") === term);
    await page.locator(".ant-pagination-item-2").click();
    await paged;
    expect(new URL(page.url()).searchParams.get("q")).toBe(term);
    await expect.poll(() => columnTexts(page, "姓名")).toEqual(page2.items.map((p) => p.name));

    // A filter returns to page 1 and narrows further.
    const women = await apiGet<ApiPage<PersonRow>>(page, e2e.url, `/persons?pageSize=1&gender=F&q=${enc(term)}`);
    expect(women.total).toBeLessThan(hits.total);
    const filtered = waitForApi(page, "/persons", (q) => q.get("gender") === "F" && q.get("q") === term);
    await pick(page, "性别", "女");
    await filtered;
    expect(new URL(page.url()).searchParams.has("page")).toBe(false);
    await expect.poll(() => shownTotal(page)).toBe(women.total);
    await expect.poll(async () => (await columnTexts(page, "性别")).every((g) => g === "女") && (await tableRows(page).count())).toBe(Math.min(20, women.total));
    await screenshot(page, "2-search-persons");
  });
});
