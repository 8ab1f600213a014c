import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@contracts": path.resolve(import.meta.dirname, "contracts") };
const dbTests = ["server/**/*.db.test.ts", "test/**/*.db.test.ts"];

/**
 * Tiers: `unit` (no I/O), the same DB test files twice — `db-pglite` (embedded) and `db-pg`
 * (PostgreSQL at TEST_DATABASE_URL, default the local server) — and `e2e` (Chromium via Playwright).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "web/src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"], exclude: dbTests },
      },
      {
        resolve: { alias },
        test: { name: "db-pglite", include: dbTests, env: { TEST_DB: "pglite" }, testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "db-pg",
          include: dbTests,
          env: { TEST_DB: "postgres" },
          globalSetup: ["test/setup/pg-global.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page's first load on a busy 2-vCPU machine can take seconds; expect.poll's default is 1 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
