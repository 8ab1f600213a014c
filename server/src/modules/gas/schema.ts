/**
 * Gas (燃气) tables, one file per area so each stays small; drizzle-kit reads them through this file.
 * Every row belongs to a gas company (`enterprise_id`): the company sees its own, the bureau all.
 */
export * from "./cylinder.schema.js";
export * from "./customer.schema.js";
export * from "./pipeline.schema.js";
export * from "./leak.schema.js";
