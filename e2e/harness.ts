import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type APIResponse, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";

export const ADMIN_PASSWORD = "e2e-admin-pass";

export interface RunningServer {
  url: string;
  /** The embedded MQTT broker's port. */
  mqttPort: number;
  /** Where the server keeps its files (PGlite, the demo devices' credentials). */
  dataDir: string;
  /** The end of what the server printed (LOG_LEVEL warn), for a failing test's report. */
  logTail(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Newest modification time under a path (files and folders, recursively). */
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

/** The built web app is missing or older than its sources (so the tests would exercise an old UI). */
function webDistStale(): boolean {
  const built = "web/dist/index.html";
  if (!existsSync(built)) return true;
  const sources = ["web/src", "web/index.html", "web/vite.config.ts", "contracts"].map(newestMtime);
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/**
 * Starts the real server as `npm start` would (built web app, embedded PGlite in a fresh data dir,
 * demo city at a small scale) and waits until /api/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (webDistStale()) {
    // NODE_ENV is "test" under vitest; vite would honour it and ship React's and antd's development builds.
    const build = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("web build failed");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "sc-e2e-"));
  const port = await freePort();
  const mqttPort = await freePort();
  // DATABASE_URL must be absent, not empty (an empty string fails the config's URL check): embedded PGlite.
  const { DATABASE_URL: _pg, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    env: { ...inherited, PORT: String(port), MQTT_PORT: String(mqttPort), SIMULATE: "0", DATA_DIR: dataDir, ADMIN_PASSWORD, LOG_LEVEL: "warn", SEED_SCALE: "0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && output.includes("login:")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    mqttPort,
    dataDir,
    logTail: () => output.slice(-6000),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** Logs in through the login page as the given user. */
export async function login(page: Page, baseUrl: string, username = "admin", password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /登\s*录|Log in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** The `{items,total,page,pageSize}` answer of list endpoints. */
export interface ApiPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** GET `/api/v1${path}` with the cookies of the page's browser context (i.e. as the user logged in there). */
export async function apiGet<T>(page: Page | BrowserContext, baseUrl: string, path: string): Promise<T> {
  return json<T>(await page.request.get(`${baseUrl}/api/v1${path}`), `GET ${path}`);
}

/** Logs a browser context in through the API only (no page), e.g. to read what another role sees. */
export async function apiLogin(context: BrowserContext, baseUrl: string, username = "admin", password = ADMIN_PASSWORD): Promise<void> {
  await json(await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } }), `login ${username}`);
}

export const SCREENSHOT_DIR = "e2e/screenshots";

/** Viewport screenshot (full-page ones garble the sticky sider) into e2e/screenshots/<name>.png (gitignored), for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let a table's loading veil fade first, so the picture shows what the user reads.
  await page.locator(".ant-spin-spinning, .ant-spin-blur").first().waitFor({ state: "detached", timeout: 5000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

export interface E2E {
  /** Base URL of the running server, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Port of the server's embedded MQTT broker. */
  readonly mqttPort: number;
  readonly browser: Browser;
  /** A page in a fresh browser context (own cookies), closed after the test. */
  newPage(): Promise<Page>;
}

/**
 * One server and one browser for a whole test file (beforeAll/afterAll); each test gets isolated
 * contexts from `newPage()`. A failing test leaves a screenshot of every page it opened.
 */
export function useE2E(): E2E {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterEach(async ({ task }) => {
    const open = contexts;
    contexts = [];
    if (task.result?.state === "fail") {
      const pages = open.flatMap((c) => c.pages());
      const base = `FAILED-${task.name.replace(/[^\w\u4e00-\u9fff-]+/g, "_")}`;
      await Promise.all(pages.map((p, i) => screenshot(p, `${base}-${i}`).catch(() => undefined)));
      // The server logs at warn: whatever it said is the first clue to a request that never came back.
      console.error(`server output (last 6,000 characters) after "${task.name}":\n${server?.logTail() ?? ""}`);
    }
    await Promise.all(open.map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error("server not started");
      return server.url;
    },
    get mqttPort() {
      if (!server) throw new Error("server not started");
      return server.mqttPort;
    },
    get browser() {
      if (!browser) throw new Error("browser not launched");
      return browser;
    },
    async newPage() {
      if (!browser) throw new Error("browser not launched");
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", acceptDownloads: true });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/**
 * Resolves with the next GET answer of `/api/v1${path}` whose query matches, e.g. the list reload a
 * search triggers. Set it up before the action that causes the request.
 */
export function waitForApi(page: Page, path: string, match: (q: URLSearchParams) => boolean = () => true): Promise<Response> {
  return page.waitForResponse((r) => {
    const u = new URL(r.url());
    return r.request().method() === "GET" && u.pathname === `/api/v1${path}` && match(u.searchParams);
  });
}

/** The data rows of the (first) antd table on the page. */
export const tableRows = (page: Page) => page.locator(".ant-table-tbody tr.ant-table-row");

/** The total the list's pagination shows (`共 N 条`), or null while it is not rendered. */
export async function shownTotal(page: Page): Promise<number | null> {
  const text = await page.locator(".ant-pagination-total-text").first().textContent({ timeout: 1000 }).catch(() => null);
  const m = text?.match(/共\s*([\d,]+)\s*条/);
  return m ? Number(m[1].replace(/,/g, "")) : null;
}
