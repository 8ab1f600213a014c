import { describe, expect, it } from "vitest";
import { apiGet, apiLogin, login, screenshot, shownTotal, useE2E, type ApiPage } from "./harness";

interface ProjectRow {
  id: string;
  name: string;
}

describe("data scope", () => {
  const e2e = useE2E();

  it("shows the contractor only its projects, a not-found page for others, and no system menu", async () => {
    // What the whole city looks like, read as the admin in a separate context.
    const adminPage = await e2e.newPage();
    await apiLogin(adminPage.context(), e2e.url, "admin");
    const cityWide = await apiGet<ApiPage<ProjectRow>>(adminPage, e2e.url, "/projects?pageSize=200");

    const page = await e2e.newPage();
    await login(page, e2e.url, "contractor");
    const mine = await apiGet<ApiPage<ProjectRow>>(page, e2e.url, "/projects?pageSize=200");
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(cityWide.total);

    await page.goto(`${e2e.url}/projects`);
    await expect.poll(() => shownTotal(page)).toBe(mine.total);
    // A contractor account cannot register projects.
    expect(await page.getByRole("button", { name: /新\s*建/ }).count()).toBe(0);
    await screenshot(page, "6-scope-contractor-projects");

    // The sider has the registries but no 系统管理 group.
    const sider = page.locator(".ant-layout-sider");
    await sider.getByRole("menuitem", { name: /项目库/ }).waitFor();
    expect(await sider.getByText("系统管理").count()).toBe(0);
    expect(await sider.getByRole("menuitem", { name: /用户管理|审计日志/ }).count()).toBe(0);

    // An in-scope project opens; one outside the scope looks like it does not exist.
    const visible = new Set(mine.items.map((p) => p.id));
    const own = mine.items[0];
    const foreign = cityWide.items.find((p) => !visible.has(p.id));
    if (!foreign) throw new Error("every project is visible to the contractor");
    await page.goto(`${e2e.url}/projects/${own.id}`);
    await page.getByRole("heading", { name: own.name }).waitFor();

    await page.goto(`${e2e.url}/projects/${foreign.id}`);
    await page.getByText("记录不存在或无权查看").waitFor();
    expect(await page.getByText(foreign.name).count()).toBe(0);
    await screenshot(page, "6-scope-foreign-project");
    expect((await page.request.get(`${e2e.url}/api/v1/projects/${foreign.id}`)).status()).toBe(404);

    // Typing an admin URL by hand gives the 403 page, and the API agrees.
    await page.goto(`${e2e.url}/admin/users`);
    await page.getByText("无权执行此操作").waitFor();
    expect((await page.request.get(`${e2e.url}/api/v1/admin/users`)).status()).toBe(403);
  });
});
