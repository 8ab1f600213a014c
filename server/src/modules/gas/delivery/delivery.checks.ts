/**
 * Plans a batch of delivery scans against the facts read in batch (no I/O): which rows are bad and why,
 * which are already on file, and — for the rest — the status change, cylinder event and delivery row each
 * makes. Scans of one cylinder are applied in time order through the one status machine, so a batch may
 * carry a cylinder's whole round (stock_out → delivered → returned).
 */
import type { CylinderAction, CylinderStatus } from "@contracts/gas/cylinder-status";
import type { DeliveryStep } from "@contracts/gas/delivery";
import { shanghaiDay } from "@contracts/platform/time";
import { cylinderTransition } from "../cylinders/index.js";
import { uncertifiedReason, type AnomalyDraft, type StaffFacts } from "./anomaly.checks.js";
import { createHash } from "node:crypto";

export const ACTION_OF: Record<DeliveryStep, CylinderAction> = {
  stock_out: "stock_out",
  delivered: "deliver",
  returned: "return_empty",
  returned_full: "return_full",
};

export interface PlanRecord {
  /** Position in the caller's list (API index or sheet row), used in error paths. */
  index: number;
  cylinderCode: string;
  step: DeliveryStep;
  at: Date;
  stationCode: string | null;
  staffIdNumber: string | null;
  customerCode: string | null;
  lat: number | null;
  lng: number | null;
}

export interface CylinderFacts {
  id: string;
  status: CylinderStatus;
  stationId: string;
  customerId: string | null;
  voided: boolean;
}

export interface PlanFacts {
  enterpriseId: string;
  cylinders: Map<string, CylinderFacts>;
  /** `${cylinderId}|${step}|${at ISO}` of steps on file. */
  existing: Set<string>;
  /** The latest step on file per cylinder id. */
  lastAt: Map<string, Date>;
  stations: Map<string, { id: string; enterpriseId: string }>;
  customers: Map<string, { id: string; active: boolean }>;
  /** The company's staff by the person's ID number. */
  staff: Map<string, StaffFacts & { staffId: string }>;
}

export interface PlannedStep {
  record: PlanRecord;
  cylinderId: string;
  stationId: string | null;
  staffId: string | null;
  customerId: string | null;
  action: CylinderAction;
  from: CylinderStatus;
  to: CylinderStatus;
}

export interface PlanIssue {
  index: number;
  field: string;
  message: string;
}

export interface Plan {
  issues: PlanIssue[];
  steps: PlannedStep[];
  duplicates: number;
  /** Per cylinder: its status and holder after the batch. */
  finals: Map<string, { status: CylinderStatus; customerId: string | null; lastAt: Date }>;
  anomalies: AnomalyDraft[];
}

export const stepKey = (cylinderId: string, step: string, at: Date) => `${cylinderId}|${step}|${at.toISOString()}`;

/** A stable, non-reversible stand-in for an ID number in dedup keys and details (the number itself is not stored there). */
const personKey = (idNumber: string) => createHash("sha256").update(idNumber).digest("hex").slice(0, 16);
const maskId = (id: string) => `${id.slice(0, 4)}${"*".repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;

export function planDeliveries(records: readonly PlanRecord[], f: PlanFacts): Plan {
  const issues: PlanIssue[] = [];
  const steps: PlannedStep[] = [];
  const anomalies: AnomalyDraft[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const issue = (r: PlanRecord, field: string, message: string) => issues.push({ index: r.index, field, message });

  // Time order per cylinder; a stable sort keeps the caller's order for equal times.
  const ordered = [...records].sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const state = new Map<string, { status: CylinderStatus; customerId: string | null; lastAt: Date | null }>();

  for (const r of ordered) {
    const cyl = f.cylinders.get(r.cylinderCode);
    if (!cyl) {
      issue(r, "cylinderCode", `本企业没有钢瓶 ${r.cylinderCode} (no such cylinder of this company)`);
      continue;
    }
    const key = stepKey(cyl.id, r.step, r.at);
    if (f.existing.has(key) || seen.has(key)) {
      // Idempotent on (cylinder, step, at): a re-sent scan is skipped, not an error.
      duplicates++;
      continue;
    }
    seen.add(key);
    if (cyl.voided) {
      issue(r, "cylinderCode", `钢瓶 ${r.cylinderCode} 已报废注销 (the cylinder is scrapped and voided)`);
      continue;
    }
    const cur = state.get(cyl.id) ?? { status: cyl.status, customerId: cyl.customerId, lastAt: f.lastAt.get(cyl.id) ?? null };
    if (cur.lastAt && r.at.getTime() < cur.lastAt.getTime()) {
      issue(r, "at", `早于该钢瓶已记录的最后一步 ${cur.lastAt.toISOString()} (earlier than the cylinder's last recorded step)`);
      continue;
    }
    const action = ACTION_OF[r.step];
    const t = cylinderTransition(cur.status, action);
    if (!t.ok) {
      issue(r, "step", t.reason);
      continue;
    }

    let stationId: string | null = null;
    if (r.stationCode) {
      const st = f.stations.get(r.stationCode);
      if (!st || st.enterpriseId !== f.enterpriseId) {
        issue(r, "stationCode", `本企业没有站点 ${r.stationCode} (no such station of this company)`);
        continue;
      }
      stationId = st.id;
    }

    let staffId: string | null = null;
    if (r.staffIdNumber) {
      const staff = f.staff.get(r.staffIdNumber);
      staffId = staff?.role === "delivery" ? staff.staffId : null;
      const day = shanghaiDay(r.at);
      const why = uncertifiedReason(staff, day);
      if (why && (r.step === "stock_out" || r.step === "delivered")) {
        const who = staffId ?? `p:${personKey(r.staffIdNumber)}`;
        anomalies.push({
          kind: "uncertified_staff",
          dedupKey: `uncertified_staff:${f.enterpriseId}:${who}:${day}`,
          enterpriseId: f.enterpriseId,
          detectedAt: r.at,
          cylinderId: cyl.id,
          staffId,
          detail: { reason: why, step: r.step, day, staffIdNumber: maskId(r.staffIdNumber), certificateValidTo: staff?.certificateValidTo ?? null },
        });
      }
    }

    let customerId: string | null = null;
    if (r.customerCode) {
      const c = f.customers.get(r.customerCode);
      if (c && c.active) customerId = c.id;
      else if (r.step === "delivered") {
        // Accepted (the gas is in a kitchen; refusing the record would hide it) but flagged.
        anomalies.push({
          kind: "unregistered_customer",
          dedupKey: `unregistered_customer:${f.enterpriseId}:${r.customerCode}:${shanghaiDay(r.at)}`,
          enterpriseId: f.enterpriseId,
          detectedAt: r.at,
          cylinderId: cyl.id,
          staffId,
          detail: { customerCode: r.customerCode, reason: c ? "inactive" : "not_on_file", at: r.at.toISOString() },
        });
      }
    }
    // A return collects the cylinder from whoever holds it; the scan may omit the customer.
    if ((r.step === "returned" || r.step === "returned_full") && !customerId) customerId = cur.customerId;

    steps.push({ record: r, cylinderId: cyl.id, stationId, staffId, customerId, action, from: cur.status, to: t.to });
    state.set(cyl.id, { status: t.to, customerId: t.to === "in_use" ? customerId : null, lastAt: r.at });
  }
  const finals = new Map<string, { status: CylinderStatus; customerId: string | null; lastAt: Date }>();
  for (const [id, s] of state) if (s.lastAt) finals.set(id, { status: s.status, customerId: s.customerId, lastAt: s.lastAt });
  issues.sort((a, b) => a.index - b.index);
  return { issues, steps, duplicates, finals, anomalies };
}
