import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist/", "data/", "server/migrations/", "**/*.d.ts"] },
  js.configs.recommended,
  { files: ["**/*.mjs", "**/*.js"], languageOptions: { globals: { process: "readonly", console: "readonly" } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      curly: ["error", "multi-line"],
    },
  },
  {
    // Modules talk to each other only through their index.ts (DESIGN.md, rules of the house).
    files: ["server/src/modules/**/*.ts"],
    // Tests and their fixtures may use another module's tables and fixtures (rows inserted directly); production code may not.
    ignores: ["**/*.test.ts", "**/*.test-fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        // A gas module (modules/gas/<m>/) is a module one level down: its index.ts is the way in.
        { patterns: [{ regex: "^\\.\\./(?!\\.\\.)(?!gas/[^/]+/index\\.js$)[^/]+/(?!index\\.js$).+", message: "Import another module only through its index.ts." }] },
      ],
    },
  },
  {
    // gas nests its modules one level down (gas/cylinders, gas/delivery, gas/pipelines, gas/leaks, gas/shared):
    // the same wall, both towards a sibling gas module and towards a module beside gas.
    files: ["server/src/modules/gas/*/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+", message: "Import another gas module only through its index.ts." },
            { regex: "^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+", message: "Import another module only through its index.ts." },
          ],
        },
      ],
    },
  },
  {
    // iot is one module in sub-areas (iot/ingest, iot/rules, iot/alarms, iot/commands: folders without an
    // index.ts, so no folder grows past 40 files): a sub-area reaches the rest of iot freely and every other
    // module, two levels up, only through its index.ts.
    files: ["server/src/modules/iot/*/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+", message: "Import another module only through its index.ts." }] },
      ],
    },
  },
  {
    // The seed (demo city, simulator) stands outside every module: it reaches one only through its index.ts,
    // which hands it each module's bulk loader (`load<Module>Rows`), never a table.
    files: ["server/src/seed/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./modules/.+/(?!index\\.js$)[^/]+$", message: "The seed imports a module only through its index.ts." }] },
      ],
    },
  },
  {
    // The web's layers: app/ (shell, router) imports features; features import the shared layers
    // (components, auth, api, i18n) and never the shell; the shared layers import no feature.
    files: ["web/src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(\\.\\./)+app(/|$)", message: "Features never import app/ (the shell); use auth/, components/ or api/." }] }],
    },
  },
  {
    // The registry (projects, enterprises, persons) is what the other features build on: its pages show
    // their tabs and badges through components/detail-tabs, never by importing them.
    files: ["web/src/features/registry/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(\\.\\./)+app(/|$)", message: "Features never import app/ (the shell); use auth/, components/ or api/." },
            { regex: "^(\\.\\./)+(admin|cases|gas|home|iot|quality|safety|testing|workforce)(/|$)", message: "The registry imports no other feature: register a tab or badge in components/detail-tabs instead." },
          ],
        },
      ],
    },
  },
  {
    files: ["web/src/{components,auth,api,i18n,realtime,charts}/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(\\.\\./)+(app|features)(/|$)", message: "The shared web layers import neither app/ nor a feature: features register into them instead." }] },
      ],
    },
  },
  {
    files: ["contracts/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!zod$|\\.|vitest$).*", message: "contracts import only zod." }] }],
    },
  },
);
