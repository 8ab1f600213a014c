import { describe, expect, it } from "vitest";
import { WORKER_STATUSES } from "@contracts/workforce/workers";
import {
  addYears,
  admissionBlockMessage,
  admissionBlocks,
  canTransition,
  contractInForce,
  maskBankCard,
  trainingValidOn,
  WORKER_NO_PATTERN,
  workerNoOf,
  type AdmissionFacts,
} from "./worker.workflow.js";

const DAY = "2025-06-15";
const clear: AdmissionFacts = { blacklisted: false, contractSignedOn: "2025-05-01", contractStart: "2025-05-01", contractEnd: "2025-12-31", lastEntryTrainingOn: "2025-05-20" };

describe("worker lifecycle", () => {
  it("goes 登记 → 进场 → 在场 → 退场, may close a registration that never entered, and never leaves 退场", () => {
    expect(canTransition("registered", "entered")).toBe(true);
    expect(canTransition("entered", "on_site")).toBe(true);
    expect(canTransition("on_site", "exited")).toBe(true);
    expect(canTransition("entered", "exited")).toBe(true);
    expect(canTransition("registered", "exited")).toBe(true);
    for (const to of WORKER_STATUSES) expect(canTransition("exited", to)).toBe(false);
    expect(canTransition("registered", "on_site")).toBe(false);
    expect(canTransition("on_site", "entered")).toBe(false);
  });
});

describe("admission blocks", () => {
  it("none when contract, training and blacklist are clear", () => {
    expect(admissionBlocks(clear, DAY)).toEqual([]);
  });

  it("no signed contract (先签合同后进场)", () => {
    const f = { ...clear, contractSignedOn: null, contractStart: null, contractEnd: null };
    expect(admissionBlocks(f, DAY)).toEqual(["no_contract"]);
    expect(admissionBlockMessage("no_contract", f, DAY)).toBe("未签订劳动合同 (no signed labour contract)");
  });

  it("a contract that ended or has not started", () => {
    const ended = { ...clear, contractEnd: "2025-06-14" };
    expect(admissionBlocks(ended, DAY)).toEqual(["contract_expired"]);
    expect(admissionBlockMessage("contract_expired", ended, DAY)).toContain("已于 2025-06-14 到期");
    const future = { ...clear, contractStart: "2025-06-16" };
    expect(admissionBlocks(future, DAY)).toEqual(["contract_expired"]);
    expect(admissionBlockMessage("contract_expired", future, DAY)).toContain("尚未开始");
    // The last day of the contract still counts; no end date is open-ended; no start date means from signing.
    expect(contractInForce({ ...clear, contractEnd: DAY }, DAY)).toBe(true);
    expect(contractInForce({ ...clear, contractEnd: null }, DAY)).toBe(true);
    expect(contractInForce({ contractSignedOn: "2025-06-16", contractStart: null, contractEnd: null }, DAY)).toBe(false);
  });

  it("entry training missing, failed-only (no date) or a year old", () => {
    expect(admissionBlocks({ ...clear, lastEntryTrainingOn: null }, DAY)).toEqual(["no_training"]);
    const old = { ...clear, lastEntryTrainingOn: "2024-06-15" };
    expect(admissionBlocks(old, DAY)).toEqual(["no_training"]);
    expect(admissionBlockMessage("no_training", old, DAY)).toContain("超过一年");
    expect(admissionBlocks({ ...clear, lastEntryTrainingOn: "2024-06-16" }, DAY)).toEqual([]);
  });

  it("training counts from its day on, for less than one year", () => {
    expect(trainingValidOn(DAY, DAY)).toBe(true);
    expect(trainingValidOn("2025-06-16", DAY)).toBe(false);
    expect(trainingValidOn("2024-06-15", DAY)).toBe(false);
    expect(trainingValidOn("2024-06-16", DAY)).toBe(true);
  });

  it("lists every block at once, in ADMISSION_BLOCKS order", () => {
    const f = { blacklisted: true, contractSignedOn: null, contractStart: null, contractEnd: null, lastEntryTrainingOn: null };
    expect(admissionBlocks(f, DAY)).toEqual(["blacklisted", "no_contract", "no_training"]);
    expect(admissionBlockMessage("blacklisted", f, DAY)).toContain("黑名单");
  });
});

describe("helpers", () => {
  it("addYears keeps the calendar day and moves 29 February to the 28th", () => {
    expect(addYears("2025-06-15", -1)).toBe("2024-06-15");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("masks bank cards to the first and last four digits", () => {
    expect(maskBankCard("6222021234567891234")).toBe("6222 **** **** 1234");
    expect(maskBankCard(null)).toBeNull();
    expect(maskBankCard("1234567")).toBe("*******");
  });

  it("worker numbers are W + 9 digits", () => {
    expect(workerNoOf(42)).toBe("W000000042");
    expect(WORKER_NO_PATTERN.test(workerNoOf(999_999_999))).toBe(true);
    expect(WORKER_NO_PATTERN.test("WT1234")).toBe(false);
  });
});
