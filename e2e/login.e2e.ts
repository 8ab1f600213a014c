import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, apiGet, screenshot, useE2E } from "./harness";

interface Total {
  total: number;
}

/** The number a KPI tile on the home page shows, digits only ("2,000 人" → 2000), or null while loading. */
async function kpi(page: import("playwright-core").Page, path: string): Promise<number | null> {
  const value = page.locator(`[data-kpi="${path}"] .sc-cmd-tile-value`);
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

    // The KPI tiles show the totals of the lists they link to, for this user.
    const [projects, openCases] = await Promise.all([
      apiGet<Total>(page, e2e.url, "/projects?pageSize=1"),
      apiGet<Total>(page, e2e.url, "/cases?state=pending,rectifying,review&pageSize=1"),
    ]);
    expect(projects.total).toBeGreaterThan(0);
    await expect.poll(() => kpi(page, "projects.total")).toBe(projects.total);
    await expect.poll(() => kpi(page, "cases.open")).toBe(openCases.total);
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
