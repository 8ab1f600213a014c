import { describe, expect, it } from "vitest";
import { ALARM_EVENT_KINDS, ALARM_STATUSES, SEVERITIES } from "./alarms";
import { COMMAND_SOURCES, COMMAND_STATUSES } from "./commands";
import { DEVICE_TYPES, REJECT_REASONS } from "./devices";
import { AGGREGATIONS, PERIODS } from "./rules";
import {
  AGGREGATION_LABELS,
  ALARM_EVENT_LABELS,
  ALARM_STATUS_LABELS,
  COMMAND_SOURCE_LABELS,
  COMMAND_STATUS_LABELS,
  DEVICE_TYPE_LABELS,
  PERIOD_LABELS,
  REJECT_REASON_LABELS,
  SEVERITY_LABELS,
} from "./labels";

// The web's console and the server's export sheets both read these tables: a code without a name in
// either language would show raw on one side.
describe("IoT label tables", () => {
  const tables: [string, readonly string[], Record<string, { zh: string; en: string }>][] = [
    ["device types", DEVICE_TYPES, DEVICE_TYPE_LABELS],
    ["severities", SEVERITIES, SEVERITY_LABELS],
    ["alarm statuses", ALARM_STATUSES, ALARM_STATUS_LABELS],
    ["alarm events", ALARM_EVENT_KINDS, ALARM_EVENT_LABELS],
    ["command statuses", COMMAND_STATUSES, COMMAND_STATUS_LABELS],
    ["command sources", COMMAND_SOURCES, COMMAND_SOURCE_LABELS],
    ["reject reasons", REJECT_REASONS, REJECT_REASON_LABELS],
    ["aggregations", AGGREGATIONS, AGGREGATION_LABELS],
    ["periods", PERIODS, PERIOD_LABELS],
  ];

  it.each(tables)("names every one of the %s in zh and en, in the codes' order", (_what, codes, labels) => {
    expect(Object.keys(labels)).toEqual([...codes]);
    for (const code of codes) {
      expect(labels[code]?.zh).toBeTruthy();
      expect(labels[code]?.en).toBeTruthy();
    }
  });

  it("keeps the names the export sheets used before they read the tables", () => {
    expect(DEVICE_TYPE_LABELS.env_monitor.zh).toBe("扬尘噪声监测仪");
    expect(SEVERITIES.map((s) => SEVERITY_LABELS[s].zh)).toEqual(["提示", "一般", "严重", "紧急"]);
    expect(ALARM_STATUS_LABELS.cleared_ack.zh).toBe("已处理");
  });
});
