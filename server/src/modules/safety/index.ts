import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import type { FileStore } from "../../platform/files/store.js";

export interface SafetyDeps {
  config: Config;
  files: FileStore;
}

export const safetyPlugin: FastifyPluginAsync<SafetyDeps> = async () => {};

export * from "./schema.js";
