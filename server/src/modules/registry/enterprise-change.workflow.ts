import {
  ENTERPRISE_IDENTITY_FIELDS,
  type EnterpriseIdentity,
  type EnterpriseIdentityChange,
  type EnterpriseIdentityField,
} from "@contracts/registry/enterprise-change";
import type { EnterpriseType } from "@contracts/registry/enums";

/**
 * Pure rules of enterprise identity changes: what an enterprise's identity is, which fields a proposal
 * really changes, and whether a filed request still matches the enterprise (else it is stale).
 */

type QualificationLike = { category: string; grade: string; certNo: string; issuedOn?: string | null; expiresOn: string };
type Qualification = EnterpriseIdentity["qualifications"][number];

/** Qualifications compared as a set: certificate-number order, a missing issue date is null. */
function canonicalQualifications(list: readonly QualificationLike[]): Qualification[] {
  return list
    .map((q) => ({ category: q.category, grade: q.grade, certNo: q.certNo, issuedOn: q.issuedOn ?? null, expiresOn: q.expiresOn }))
    .sort((a, b) => (a.certNo < b.certNo ? -1 : a.certNo > b.certNo ? 1 : 0));
}

/** The identity of a stored enterprise (its row and its qualification rows). */
export function identityOf(e: { name: string; creditCode: string; type: string; legalRep: string; qualifications: readonly QualificationLike[] }): EnterpriseIdentity {
  return { name: e.name, creditCode: e.creditCode, type: e.type as EnterpriseType, legalRep: e.legalRep, qualifications: canonicalQualifications(e.qualifications) };
}

const sameQualifications = (a: readonly QualificationLike[], b: readonly QualificationLike[]) => {
  const [x, y] = [canonicalQualifications(a), canonicalQualifications(b)];
  return x.length === y.length && x.every((q, i) => q.category === y[i].category && q.grade === y[i].grade && q.certNo === y[i].certNo && q.issuedOn === y[i].issuedOn && q.expiresOn === y[i].expiresOn);
};

/** The identity fields a change (a PATCH body, a proposal, another identity) gives with a value other than the current one. */
export function changedIdentityFields(current: EnterpriseIdentity, change: EnterpriseIdentityChange | EnterpriseIdentity): EnterpriseIdentityField[] {
  return ENTERPRISE_IDENTITY_FIELDS.filter((field) => {
    if (field === "qualifications") return change.qualifications !== undefined && !sameQualifications(current.qualifications, change.qualifications);
    return change[field] !== undefined && change[field] !== current[field];
  });
}

/** A proposal reduced to the fields it really changes (what the reviewer sees and approval applies). */
export function effectiveChange(current: EnterpriseIdentity, proposal: EnterpriseIdentityChange): EnterpriseIdentityChange {
  const out: EnterpriseIdentityChange = {};
  for (const field of changedIdentityFields(current, proposal)) {
    if (field === "qualifications") out.qualifications = canonicalQualifications(proposal.qualifications ?? []);
    else Object.assign(out, { [field]: proposal[field] });
  }
  return out;
}

/** The fields that changed between filing (`base`) and now: any one makes the request stale. */
export const driftSince = (base: EnterpriseIdentity, current: EnterpriseIdentity): EnterpriseIdentityField[] => changedIdentityFields(current, base);
