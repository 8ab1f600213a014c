import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import type { FileStore } from "../../platform/files/store.js";

export interface CasesDeps {
  config: Config;
  files: FileStore;
}

export const casesPlugin: FastifyPluginAsync<CasesDeps> = async () => {};

export * from "./schema.js";
