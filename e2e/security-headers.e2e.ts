import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { login, useE2E } from "./harness";

/**
 * Every Content-Security-Policy violation a page reports, from the DOM event (all of them, styles and
 * images included) and from the console (what a person would see in the developer tools).
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  // Runs in the page; the e2e tsconfig has no DOM types, so the few names used are typed here.
  await page.addInitScript(() => {
    type Violation = { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number };
    const g = globalThis as unknown as { __csp: string[]; document: { addEventListener(type: string, fn: (e: Violation) => void): void } };
    g.__csp = [];
    g.document.addEventListener("securitypolicyviolation", (e) => g.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []))];
}

/** Lets a page settle: lazy chunks, charts and map outlines loaded. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

describe("security headers in the browser", () => {
  const e2e = useE2E();

  it("the console loads and works under its CSP with no violation: login, home charts, maps, a public page", async () => {
    const page = await e2e.newPage();
    const violations = await watchCsp(page);
    const doc = await page.goto(`${e2e.url}/login`);
    const headers = doc?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await page.getByLabel("用户名").waitFor();
    expect(await violations()).toEqual([]);

    await login(page, e2e.url);
    await page.getByText("欢迎，系统管理员").waitFor();
    // The home page draws ECharts on canvas.
    await page.locator("canvas").first().waitFor();
    await settle(page);
    expect(await violations()).toEqual([]);

    // The console's own writes are same-origin and pass the cross-site check.
    const status = await page.evaluate(async () => (await fetch("/api/v1/auth/logout", { method: "POST", credentials: "same-origin" })).status);
    expect(status).toBe(204);
    await login(page, e2e.url);

    for (const path of ["/iot/map", "/gas/map", "/testing/calculator"]) {
      await page.goto(`${e2e.url}${path}`);
      await settle(page);
      expect(await violations(), path).toEqual([]);
    }

    const anon = await e2e.newPage();
    const anonViolations = await watchCsp(anon);
    await anon.goto(`${e2e.url}/verify/cylinder/NO-SUCH-CYLINDER`);
    await anon.getByText(/查无此瓶/).first().waitFor();
    expect(await anonViolations()).toEqual([]);
  });

  it("Swagger UI at /api/docs renders under the CSP", async () => {
    const page = await e2e.newPage();
    const violations = await watchCsp(page);
    await page.goto(`${e2e.url}/api/docs`);
    await page.locator(".swagger-ui .info .title").waitFor();
    await page.locator(".opblock").first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it("refuses a write that another app on the same host (same site, other port) makes with the user's cookie", async () => {
    const page = await e2e.newPage();
    await login(page, e2e.url);
    // SameSite=Lax sends the cookie along: ports do not make another site. Only the Origin check stops it.
    const evil = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>evil</title>"));
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = evil.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.evaluate(async (url) => {
        // The request is sent either way; only its answer is withheld (Cross-Origin-Resource-Policy rejects the fetch).
        await fetch(`${url}/api/v1/auth/logout`, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: "x" }).catch(() => undefined);
      }, e2e.url);
    } finally {
      evil.close();
    }
    // The session survived: the logout was refused.
    const me = await page.request.get(`${e2e.url}/api/v1/auth/me`);
    expect(me.status()).toBe(200);
  });
});
