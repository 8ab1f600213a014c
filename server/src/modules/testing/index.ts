import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import type { FileStore } from "../../platform/files/store.js";

export interface TestingDeps {
  config: Config;
  files: FileStore;
}

export const testingPlugin: FastifyPluginAsync<TestingDeps> = async () => {};

export * from "./schema.js";
