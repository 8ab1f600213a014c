import type { FastifyBaseLogger } from "fastify";
import type { AccessResult } from "@contracts/workforce/attendance";
import { Batcher } from "../../platform/batch/batcher.js";
import type { Db } from "../../platform/db/client.js";
import type { Files } from "../../platform/files/store.js";
import type { AlarmVerdict, DeviceInfo } from "../iot/index.js";
import { shanghaiDay } from "@contracts/platform/time";
import { dedupKeyOf, type AccessInput } from "./access.parse.js";
import { storeAccessBatch, type AccessRefusal, type AccessRow } from "./access.store.js";

/** Access alarms (through the IoT alarm machinery: one active alarm per gate and reason, repeats count up). */
export const ACCESS_ALARMS: Record<Exclude<AccessResult, "accepted">, { name: string; severity: AlarmVerdict["severity"] }> = {
  unknown_face: { name: "陌生人闯入 (unknown face at the gate)", severity: "minor" },
  blacklisted: { name: "黑名单人员闯入 (blacklisted person at the gate)", severity: "major" },
  not_admitted: { name: "未进场登记人员 (person not admitted: no contract or training)", severity: "minor" },
  other_project: { name: "他项目人员 (worker of another project)", severity: "minor" },
};

/**
 * Gate events, batched like telemetry: a batch is one statement (events + attendance + status), then
 * one alarm statement for the refusals. Snapshots are written to the file store before the batch.
 */
export class AccessPipeline {
  private readonly batcher: Batcher<AccessRow>;
  readonly stats = { events: 0, stored: 0, refused: 0 };

  constructor(
    private readonly deps: {
      db: Db;
      files: Files;
      log: FastifyBaseLogger;
      raiseAlarms: (verdicts: AlarmVerdict[]) => Promise<void>;
      maxBatch?: number;
    },
  ) {
    this.batcher = new Batcher<AccessRow>({
      write: (rows) => this.write(rows),
      maxWeight: deps.maxBatch ?? 5_000,
      maxDelayMs: 25,
      maxConcurrent: 3,
      log: deps.log,
      name: "gate event batch",
    });
  }

  /** Queues one passage of a gate; resolves when stored. */
  async submit(gate: Pick<DeviceInfo, "id"> & { projectId: string }, input: AccessInput): Promise<void> {
    this.stats.events++;
    const snapshotPath = input.photo ? await this.deps.files.saveImage("snapshots", input.photo, "photo") : null;
    const subject = input.workerNo ?? (input.idNumber ? `${input.idNumber.slice(0, 4)}**********${input.idNumber.slice(14)}` : input.personId);
    await this.batcher.submit({
      deviceId: gate.id,
      projectId: gate.projectId,
      idNumber: input.idNumber,
      personId: input.personId,
      workerNo: input.workerNo,
      direction: input.direction,
      ts: input.ts,
      day: shanghaiDay(input.ts),
      similarity: input.similarity,
      subject,
      snapshotPath,
      dedupKey: dedupKeyOf(gate.id, input),
    });
  }

  drain(): Promise<void> {
    return this.batcher.drain();
  }

  close(): Promise<void> {
    return this.batcher.close();
  }

  private async write(rows: AccessRow[]): Promise<void> {
    const { inserted, refusals } = await storeAccessBatch(this.deps.db, rows);
    this.stats.stored += inserted;
    if (refusals.length === 0) return;
    this.stats.refused += refusals.reduce((n, r) => n + r.count, 0);
    await this.deps.raiseAlarms(refusals.map(toVerdict));
  }
}

function toVerdict(r: AccessRefusal): AlarmVerdict {
  const spec = ACCESS_ALARMS[r.result];
  return {
    deviceId: r.deviceId,
    projectId: r.projectId,
    ruleId: null,
    ruleCode: `access.${r.result}`,
    ruleName: spec.name,
    metric: null,
    severity: spec.severity,
    value: r.count,
    threshold: null,
    at: r.lastMs,
    repeats: r.count,
  };
}
