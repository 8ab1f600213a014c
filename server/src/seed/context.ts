import type { FastifyBaseLogger } from "fastify";
import { systemClock } from "../platform/clock.js";
import { systemContext, type ServiceContext } from "../platform/context.js";
import type { Db, Tx } from "../platform/db/client.js";
import { EventBus } from "../platform/events/bus.js";
import type { Files } from "../platform/files/store.js";

const SILENT = { level: "silent", fatal() {}, error() {}, warn() {}, info() {}, debug() {}, trace() {}, silent() {}, child: () => SILENT } as unknown as FastifyBaseLogger;

/** The seed inserts rows only: a verb it calls that tried to store a file would be a seed bug, said at once. */
const NO_FILES: Files = {
  saveImage: () => Promise.reject(new Error("the seed stores no files")),
  saveDocument: () => Promise.reject(new Error("the seed stores no files")),
  read: () => Promise.reject(new Error("the seed stores no files")),
};

/**
 * The context the seed calls verbs with (cases.openCase): the platform acting, writes through the seed's
 * transaction, events going nowhere (no one listens before the app starts), the city's rules.
 */
export function seedContext(tx: Tx, region: string): ServiceContext {
  return systemContext({ db: tx as unknown as Db, events: new EventBus(), log: SILENT, region, clock: systemClock, files: NO_FILES });
}
