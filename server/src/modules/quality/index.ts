import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import type { FileStore } from "../../platform/files/store.js";
import { acceptanceRoutes } from "./acceptance.routes.js";

export interface QualityDeps {
  config: Config;
  files: FileStore;
}

/**
 * Construction quality (施工质量): milestone acceptance (地基与基础, 主体结构, 竣工验收) with each party's
 * sign-off. Quality inspections and their findings run through `cases`, which also answers whether major
 * cases are open (acceptance is refused while any is).
 */
export const qualityPlugin: FastifyPluginAsync<QualityDeps> = async (app) => {
  await app.register(acceptanceRoutes);
};

export { ACCEPTANCE_ACCEPTED, ACCEPTANCE_OPENED, ACCEPTANCE_SIGNED } from "./acceptance.service.js";
export type { AcceptanceSignoff } from "./schema.js";
export { loadQualityRows, type QualityRows } from "./acceptance.load.js";
