import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "@contracts/registry/identifiers";
import { apiGet, apiLogin, login, screenshot, useE2E, type ApiPage } from "./harness";

async function post<T>(page: Page, url: string, path: string, data: unknown, status: number): Promise<T> {
  const res = await page.request.post(`${url}/api/v1${path}`, { data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

const stamp = () => Date.now().toString(36).toUpperCase() + Math.random().toString(36).slice(2, 5).toUpperCase();

/** A gas company of the demo city (or one filed now), a filling station of it, and two cylinders stocked in. */
async function gasCity(page: Page, url: string) {
  const found = await apiGet<ApiPage<{ id: string }>>(page, url, "/enterprises?type=gas&pageSize=1");
  const s = stamp();
  const first17 = `9133078${String(Date.now()).slice(-10)}`;
  const enterpriseId =
    found.items[0]?.id ??
    (await post<{ id: string }>(page, url, "/enterprises", { name: `永康E2E燃气${s}有限公司`, creditCode: first17 + creditCodeCheckChar(first17), type: "gas", legalRep: "王五" }, 201)).id;
  const station = await post<{ id: string; code: string; name: string }>(page, url, "/gas/stations", { enterpriseId, code: `E2E${s}`, name: `E2E充装站${s}`, kind: "filling" }, 201);
  const file = async (code: string, manufacturedOn: string) => {
    const c = await post<{ id: string }>(page, url, "/gas/cylinders", { code, stationId: station.id, type: "gas_phase", spec: "YSP35.5", nominalFillKg: 14.5, manufacturedOn }, 201);
    await post(page, url, `/gas/cylinders/${c.id}/actions`, { action: "stock_in" }, 200);
    return code;
  };
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  // Made five years ago and never inspected: its 4-year inspection is overdue.
  const overdue = await file(`E2EOVD${s}`, `${year - 5}-01-15`);
  const fresh = await file(`E2EOK${s}`, `${year - 1}-01-15`);
  return { station, overdue, fresh };
}

describe("gas cylinders: the scale console and the public scan", () => {
  const e2e = useE2E();

  it("locks the scale for an overdue cylinder with its reason, and releases a sound one", async () => {
    const admin = await e2e.newPage();
    await login(admin, e2e.url);
    const { station, overdue, fresh } = await gasCity(admin, e2e.url);

    await admin.goto(`${e2e.url}/gas/fill-console`);
    await admin.getByLabel("站点编码").fill(station.code);
    const cylinder = admin.getByLabel("钢瓶编码");
    await cylinder.fill(overdue);
    await cylinder.press("Enter");
    const verdict = admin.getByTestId("scale-verdict");
    await verdict.getByText("锁定").waitFor();
    expect(await verdict.getAttribute("data-allowed")).toBe("false");
    await verdict.getByText(/钢瓶超期未检验/).waitFor();
    await screenshot(admin, "gas-scale-locked");

    await cylinder.fill(fresh);
    await cylinder.press("Enter");
    await verdict.getByText("放行").waitFor();
    expect(await verdict.getAttribute("data-allowed")).toBe("true");
    await screenshot(admin, "gas-scale-allowed");
  });

  it("shows a safe cylinder to anyone without a login, and says an unknown code is no such cylinder", async () => {
    const admin = await e2e.newPage();
    await apiLogin(admin.context(), e2e.url);
    const { station, fresh } = await gasCity(admin, e2e.url);

    const visitor = await e2e.newPage();
    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.goto(`${e2e.url}/verify/cylinder/${fresh}`);
    await visitor.getByText("安全", { exact: true }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe(`/verify/cylinder/${fresh}`);
    await visitor.getByText(station.name).waitFor();
    await visitor.getByText(fresh).waitFor();
    await screenshot(visitor, "gas-verify-safe");

    await visitor.goto(`${e2e.url}/verify/cylinder/NO-SUCH-CYLINDER`);
    await visitor.getByText("查无此瓶").waitFor();
    expect(await visitor.getByText("安全", { exact: true }).count()).toBe(0);
    await screenshot(visitor, "gas-verify-unknown");
  });
});
