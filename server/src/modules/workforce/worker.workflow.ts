import { ADMISSION_BLOCKS, type AdmissionBlock, type WorkerStatus } from "@contracts/workforce/workers";

/**
 * The worker lifecycle 登记 → 进场 → 在场 → 退场 (domain-rules §1.2) and the admission guards, as pure
 * functions: the service loads the facts, these decide. 在场 is reached by a gate passage, never by hand.
 */

/** Which statuses each status may move to, and by which verb. */
export const WORKER_TRANSITIONS: Record<WorkerStatus, readonly WorkerStatus[]> = {
  registered: ["entered", "exited"],
  entered: ["on_site", "exited"],
  on_site: ["exited"],
  exited: [],
};

export const canTransition = (from: WorkerStatus, to: WorkerStatus) => WORKER_TRANSITIONS[from].includes(to);

/**
 * Entry training (入场三级安全教育) counts for one year: a worker whose last passed training is a year
 * old or older must be trained again (建市〔2019〕18号, domain-rules §1.1 ⚠️ 1 year).
 */
export const TRAINING_VALID_YEARS = 1;

/** The facts admission depends on, as stored (dates YYYY-MM-DD). */
export interface AdmissionFacts {
  /** A valid, unrevoked city-wide blacklist entry on the day. */
  blacklisted: boolean;
  contractSignedOn: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  /** Date of the latest passed entry training of the person, any project. */
  lastEntryTrainingOn: string | null;
}

/** `day` shifted by whole years; a 29 February lands on the 28th in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether entry training taken on `trainedOn` still counts on `day` (less than a year old, not in the future). */
export function trainingValidOn(trainedOn: string | null, day: string): boolean {
  if (!trainedOn || trainedOn > day) return false;
  return trainedOn > addYears(day, -TRAINING_VALID_YEARS);
}

/** Whether the contract is in force on `day`; an unset start means from signing, an unset end is open-ended (无固定期限). */
export function contractInForce(f: Pick<AdmissionFacts, "contractSignedOn" | "contractStart" | "contractEnd">, day: string): boolean {
  const start = f.contractStart ?? f.contractSignedOn;
  if (start && start > day) return false;
  return !f.contractEnd || f.contractEnd >= day;
}

/**
 * Why 进场 is refused on `day`, in ADMISSION_BLOCKS order; empty when admission is possible.
 * 先签合同后进场: no contract, or one not in force; no passed entry training within a year; the blacklist.
 */
export function admissionBlocks(f: AdmissionFacts, day: string): AdmissionBlock[] {
  const blocks = new Set<AdmissionBlock>();
  if (f.blacklisted) blocks.add("blacklisted");
  if (!f.contractSignedOn) blocks.add("no_contract");
  else if (!contractInForce(f, day)) blocks.add("contract_expired");
  if (!trainingValidOn(f.lastEntryTrainingOn, day)) blocks.add("no_training");
  return ADMISSION_BLOCKS.filter((b) => blocks.has(b));
}

/** The reason shown to users for each block (zh-CN first). */
export function admissionBlockMessage(block: AdmissionBlock, f: AdmissionFacts, day: string): string {
  switch (block) {
    case "blacklisted":
      return "已列入黑名单，禁止进场 (blacklisted city-wide)";
    case "no_contract":
      return "未签订劳动合同 (no signed labour contract)";
    case "contract_expired": {
      const start = f.contractStart ?? f.contractSignedOn;
      if (start && start > day) return `劳动合同 ${start} 起生效，尚未开始 (labour contract not in force until ${start})`;
      return `劳动合同已于 ${f.contractEnd} 到期 (labour contract expired on ${f.contractEnd})`;
    }
    case "no_training":
      return f.lastEntryTrainingOn && f.lastEntryTrainingOn <= day
        ? `入场三级安全教育已超过一年（${f.lastEntryTrainingOn}），须重新培训 (entry safety training of ${f.lastEntryTrainingOn} is a year old or more; retrain)`
        : "未通过入场三级安全教育 (no passed entry safety training)";
  }
}

/** 6222 **** **** 1234: the first and last four digits of a bank card. */
export function maskBankCard(card: string | null): string | null {
  if (!card) return card;
  if (card.length < 8) return "*".repeat(card.length);
  return `${card.slice(0, 4)} **** **** ${card.slice(-4)}`;
}

/** 工号: `W` + 9 digits. Numbers are handed out in sequence from the highest one in use. */
export const WORKER_NO_PATTERN = /^W\d{9}$/;
export const workerNoOf = (n: number) => `W${String(n).padStart(9, "0")}`;
