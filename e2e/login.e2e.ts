import { describe, expect, it } from "vitest";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { ADMIN_PASSWORD, apiGet, screenshot, useE2E } from "./harness";

interface Stats {
  total: number;
  byStatus: Partial<Record<string, number>>;
}
interface Total {
  total: number;
}

/** The number a KPI card on the home page shows, digits only ("2,000 人" → 2000), or null while loading. */
async function kpi(page: import("playwright-core").Page, title: string): Promise<number | null> {
  const value = page.locator(".ant-card").filter({ hasText: title }).locator(".ant-statistic-content-value");
  const text = await value.textContent({ timeout: 1000 }).catch(() => null);
  const digits = text?.replace(/[^\d]/g, "");
  return digits ? Number(digits) : null;
}

describe("login", () => {
  const e2e = useE2E();

  it("shows the server's message for a wrong password, lands on the home page with KPIs, and logs out", async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.url}/login`);
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("not-the-password");
    const failed = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login"));
    await page.getByRole("button", { name: /登\s*录/ }).click();
    expect((await failed).status()).toBe(401);
    const alert = page.getByRole("alert").filter({ hasText: "用户名或密码错误" });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");

    await page.getByLabel("密码").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.getByText("欢迎，系统管理员").waitFor();

    // The KPI cards show the same numbers the API gives this user.
    const [stats, enterprises, persons] = await Promise.all([
      apiGet<Stats>(page, e2e.url, "/projects/stats"),
      apiGet<Total>(page, e2e.url, "/enterprises?pageSize=1"),
      apiGet<Total>(page, e2e.url, "/persons?pageSize=1"),
    ]);
    expect(stats.total).toBeGreaterThan(0);
    await expect.poll(() => kpi(page, "项目总数")).toBe(stats.total);
    await expect.poll(() => kpi(page, "在建项目")).toBe(LIVE_PROJECT_STATUSES.reduce((n, s) => n + (stats.byStatus[s] ?? 0), 0));
    await expect.poll(() => kpi(page, "企业总数")).toBe(enterprises.total);
    await expect.poll(() => kpi(page, "从业人员")).toBe(persons.total);
    // The served bundle is a production build (a development one marks every antd class "css-dev-only").
    expect(await page.locator("[class*=css-dev-only]").count()).toBe(0);
    // The admin sees the system menu.
    await page.getByRole("menuitem", { name: /用户管理/ }).waitFor();
    await screenshot(page, "1-login-home");

    // Logout lives in the user menu (a hover dropdown on the display name).
    await page.getByRole("button", { name: "系统管理员" }).hover();
    await page.getByRole("menuitem", { name: /退出登录/ }).click();
    await page.waitForURL((u) => u.pathname === "/login");
    await page.getByLabel("用户名").waitFor();
    // The session is really gone, not just the page.
    expect((await page.request.get(`${e2e.url}/api/v1/auth/me`)).status()).toBe(401);
    await screenshot(page, "1-login-after-logout");
  });

  it("sends a logged-out visit of /projects to the login page and back after login", async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.url}/projects`);
    await page.waitForURL((u) => u.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/projects");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === "/projects");
    await page.getByRole("heading", { name: "项目库" }).waitFor();
    await screenshot(page, "1-login-redirect-back");
  });
});
