import { eq } from "drizzle-orm";
import type { DeviceType } from "@contracts/iot/devices";
import type { Database, Listener } from "../../platform/db/client.js";
import { DEVICE_CHANNEL } from "./iot.notify.js";
import { iotDevices } from "./schema.js";

/** What ingest and MQTT authentication need to know about a device. */
export interface DeviceInfo {
  id: string;
  code: string;
  /** null for a device not on a site (the gas-detection vehicle): no site alarm rules, nothing project-keyed. */
  projectId: string | null;
  type: DeviceType;
  enabled: boolean;
  secretHash: string;
  /** HTTP Digest HA1 (gates' Hikvision push); null for devices registered before it existed. */
  digestHa1: string | null;
  reportIntervalS: number;
}

/** How long an unknown code is remembered as unknown (a device registered meanwhile announces itself anyway). */
const NEGATIVE_TTL_MS = 10_000;

/**
 * Devices by code, for every message's authentication and routing without a query per message.
 * Kept coherent across processes by the sc_iot_device notification (a trigger on the columns cached
 * here); while the LISTEN connection is down the cache is bypassed.
 */
export class DeviceCache {
  private readonly byCode = new Map<string, Promise<DeviceInfo | null>>();
  private readonly unknownSince = new Map<string, number>();
  private listener: Listener | null = null;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    this.listener = await this.database.listen(
      DEVICE_CHANNEL,
      (code) => this.forget(code),
      () => this.clear(),
    );
  }

  async stop(): Promise<void> {
    await this.listener?.close();
  }

  get(code: string): Promise<DeviceInfo | null> {
    if (!this.listener?.isLive()) return this.load(code);
    const unknownAt = this.unknownSince.get(code);
    if (unknownAt !== undefined && Date.now() - unknownAt > NEGATIVE_TTL_MS) this.forget(code);
    let entry = this.byCode.get(code);
    if (!entry) {
      entry = this.load(code).then((d) => {
        if (!d) this.unknownSince.set(code, Date.now());
        return d;
      });
      entry.catch(() => this.forget(code));
      this.byCode.set(code, entry);
    }
    return entry;
  }

  forget(code: string): void {
    this.byCode.delete(code);
    this.unknownSince.delete(code);
  }

  clear(): void {
    this.byCode.clear();
    this.unknownSince.clear();
  }

  private async load(code: string): Promise<DeviceInfo | null> {
    const [row] = await this.database.db
      .select({
        id: iotDevices.id,
        code: iotDevices.code,
        projectId: iotDevices.projectId,
        type: iotDevices.type,
        enabled: iotDevices.enabled,
        secretHash: iotDevices.secretHash,
        digestHa1: iotDevices.digestHa1,
        reportIntervalS: iotDevices.reportIntervalS,
      })
      .from(iotDevices)
      .where(eq(iotDevices.code, code));
    return row ? { ...row, type: row.type as DeviceType } : null;
  }
}
