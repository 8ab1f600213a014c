import type { Labels } from "../registry/enums";
import type { ALARM_EVENT_KINDS, AlarmStatus, Severity } from "./alarms";
import type { COMMAND_SOURCES, CommandStatus } from "./commands";
import type { DeviceType, RejectReason } from "./devices";
import type { AGGREGATIONS, PERIODS } from "./rules";

/**
 * zh-CN / English names of the IoT codes: the web reads them with `useLabels().label(TABLE, code)`, the
 * server's sheets and messages take `.zh`; one table for both, so a name is changed in one place.
 */
export const DEVICE_TYPE_LABELS: Labels<DeviceType> = {
  env_monitor: { zh: "扬尘噪声监测仪", en: "Dust & noise monitor" },
  tower_crane: { zh: "塔机监控", en: "Tower crane monitor" },
  hoist: { zh: "升降机监控", en: "Hoist monitor" },
  spray: { zh: "喷淋/雾炮控制器", en: "Spray controller" },
  camera: { zh: "摄像头", en: "Camera" },
  gate: { zh: "闸机", en: "Gate" },
  gas_detector: { zh: "气体检测仪", en: "Gas detector" },
};

export const SEVERITY_LABELS: Labels<Severity> = {
  info: { zh: "提示", en: "Info" },
  minor: { zh: "一般", en: "Minor" },
  major: { zh: "严重", en: "Major" },
  critical: { zh: "紧急", en: "Critical" },
};

export const ALARM_STATUS_LABELS: Labels<AlarmStatus> = {
  active_unack: { zh: "未确认", en: "Unacknowledged" },
  active_ack: { zh: "已确认", en: "Acknowledged" },
  cleared_unack: { zh: "已清除未确认", en: "Cleared, unack." },
  cleared_ack: { zh: "已处理", en: "Closed" },
};

export const ALARM_EVENT_LABELS: Labels<(typeof ALARM_EVENT_KINDS)[number]> = {
  raised: { zh: "产生", en: "Raised" },
  escalated: { zh: "升级", en: "Escalated" },
  acknowledged: { zh: "确认", en: "Acknowledged" },
  cleared: { zh: "清除", en: "Cleared" },
  assigned: { zh: "指派", en: "Assigned" },
  commented: { zh: "评论", en: "Commented" },
};

export const COMMAND_STATUS_LABELS: Labels<CommandStatus> = {
  pending: { zh: "待下发", en: "Pending" },
  sent: { zh: "已下发", en: "Sent" },
  acked: { zh: "已执行", en: "Acknowledged" },
  failed: { zh: "执行失败", en: "Failed" },
  expired: { zh: "已过期", en: "Expired" },
};

export const COMMAND_SOURCE_LABELS: Labels<(typeof COMMAND_SOURCES)[number]> = {
  auto: { zh: "联动", en: "Linkage" },
  manual: { zh: "手动", en: "Manual" },
  schedule: { zh: "定时", en: "Scheduled" },
};

export const COMMAND_NAME_LABELS: Labels<string> = {
  "spray.on": { zh: "开启喷淋", en: "Spray on" },
  "spray.off": { zh: "关闭喷淋", en: "Spray off" },
  "camera.snapshot": { zh: "抓拍", en: "Snapshot" },
  "camera.reboot": { zh: "重启摄像头", en: "Reboot camera" },
  "gate.open": { zh: "开闸", en: "Open gate" },
  "gate.sync": { zh: "同步名单", en: "Sync roster" },
  "device.reboot": { zh: "重启设备", en: "Reboot device" },
};

export const REJECT_REASON_LABELS: Labels<RejectReason> = {
  bad_credentials: { zh: "认证失败", en: "Bad credentials" },
  bad_client_id: { zh: "客户端标识非设备编号", en: "Client id is not the device code" },
  foreign_topic: { zh: "越权主题", en: "Another device's topic" },
  disabled: { zh: "设备已停用", en: "Device disabled" },
  oversized: { zh: "报文超长", en: "Oversized payload" },
  bad_json: { zh: "JSON 格式错误", en: "Malformed JSON" },
  bad_shape: { zh: "报文结构错误", en: "Bad message shape" },
  bad_timestamp: { zh: "时间戳错误", en: "Bad timestamp" },
  unknown_metric: { zh: "未知指标", en: "Unknown metric" },
  not_a_number: { zh: "数值非法", en: "Not a number" },
  out_of_range: { zh: "数值超出量程", en: "Out of range" },
};

/** Metric names across device types (the same key means the same quantity everywhere). */
export const METRIC_LABELS: Labels<string> = {
  pm25: { zh: "PM2.5", en: "PM2.5" },
  pm10: { zh: "PM10", en: "PM10" },
  tsp: { zh: "TSP", en: "TSP" },
  noise_db: { zh: "噪声", en: "Noise" },
  temp_c: { zh: "温度", en: "Temperature" },
  humidity_pct: { zh: "湿度", en: "Humidity" },
  wind_ms: { zh: "风速", en: "Wind speed" },
  load_t: { zh: "吊重", en: "Load" },
  rated_load_t: { zh: "额定起重量", en: "Rated load" },
  moment_pct: { zh: "力矩百分比", en: "Moment" },
  radius_m: { zh: "幅度", en: "Radius" },
  height_m: { zh: "高度", en: "Height" },
  slew_deg: { zh: "回转角", en: "Slew angle" },
  tilt_deg: { zh: "倾角", en: "Tilt" },
  load_kg: { zh: "载重", en: "Load" },
  rated_load_kg: { zh: "额定载重", en: "Rated load" },
  floor: { zh: "楼层", en: "Floor" },
  speed_ms: { zh: "速度", en: "Speed" },
  people: { zh: "人数", en: "People" },
  door_open: { zh: "门状态", en: "Door" },
  state: { zh: "开关状态", en: "State" },
  online_streams: { zh: "在线视频路数", en: "Online streams" },
  passes: { zh: "通行人次", en: "Passes" },
  ch4_ppm: { zh: "甲烷浓度", en: "Methane" },
  load_pct: { zh: "载荷百分比", en: "Load ratio" },
  door_open_moving: { zh: "运行中开门", en: "Door open while moving" },
};

export const AGGREGATION_LABELS: Labels<(typeof AGGREGATIONS)[number]> = {
  last: { zh: "即时值", en: "Reading" },
  mean: { zh: "均值", en: "Mean" },
  max: { zh: "最大值", en: "Maximum" },
  leq: { zh: "等效声级 Leq", en: "Leq (energy mean)" },
};

export const PERIOD_LABELS: Labels<(typeof PERIODS)[number]> = {
  all: { zh: "全天", en: "All day" },
  day: { zh: "昼间 06–22", en: "Day 06–22" },
  night: { zh: "夜间 22–06", en: "Night 22–06" },
};

export const DIRECTION_LABELS: Labels<"above" | "below"> = {
  above: { zh: "高于", en: "Above" },
  below: { zh: "低于", en: "Below" },
};
