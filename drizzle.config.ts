import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // gas nests its modules one level down (gas/cylinders, gas/delivery, gas/pipelines, gas/leaks).
  schema: ["./server/src/platform/*/schema.ts", "./server/src/modules/*/schema.ts", "./server/src/modules/*/*/schema.ts"],
  out: "./server/migrations",
  casing: "snake_case",
  strict: true,
});
