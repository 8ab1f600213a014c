import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import type { FileStore } from "../../platform/files/store.js";

export interface QualityDeps {
  config: Config;
  files: FileStore;
}

export const qualityPlugin: FastifyPluginAsync<QualityDeps> = async () => {};

export * from "./schema.js";
