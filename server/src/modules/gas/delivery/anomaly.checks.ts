/**
 * The anomaly rules as pure functions (no I/O): the services feed them rows already read in batch and write
 * what they return. Each result carries its dedup key, so judging the same facts twice raises nothing new.
 */
import type { AnomalyKind, UncertifiedReason } from "@contracts/gas/anomaly";
import type { AnomalyRules } from "./delivery.rules.js";

export interface AnomalyDraft {
  kind: AnomalyKind;
  dedupKey: string;
  enterpriseId: string;
  detectedAt: Date;
  cylinderId?: string | null;
  customerId?: string | null;
  stationId?: string | null;
  staffId?: string | null;
  detail: Record<string, unknown>;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Scan {
  cylinderId: string;
  enterpriseId: string;
  at: Date;
  lat: number | null;
  lng: number | null;
  step: string;
}

/**
 * 一瓶两地: consecutive located scans of one cylinder further apart than `twoPlacesMinDistanceKm` within
 * `twoPlacesWithinMinutes`. `scans` may mix cylinders and order; the earlier scan may be one already on file.
 * The key names the later scan, so each impossible hop is raised once.
 */
export function judgeTwoPlaces(scans: readonly Scan[], rules: AnomalyRules): AnomalyDraft[] {
  const byCylinder = new Map<string, Scan[]>();
  for (const s of scans) if (s.lat !== null && s.lng !== null) byCylinder.set(s.cylinderId, [...(byCylinder.get(s.cylinderId) ?? []), s]);
  const out: AnomalyDraft[] = [];
  for (const list of byCylinder.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (let i = 1; i < list.length; i++) {
      const [prev, cur] = [list[i - 1], list[i]];
      const minutes = (cur.at.getTime() - prev.at.getTime()) / 60_000;
      if (minutes > rules.twoPlacesWithinMinutes) continue;
      const km = distanceKm({ lat: prev.lat!, lng: prev.lng! }, { lat: cur.lat!, lng: cur.lng! });
      if (km <= rules.twoPlacesMinDistanceKm) continue;
      out.push({
        kind: "two_places",
        dedupKey: `two_places:${cur.cylinderId}:${cur.at.toISOString()}`,
        enterpriseId: cur.enterpriseId,
        detectedAt: cur.at,
        cylinderId: cur.cylinderId,
        detail: {
          distanceKm: Math.round(km * 100) / 100,
          minutes: Math.round(minutes * 10) / 10,
          first: { step: prev.step, at: prev.at.toISOString(), lat: prev.lat, lng: prev.lng },
          second: { step: cur.step, at: cur.at.toISOString(), lat: cur.lat, lng: cur.lng },
        },
      });
    }
  }
  return out;
}

export interface FillFacts {
  fillId: string;
  cylinderId: string;
  filledAt: Date;
  stationId: string;
  stationEnterpriseId: string;
  ownerStationId: string;
  ownerEnterpriseId: string;
}

/** 非本站充装: a fill at a station other than the cylinder's owner station; raised against the station that filled. */
export function judgeForeignFill(fills: readonly FillFacts[]): AnomalyDraft[] {
  return fills
    .filter((f) => f.stationId !== f.ownerStationId)
    .map((f) => ({
      kind: "foreign_fill" as const,
      dedupKey: `foreign_fill:${f.fillId}`,
      enterpriseId: f.stationEnterpriseId,
      detectedAt: f.filledAt,
      cylinderId: f.cylinderId,
      stationId: f.stationId,
      detail: { fillId: f.fillId, ownerStationId: f.ownerStationId, ownerEnterpriseId: f.ownerEnterpriseId, otherCompany: f.ownerEnterpriseId !== f.stationEnterpriseId },
    }));
}

export interface StaffFacts {
  staffId: string;
  role: string;
  active: boolean;
  certificateValidTo: string | null;
}

/**
 * Why the person who handled a step is not a certified delivery person of the company on `day`, or null:
 * not on the company's delivery staff (or inactive), no certificate on file, or the certificate expired.
 */
export function uncertifiedReason(staff: StaffFacts | undefined, day: string): UncertifiedReason | null {
  if (!staff || staff.role !== "delivery" || !staff.active) return "not_staff";
  if (!staff.certificateValidTo) return "no_certificate";
  if (staff.certificateValidTo < day) return "certificate_expired";
  return null;
}

export interface OverdueFacts {
  customerId: string;
  enterpriseId: string;
  nextCheckDue: string;
}

/** 安检逾期: customers whose check due date lies more than the grace before `today`; one open row per due date. */
export function judgeCheckOverdue(customers: readonly OverdueFacts[], today: string, rules: AnomalyRules, now: Date): AnomalyDraft[] {
  const limit = new Date(Date.parse(`${today}T00:00:00Z`) - rules.checkOverdueGraceDays * 86_400_000).toISOString().slice(0, 10);
  return customers
    .filter((c) => c.nextCheckDue < limit)
    .map((c) => ({
      kind: "check_overdue" as const,
      dedupKey: `check_overdue:${c.customerId}:${c.nextCheckDue}`,
      enterpriseId: c.enterpriseId,
      detectedAt: now,
      customerId: c.customerId,
      detail: { nextCheckDue: c.nextCheckDue },
    }));
}
