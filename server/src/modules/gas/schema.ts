/**
 * Gas (燃气) tables, one file per area so each stays small; drizzle-kit reads them through this file.
 * Every row belongs to a gas company (`enterprise_id`): the company sees its own, the bureau all.
 */
export * from "./cylinders/schema.js";
export * from "./delivery/schema.js";
export * from "./pipelines/schema.js";
export * from "./leaks/schema.js";
