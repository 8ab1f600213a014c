import mqtt from "mqtt";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiGet, apiLogin, login, screenshot, shownTotal, useE2E, type ApiPage } from "./harness";

/** The number a KPI tile of the command center shows (digits only), or null while it is not drawn. */
async function tileValue(page: Page, path: string): Promise<number | null> {
  return digitsOf(page.locator(`[data-kpi="${path}"] .sc-cmd-tile-value`));
}

/** The number of a tile's sub-figure ("紧急 3"). */
async function subValue(page: Page, path: string): Promise<number | null> {
  return digitsOf(page.locator(`[data-kpi="${path}"]`));
}

async function digitsOf(locator: ReturnType<Page["locator"]>): Promise<number | null> {
  const text = await locator.first().textContent({ timeout: 1000 }).catch(() => null);
  const digits = text?.replace(/[^\d]/g, "");
  return digits ? Number(digits) : null;
}

interface City {
  alarms?: { active: number };
  cases?: { open: number };
  projects?: { total: number };
  links: Record<string, string>;
}

describe("command center and role home pages", () => {
  const e2e = useE2E();

  it("shows the leader a new critical alarm in the ticker and moves the alarm count, without a reload", async () => {
    const admin = await e2e.newPage();
    await apiLogin(admin.context(), e2e.url, "admin");
    const projects = await apiGet<ApiPage<{ id: string }>>(admin, e2e.url, "/projects?status=in_progress&pageSize=1");
    const code = `E2E-CMD-${Date.now() % 100000}`;
    const created = await admin.request.post(`${e2e.url}/api/v1/devices`, {
      data: { projectId: projects.items[0].id, type: "tower_crane", code, name: "E2E 驾驶舱塔吊", reportIntervalS: 10 },
    });
    expect(created.status()).toBe(201);
    const device = (await created.json()) as { secret: string };

    const page = await e2e.newPage();
    await login(page, e2e.url, "leader");
    await page.goto(`${e2e.url}/command`);
    await page.locator('[data-kpi="alarms.active"]').waitFor();
    const city = await apiGet<City>(page, e2e.url, "/dashboard/city");
    // The tiles show what the API says, and each links to the list whose total it is.
    await expect.poll(() => tileValue(page, "projects.total")).toBe(city.projects?.total);
    await expect.poll(() => tileValue(page, "cases.open")).toBe(city.cases?.open);
    await expect.poll(() => subValue(page, "alarms.bySeverity.critical")).not.toBeNull();
    const before = (await tileValue(page, "alarms.active")) ?? 0;
    const criticalBefore = (await subValue(page, "alarms.bySeverity.critical")) ?? 0;
    const openCases = page.locator('[data-kpi="cases.open"] .sc-cmd-tile-value a');
    expect(await openCases.getAttribute("href")).toBe("/cases?state=pending%2Crectifying%2Creview");
    // A marker on the window: a reload would drop it.
    await page.evaluate(() => ((globalThis as unknown as { e2eMarker: number }).e2eMarker = 1));
    await screenshot(page, "command-1-console-desktop");

    const crane = await mqtt.connectAsync(`mqtt://127.0.0.1:${e2e.mqttPort}`, { username: code, password: device.secret, clientId: code, reconnectPeriod: 0 });
    try {
      await crane.publishAsync(`sitecloud/v1/${code}/telemetry`, JSON.stringify({ ts: Date.now(), values: { moment_pct: 115, load_t: 3, rated_load_t: 6, radius_m: 32 } }), { qos: 1 });
      let alarmId = "";
      await expect
        .poll(async () => (alarmId = (await apiGet<ApiPage<{ id: string; severity: string }>>(page, e2e.url, `/alarms?q=${code}&ruleCode=crane.moment`)).items[0]?.id ?? ""), { timeout: 15_000 })
        .not.toBe("");
      const line = page.locator(`.sc-cmd-ticker li[data-alarm="${alarmId}"]`);
      await expect.poll(() => line.count(), { timeout: 15_000 }).toBe(1);
      expect(await line.textContent()).toMatch(/紧急/);
      // The demo's idle devices raise 设备离线 (严重) alarms meanwhile, so the active count only grows; the
      // 紧急 count is this crane's alone.
      await expect.poll(() => subValue(page, "alarms.bySeverity.critical"), { timeout: 15_000 }).toBe(criticalBefore + 1);
      expect(await tileValue(page, "alarms.active")).toBeGreaterThan(before);
      expect(await page.evaluate(() => (globalThis as unknown as { e2eMarker?: number }).e2eMarker)).toBe(1);
      await screenshot(page, "command-2-console-new-alarm");
    } finally {
      await crane.endAsync();
    }
  }, 120_000);

  it("fills a 1920×1080 wall in the dark big-screen mode with no menus, and the console on a phone", async () => {
    const wall = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" });
    try {
      const screen = await wall.newPage();
      await login(screen, e2e.url, "leader");
      await screen.goto(`${e2e.url}/command?screen=big`);
      await screen.waitForURL((u) => u.pathname === "/command/screen");
      await screen.locator('[data-kpi="alarms.active"]').waitFor();
      await screen.locator(".sc-cmd-ticker li").first().waitFor();
      expect(await screen.locator(".ant-layout-sider").count()).toBe(0);
      await screen.waitForTimeout(1500); // the map's first frame
      await screenshot(screen, "command-3-big-screen-1920");
    } finally {
      await wall.close();
    }

    // A phone: the same page, its panels stacked.
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true });
    try {
      const small = await phone.newPage();
      await login(small, e2e.url, "leader");
      await small.goto(`${e2e.url}/command`);
      await small.locator('[data-kpi="alarms.active"]').waitFor();
      await screenshot(small, "command-4-console-phone");
    } finally {
      await phone.close();
    }
  }, 120_000);

  it("opens the list a KPI counts, with the same filters and the same total (在场工人 → 在场人员)", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url, "leader");
    await page.goto(`${e2e.url}/command`);
    await expect.poll(() => tileValue(page, "workforce.onSite")).not.toBeNull();
    const onSite = await tileValue(page, "workforce.onSite");
    await page.locator('[data-kpi="workforce.onSite"] .sc-cmd-tile-value a').click();
    await page.waitForURL((u) => u.pathname === "/workforce/on-site" && u.searchParams.get("onSite") === "true");
    await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(onSite);
    await screenshot(page, "command-9-on-site-list");
  });

  it("gives a gas company its own home and menus: gas cards, no project registry and no alarm rules", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url, "gas");
    await page.locator('[data-card="fillsToday"]').waitFor();
    const home = await apiGet<{ kind: string; cards: { key: string; value: number }[] }>(page, e2e.url, "/dashboard/home");
    expect(home.kind).toBe("gas");
    for (const card of home.cards) {
      const text = await page.locator(`[data-card="${card.key}"] .sc-cmd-tile-value`).textContent();
      expect(Number(text?.replace(/[^\d]/g, "")), card.key).toBe(card.value);
    }
    const sider = page.locator(".ant-layout-sider");
    await sider.getByRole("menuitem", { name: /钢瓶/ }).first().waitFor();
    expect(await sider.getByRole("menuitem", { name: /项目库/ }).count()).toBe(0);
    expect(await sider.getByRole("menuitem", { name: /告警规则/ }).count()).toBe(0);
    expect(await sider.getByRole("menuitem", { name: /指挥大屏/ }).count()).toBe(0);
    await screenshot(page, "command-5-gas-home");
  });

  it("gives a contractor its cases by deadline and its sites' alarms", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url, "contractor");
    await page.locator('[data-card="myOpenCases"]').waitFor();
    const home = await apiGet<{ kind: string; cases?: { id: string }[] }>(page, e2e.url, "/dashboard/home");
    expect(home.kind).toBe("contractor");
    if (home.cases?.length) await page.locator(`a[href="/cases/${home.cases[0].id}"]`).first().waitFor();
    await screenshot(page, "command-6-contractor-home");
  });

  it("gives an inspector 我的工作 over the summary, and a testing agency its own cards", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url, "inspector");
    const home = await apiGet<{ kind: string; cards: { key: string; value: number }[] }>(page, e2e.url, "/dashboard/home");
    expect(home.kind).toBe("inspector");
    await page.locator('[data-kpi="cases.open"]').waitFor();
    for (const card of home.cards) await page.locator(`[data-card="${card.key}"]`).waitFor();
    await screenshot(page, "command-7-inspector-home");

    const lab = await e2e.newPage();
    await login(lab, e2e.url, "testing");
    const labHome = await apiGet<{ kind: string; cards: { key: string }[] }>(lab, e2e.url, "/dashboard/home");
    expect(labHome.kind).toBe("testing");
    for (const card of labHome.cards) await lab.locator(`[data-card="${card.key}"]`).waitFor();
    await screenshot(lab, "command-8-testing-home");
  });
});
