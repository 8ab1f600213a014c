import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { creditCodeCheckChar } from "@contracts/registry/identifiers";
import { apiGet, login, screenshot, useE2E, type ApiPage } from "./harness";

interface EnterpriseRow {
  id: string;
  name: string;
  creditCode: string;
}

const USCI_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A fresh valid 统一社会信用代码 for 永康 (330784) and the same code with a wrong check character. */
function creditCodes(): { valid: string; wrongCheck: string } {
  let first17 = "91330784";
  while (first17.length < 17) first17 += USCI_CHARS[randomInt(USCI_CHARS.length)];
  const check = creditCodeCheckChar(first17);
  const wrong = USCI_CHARS[(USCI_CHARS.indexOf(check) + 1) % USCI_CHARS.length];
  return { valid: first17 + check, wrongCheck: first17 + wrong };
}

const drawer = (page: Page) => page.locator(".ant-drawer-open");

/** The input labelled `label` in the open drawer (the list behind it has columns of the same names). */
const field = (page: Page, label: string) => drawer(page).getByLabel(label, { exact: true });

/** The form item of the open drawer whose label is `label`. */
const formItem = (page: Page, label: string) =>
  page.locator(".ant-drawer-open .ant-form-item").filter({ has: page.locator("label", { hasText: new RegExp(`^${label}$`) }) });

/**
 * Picks the 企业类型 option and waits until the select shows it. A click on the option while the drawer is still
 * sliding in can be lost (the dropdown moves with it), which left the required field empty and sent no request;
 * so a pick that did not land is retried.
 */
async function pickType(page: Page, type: string) {
  const shown = formItem(page, "企业类型").locator(".ant-select-content, .ant-select-selection-item").filter({ hasText: type }).first();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await field(page, "企业类型").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: new RegExp(`^${type}$`) }).click();
    if (await shown.waitFor({ timeout: 3000 }).then(() => true, () => false)) return;
    await page.keyboard.press("Escape");
  }
  throw new Error(`企业类型 ${type} could not be picked`);
}

/** Opens 新建企业 on /enterprises and fills the required fields. */
async function openAndFill(page: Page, name: string, creditCode: string) {
  await page.getByRole("button", { name: /新\s*建/ }).click();
  await drawer(page).getByText("新建企业").waitFor();
  await field(page, "企业名称").fill(name);
  await field(page, "统一社会信用代码").fill(creditCode);
  await pickType(page, "施工企业");
  await field(page, "法定代表人").fill("张建国");
  await drawer(page).locator(".ant-form-item-explain-error").first().waitFor({ state: "detached", timeout: 2000 }).catch(() => undefined);
}

const saveButton = (page: Page) => drawer(page).getByRole("button", { name: /保\s*存/ });

describe("create an enterprise", () => {
  const e2e = useE2E();

  it("rejects a wrong credit-code check character in the form, then saves the corrected code and shows it", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const before = (await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1")).total;
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/enterprises") posts.push(r.url());
    });

    const { valid, wrongCheck } = creditCodes();
    const name = `永康市端到端测试建设有限公司${randomInt(1000, 9999)}`;
    await page.goto(`${e2e.url}/enterprises`);
    await openAndFill(page, name, wrongCheck);
    await saveButton(page).click();
    const error = formItem(page, "统一社会信用代码").locator(".ant-form-item-explain-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("统一社会信用代码校验位错误");
    await screenshot(page, "3-create-enterprise-field-error");
    // Nothing was sent, nothing was created.
    expect(posts).toEqual([]);
    expect((await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1")).total).toBe(before);
    expect((await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, `/enterprises?q=${wrongCheck}`)).total).toBe(0);

    await field(page, "统一社会信用代码").fill(valid);
    await error.waitFor({ state: "detached" });
    const created = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/enterprises");
    await saveButton(page).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL((u) => /^\/enterprises\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByRole("heading", { name }).waitFor();
    const info = page.locator(".ant-descriptions");
    await info.getByText(valid, { exact: true }).waitFor();
    await info.getByText("施工企业", { exact: true }).waitFor();
    await screenshot(page, "3-create-enterprise-detail");

    const saved = await apiGet<EnterpriseRow>(page, e2e.url, `/enterprises/${id}`);
    expect(saved).toMatchObject({ name, creditCode: valid });
    expect((await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1")).total).toBe(before + 1);
  });

  it("shows the server's 409 for an already registered credit code on the field and creates nothing", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    const list = await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1");
    const taken = list.items[0].creditCode;

    await page.goto(`${e2e.url}/enterprises`);
    await openAndFill(page, `永康市重复代码测试有限公司${randomInt(1000, 9999)}`, taken);
    const sent = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/enterprises", { timeout: 10_000 });
    await saveButton(page).click();
    // Two waits, so a failure says which side stalled: the form never sent, or the server never answered.
    const res = await (await sent).response();
    if (!res) throw new Error("POST /api/v1/enterprises got no response");
    expect(res.status()).toBe(409);
    const error = formItem(page, "统一社会信用代码").locator(".ant-form-item-explain-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("统一社会信用代码已登记");
    // The drawer stays open with the input kept, so the user can correct it.
    expect(await field(page, "统一社会信用代码").inputValue()).toBe(taken);
    await screenshot(page, "3-create-enterprise-duplicate");
    expect((await apiGet<ApiPage<EnterpriseRow>>(page, e2e.url, "/enterprises?pageSize=1")).total).toBe(list.total);
  });
});
