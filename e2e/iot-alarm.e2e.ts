import mqtt from "mqtt";
import { describe, expect, it } from "vitest";
import { apiGet, login, screenshot, tableRows, useE2E, type ApiPage } from "./harness";

interface DeviceWithSecret {
  id: string;
  code: string;
  secret: string;
}

describe("smart-site alarms", () => {
  const e2e = useE2E();

  it("a simulated crane overload appears on the console live, is acknowledged, and clears when the load drops", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const projects = await apiGet<ApiPage<{ id: string }>>(page, e2e.url, "/projects?status=in_progress&pageSize=1");
    const code = `E2E-CRANE-${Date.now() % 100000}`;
    const created = await page.request.post(`${e2e.url}/api/v1/devices`, {
      data: { projectId: projects.items[0].id, type: "tower_crane", code, name: "E2E 1#塔吊", reportIntervalS: 10 },
    });
    expect(created.status()).toBe(201);
    const device = (await created.json()) as DeviceWithSecret;

    // The console, narrowed to this crane, open before anything happens: the alarm must arrive by push.
    await page.goto(`${e2e.url}/iot/alarms?q=${code}`);
    await page.locator(".ant-table-placeholder").first().waitFor();

    const crane = await mqtt.connectAsync(`mqtt://127.0.0.1:${e2e.mqttPort}`, { username: code, password: device.secret, clientId: code, reconnectPeriod: 0 });
    try {
      const telemetry = (moment: number) =>
        crane.publishAsync(`sitecloud/v1/${code}/telemetry`, JSON.stringify({ ts: Date.now(), values: { moment_pct: moment, load_t: 3, rated_load_t: 6, radius_m: 32 } }), { qos: 1 });
      await telemetry(115);
      const row = tableRows(page).filter({ hasText: code });
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => row.textContent()).toMatch(/紧急/);
      await screenshot(page, "iot-1-crane-overload-alarm");

      await row.getByRole("button", { name: /确\s*认/ }).click();
      await expect.poll(async () => (await apiGet<ApiPage<{ status: string }>>(page, e2e.url, `/alarms?q=${code}&ruleCode=crane.moment`)).items[0]?.status).toBe("active_ack");
      await expect.poll(() => row.getByRole("button", { name: /确\s*认/ }).count()).toBe(0);

      // Back under 85 % (90 % minus the hysteresis): the alarm clears by itself and leaves the active view.
      await telemetry(60);
      await expect.poll(async () => (await apiGet<ApiPage<{ status: string }>>(page, e2e.url, `/alarms?q=${code}&ruleCode=crane.moment`)).items[0]?.status, { timeout: 15_000 }).toBe("cleared_ack");
      await expect.poll(() => tableRows(page).filter({ hasText: code }).count(), { timeout: 15_000 }).toBe(0);
      await screenshot(page, "iot-2-crane-alarm-cleared");
    } finally {
      await crane.endAsync();
    }
  });
});
