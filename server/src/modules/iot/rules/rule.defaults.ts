import { DEVICE_TYPES, type DeviceType } from "@contracts/iot/devices";
import { NATIONAL_REGION } from "@contracts/platform/rules";
import type { Executor } from "../../../platform/db/client.js";
import { iotRules } from "../schema.js";
import type { Rule } from "./rule.checks.js";

type DefaultRule = Omit<Rule, "id" | "version" | "enabled"> & { source: string };

const threshold = (r: Partial<DefaultRule> & Pick<DefaultRule, "code" | "name" | "deviceType" | "metric" | "levels" | "source">): DefaultRule => ({
  region: NATIONAL_REGION,
  kind: "threshold",
  aggregation: "last",
  windowS: 0,
  direction: "above",
  hysteresis: 0,
  period: "all",
  missedIntervals: null,
  action: null,
  ...r,
});

/** Share of the rated load or moment: 90 % warning (预警), 100 % alarm (报警), 110 % cut-off (控制). */
const RATED_LOAD_LEVELS: DefaultRule["levels"] = [
  { severity: "minor", threshold: 90 },
  { severity: "major", threshold: 100 },
  { severity: "critical", threshold: 110 },
];

const GB12523 = "GB 12523-2011《建筑施工场界环境噪声排放标准》: LAeq 昼间 70 dB(A), 夜间 55 dB(A), 20 min; 夜间 Lmax ≤ 限值 + 15 dB(A)";

/**
 * The national defaults (region `CN`) and this city's overrides, from domain-rules.md §2–3 with their
 * sources. They are inserted as version 1 only where a code has no version yet, so a city's edits
 * (new versions) are never overwritten. ❓ marks values the bureau should confirm.
 */
export const DEFAULT_RULES: DefaultRule[] = [
  threshold({
    code: "crane.moment",
    name: "塔机力矩 (crane load moment)",
    deviceType: "tower_crane",
    metric: "moment_pct",
    levels: RATED_LOAD_LEVELS,
    hysteresis: 5,
    source: "GB 5144-2006 6.2.2 (>100% 切断起升/变幅向外, 110%); 90% 预警为通行平台默认值 ❓",
  }),
  threshold({
    code: "crane.load",
    name: "塔机起重量 (crane load)",
    deviceType: "tower_crane",
    metric: "load_pct",
    levels: RATED_LOAD_LEVELS,
    hysteresis: 5,
    source: "GB 5144-2006 6.1.2 (>额定 <110% 停止起升); 90% 预警 ❓",
  }),
  threshold({
    code: "crane.wind",
    name: "塔机风速 (crane wind, 6 级停止吊装)",
    deviceType: "tower_crane",
    metric: "wind_ms",
    levels: [{ severity: "major", threshold: 10.8 }],
    hysteresis: 1,
    source: "JGJ 276-2012 3.0.12: 6 级 (≥10.8 m/s) 及以上停止起重吊装; GB/T 28591-2012 风力等级",
  }),
  threshold({
    code: "crane.tilt",
    name: "塔机倾斜 (crane tilt)",
    deviceType: "tower_crane",
    metric: "tilt_deg",
    levels: [
      { severity: "minor", threshold: 2 },
      { severity: "major", threshold: 3 },
    ],
    hysteresis: 0.3,
    source: "厂家示例 2°/3° ❓; 垂直度超标属重大隐患 (JGJ 196)",
  }),
  threshold({
    code: "hoist.load",
    name: "升降机载重 (hoist load)",
    deviceType: "hoist",
    metric: "load_pct",
    levels: RATED_LOAD_LEVELS,
    hysteresis: 5,
    source: "GB 10055-2007 / GB/T 10054: 90% 额定载重报警, 110% 前停止启动",
  }),
  threshold({
    code: "hoist.door",
    name: "升降机门未关运行 (hoist moving with door open)",
    deviceType: "hoist",
    metric: "door_open_moving",
    levels: [{ severity: "critical", threshold: 1 }],
    source: "JGJ 215-2010 门联锁; GB/T 37537-2019 监控项",
  }),
  threshold({
    code: "hoist.tilt",
    name: "升降机倾斜 (hoist tilt)",
    deviceType: "hoist",
    metric: "tilt_deg",
    levels: [
      { severity: "minor", threshold: 2 },
      { severity: "major", threshold: 3 },
    ],
    hysteresis: 0.3,
    source: "厂家示例 2°/3° ❓",
  }),
  threshold({
    code: "noise.day",
    name: "昼间噪声 (daytime noise, Leq 20 min)",
    deviceType: "env_monitor",
    metric: "noise_db",
    aggregation: "leq",
    windowS: 1200,
    period: "day",
    levels: [{ severity: "major", threshold: 70 }],
    hysteresis: 2,
    source: GB12523,
  }),
  threshold({
    code: "noise.night",
    name: "夜间噪声 (night noise, Leq 20 min)",
    deviceType: "env_monitor",
    metric: "noise_db",
    aggregation: "leq",
    windowS: 1200,
    period: "night",
    levels: [{ severity: "major", threshold: 55 }],
    hysteresis: 2,
    source: GB12523,
  }),
  threshold({
    code: "noise.night_max",
    name: "夜间最大声级 (night Lmax)",
    deviceType: "env_monitor",
    metric: "noise_db",
    period: "night",
    levels: [{ severity: "major", threshold: 70 }],
    hysteresis: 3,
    source: GB12523,
  }),
  threshold({
    code: "dust.pm10",
    name: "PM10 15 分钟均值 (PM10 15-min mean) → 自动喷淋",
    deviceType: "env_monitor",
    metric: "pm10",
    aggregation: "mean",
    windowS: 900,
    levels: [{ severity: "minor", threshold: 150 }],
    hysteresis: 30,
    action: "spray",
    source: "长三角《建筑施工颗粒物控制标准》(征求意见稿) 15 min 监测; 浙江推荐默认 150 µg/m³ ❓ (domain-rules §3.2-3.3)",
  }),
  threshold({
    code: "dust.pm10_hour",
    name: "PM10 小时均值 (PM10 hourly mean)",
    deviceType: "env_monitor",
    region: "330784",
    metric: "pm10",
    aggregation: "mean",
    windowS: 3600,
    levels: [{ severity: "major", threshold: 200 }],
    hysteresis: 30,
    source: "永康市默认: 小时均值 > 200 µg/m³ 报警并整改 (参照武汉 2017 做法) ❓",
  }),
  threshold({
    code: "dust.pm25",
    name: "PM2.5 15 分钟均值 (PM2.5 15-min mean)",
    deviceType: "env_monitor",
    metric: "pm25",
    aggregation: "mean",
    windowS: 900,
    levels: [{ severity: "minor", threshold: 75 }],
    hysteresis: 10,
    source: "GB 3095-2012 二级 24 h 75 µg/m³ 作为 15 min 预警参考 ❓",
  }),
  threshold({
    code: "gas.ch4",
    name: "甲烷浓度 (methane)",
    deviceType: "gas_detector",
    metric: "ch4_ppm",
    levels: [
      { severity: "major", threshold: 12_500 },
      { severity: "critical", threshold: 25_000 },
    ],
    hysteresis: 500,
    source: "GB/T 50493-2019 5.5: 一级报警 ≤25% LEL (12 500 ppm), 二级 ≤50% LEL (25 000 ppm)",
  }),
  ...DEVICE_TYPES.map(
    (deviceType: DeviceType): DefaultRule => ({
      code: `offline.${deviceType}`,
      name: "设备离线 (device offline)",
      deviceType,
      region: NATIONAL_REGION,
      kind: "offline",
      metric: null,
      aggregation: "last",
      windowS: 0,
      direction: "above",
      levels: [{ severity: deviceType === "tower_crane" || deviceType === "hoist" ? "major" : "minor", threshold: 0 }],
      hysteresis: 0,
      period: "all",
      missedIntervals: 3,
      action: null,
      source: "3 个上报周期未上报判离线 (domain-rules §2.3; 升降机 3 × 15 s = 45 s)",
    }),
  ),
];

/** Inserts each default rule as version 1 where its (code, region) has no version yet (versions start at 1 and are never deleted). Idempotent. */
export async function ensureDefaultRules(db: Executor): Promise<void> {
  const effectiveFrom = new Date("2020-01-01T00:00:00Z");
  await db
    .insert(iotRules)
    .values(DEFAULT_RULES.map((r) => ({ ...r, version: 1, enabled: true, effectiveFrom, createdBy: "system" })))
    .onConflictDoNothing({ target: [iotRules.code, iotRules.region, iotRules.version] });
}
