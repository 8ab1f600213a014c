import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DeviceType } from "@contracts/iot/devices";
import { sha256 } from "../platform/auth/secrets.js";
import type { Executor } from "../platform/db/client.js";
import { copyRows, type CopyValue } from "../platform/db/copy.js";
import { loadIotRows, type IotRows } from "../modules/iot/index.js";
import { withIndexesDeferred } from "./bulk-load.js";
import { REPORT_INTERVAL_S } from "./device.model.js";
import { deviceHistory, HISTORY_WINDOWS, type HistoryLevel, type RollupRow } from "./iot-history.gen.js";
import type { Rng } from "./prng.js";
import type { SeedProject } from "./projects.gen.js";
import { craneProfile, DAY_MS, hoistProfile } from "./site.model.js";

export type SeedDeviceRow = IotRows["devices"] & { id: string; type: DeviceType; code: string; projectId: string };

export interface SeedDevice {
  row: SeedDeviceRow;
  projectCode: string;
}

/** One line of the demo credentials file: what `npm run simulate` needs to connect as the device. */
export interface DeviceCredential {
  code: string;
  secret: string;
  type: DeviceType;
  projectId: string;
  projectCode: string;
  reportIntervalS: number;
}

export interface CredentialsFile {
  generatedAt: string;
  devices: DeviceCredential[];
}

// Fictional makers of the site monitors (the crane and hoist types themselves are real designations).
const VENDORS = ["浙江筑安物联科技有限公司", "永康市慧工电子有限公司", "金华智建传感技术有限公司"];
const MODELS: Record<"env_monitor" | "spray" | "tower_crane" | "hoist" | "camera", readonly string[]> = {
  env_monitor: ["ZA-E200 扬尘噪声在线监测系统", "HG-YZ6 扬尘噪声监测仪"],
  spray: ["ZA-P10 喷淋控制器", "HG-WP30 雾炮控制箱"],
  tower_crane: ["ZA-T300 塔机安全监控系统", "HG-TJ8 塔机黑匣子"],
  hoist: ["ZA-S200 升降机安全监控系统", "HG-SJ5 升降机监控仪"],
  camera: ["DS-2CD3T47 网络摄像机", "ZA-V4 AI 识别摄像机"],
};
const ENV_SPOTS = ["东门入口", "南侧围挡", "西侧场界", "北门入口"];
const SPRAYS = [
  ["东门雾炮", "东门"],
  ["西门雾炮", "西门"],
  ["围挡喷淋(南侧)", "南侧围挡"],
  ["围挡喷淋(北侧)", "北侧围挡"],
  ["塔吊喷淋", "1#塔吊起重臂"],
] as const;
const CAMERAS = [
  ["大门口摄像头", "大门"],
  ["塔吊吊钩可视化", "1#塔吊小车"],
  ["材料堆场摄像头", "材料堆场"],
  ["基坑周边摄像头", "基坑东北角"],
] as const;

/** `2025-330784-47-01-123456` → `YK-2547123456`: the parts that differ between projects, so the prefix stays unique. */
function codePrefix(projectCode: string): string {
  const [year, , industry, , serial] = projectCode.split("-");
  return `YK-${year.slice(2)}${industry}${serial}`;
}

/**
 * Every 在建 project (in_progress) gets its smart-site kit: one dust-and-noise monitor, 1–2 spray
 * controllers, 1–3 tower cranes, 0–2 hoists and 1–2 cameras, registered some days after the works began.
 * Pure and deterministic for a given Rng; secrets are not drawn here (they must be truly random).
 */
export function generateIotDevices(rng: Rng, projects: SeedProject[], now: Date): SeedDevice[] {
  const devices: SeedDevice[] = [];
  const codes = new Set<string>();
  const registrations = new Set<string>();
  const regNo = (kind: "T" | "S", year: string) => {
    let no: string;
    do no = `浙G-${kind}${year}${String(rng.int(1, 9999)).padStart(4, "0")}`;
    while (registrations.has(no));
    registrations.add(no);
    return no;
  };
  for (const p of projects) {
    if (p.row.status !== "in_progress") continue;
    const prefix = codePrefix(p.row.code);
    const started = Date.parse(`${p.row.actualStart ?? p.row.plannedStart}T01:00:00Z`);
    // Registered after the works began and at least eight days ago, so the whole week of history is theirs.
    const registeredAt = new Date(Math.min(started + rng.int(3, 30) * DAY_MS, now.getTime() - 8 * DAY_MS));
    const vendor = rng.pick(VENDORS);
    const startYear = String(new Date(started).getUTCFullYear());
    const add = (type: SeedDevice["row"]["type"], suffix: string, name: string, location: string, extra: Partial<SeedDeviceRow> = {}) => {
      const code = `${prefix}-${suffix}`;
      if (codes.has(code)) throw new Error(`seed: duplicate device code ${code}`);
      codes.add(code);
      const models = MODELS[type as keyof typeof MODELS];
      devices.push({
        projectCode: p.row.code,
        row: {
          id: rng.uuid(),
          projectId: p.row.id,
          type,
          code,
          name,
          model: models ? models[vendor === VENDORS[0] ? 0 : 1] : null,
          vendor,
          location,
          reportIntervalS: REPORT_INTERVAL_S[type],
          secretHash: "",
          secretRotatedAt: registeredAt,
          createdAt: registeredAt,
          updatedAt: registeredAt,
          ...extra,
        },
      });
    };
    add("env_monitor", "ENV01", "扬尘噪声监测仪", rng.pick(ENV_SPOTS));
    for (const [i, [name, spot]] of rng.shuffle([...SPRAYS]).slice(0, rng.int(1, 2)).entries()) add("spray", `SPR0${i + 1}`, name, spot);
    const cranes = rng.int(1, 3);
    for (let i = 1; i <= cranes; i++) {
      const code = `${prefix}-TC0${i}`;
      add("tower_crane", `TC0${i}`, `${i}#塔吊 ${craneProfile(code).model}`, `${rng.int(1, 12)}#楼${rng.pick(["东侧", "南侧", "西侧", "北侧"])}`, {
        equipmentRef: regNo("T", startYear),
      });
    }
    const hoists = rng.int(0, 2);
    for (let i = 1; i <= hoists; i++) {
      const code = `${prefix}-SC0${i}`;
      add("hoist", `SC0${i}`, `${i}#升降机 ${hoistProfile(code).model}`, `${rng.int(1, 12)}#楼`, { equipmentRef: regNo("S", startYear) });
    }
    for (const [i, [name, spot]] of rng.shuffle([...CAMERAS]).slice(0, rng.int(1, 2)).entries()) add("camera", `CAM0${i + 1}`, name, spot);
  }
  return devices;
}

const ROLLUP_COLUMNS = ["device_id", "metric", "bucket", "min", "max", "sum", "count", "energy_sum"];
const rollupRow = (deviceId: string, r: RollupRow): CopyValue[] => [deviceId, r.metric, new Date(r.bucket), r.min, r.max, r.sum, r.count, r.energySum];

export interface IotSeedResult {
  devices: number;
  hourlyRows: number;
  minuteRows: number;
  credentials: DeviceCredential[];
}

/**
 * Inserts the devices with fresh random secrets (stored as SHA-256), a week of hourly and three hours of
 * minute rollups, and the latest values; every device is online, last seen at its latest reading.
 * Runs inside the caller's transaction. The secrets come back for the credentials file.
 */
export async function insertIotDevices(
  tx: Executor,
  devices: SeedDevice[],
  opts: { now: Date; history?: HistoryLevel; log?: (m: string) => void },
): Promise<IotSeedResult> {
  const started = performance.now();
  const window = HISTORY_WINDOWS[opts.history ?? "compact"];
  const credentials: DeviceCredential[] = [];
  // Rows in primary-key order (device, metric, bucket): the key's index is built from them already sorted.
  const ordered = [...devices].sort((a, b) => (a.row.id < b.row.id ? -1 : 1));
  const hourly: CopyValue[][] = [];
  const minutely: CopyValue[][] = [];
  const latest: CopyValue[][] = [];
  const rows: SeedDeviceRow[] = [];
  for (const d of ordered) {
    const secret = randomBytes(24).toString("base64url");
    const h = deviceHistory({ code: d.row.code, type: d.row.type, projectId: d.row.projectId, reportIntervalS: d.row.reportIntervalS }, opts.now.getTime(), window);
    rows.push({ ...d.row, secretHash: sha256(secret), online: true, lastSeenAt: new Date(h.lastSeenAt) });
    credentials.push({ code: d.row.code, secret, type: d.row.type, projectId: d.row.projectId, projectCode: d.projectCode, reportIntervalS: d.row.reportIntervalS ?? 60 });
    for (const l of h.latest) latest.push([d.row.id, l.metric, new Date(l.ts), l.value]);
    for (const r of h.hourly) hourly.push(rollupRow(d.row.id, r));
    for (const r of h.minutely) minutely.push(rollupRow(d.row.id, r));
  }
  // Their primary keys built once after the load rather than grown row by row.
  await withIndexesDeferred(tx, ["iot_rollup_1h", "iot_rollup_1m"], async () => {
    await copyRows(tx, "iot_rollup_1h", ROLLUP_COLUMNS, hourly);
    await copyRows(tx, "iot_rollup_1m", ROLLUP_COLUMNS, minutely);
  });
  await loadIotRows(tx, "devices", rows);
  await copyRows(tx, "iot_latest", ["device_id", "metric", "ts", "value"], latest);
  opts.log?.(`iot (${window.level} history): ${rows.length} devices, ${hourly.length} hourly and ${minutely.length} minute rollups, ${latest.length} latest values (${Math.round(performance.now() - started)} ms)`);
  // The credentials file lists sites in project order, so `simulate --sites N` takes whole sites.
  const order = new Map(devices.map((d, i) => [d.row.code, i]));
  credentials.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return { devices: rows.length, hourlyRows: hourly.length, minuteRows: minutely.length, credentials };
}

/** Writes the demo device secrets readable by the owner only (0600): they are real credentials. */
export function writeCredentialsFile(file: string, credentials: DeviceCredential[], now: Date = new Date()): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const body: CredentialsFile = { generatedAt: now.toISOString(), devices: credentials };
  writeFileSync(file, JSON.stringify(body, null, 2) + "\n", { mode: 0o600 });
  // `mode` applies only when the file is created; an older file keeps its permissions otherwise.
  chmodSync(file, 0o600);
}
