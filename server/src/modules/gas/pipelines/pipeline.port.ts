import type { Executor } from "../../../platform/db/client.js";

/**
 * Records of another module that name a main: the leaks module's leak points name their nearest main. No
 * foreign key crosses modules, and this module reads no other gas module's tables, so app.ts hands the leaks
 * module's answer to pipelinesPlugin; a main still named is not deleted, as the foreign key refused before.
 */
export interface PipelineReferrer {
  /** What names the main, in the refusal: e.g. { zh: "泄漏点记录", en: "leak points" }. */
  what: { zh: string; en: string };
  names: (db: Executor, pipelineId: string) => Promise<boolean>;
}
