import { describe, expect, it } from "vitest";
import { changedIdentityFields, driftSince, effectiveChange, identityOf } from "./enterprise-change.workflow";

const q = (certNo: string, grade = "一级", issuedOn?: string | null) => ({ category: "施工总承包", grade, certNo, issuedOn, expiresOn: "2030-01-01" });
const stored = identityOf({ name: "甲公司", creditCode: "91330784000000001X", type: "contractor", legalRep: "张三", qualifications: [q("B", "二级", null), q("A")] });

describe("enterprise identity changes", () => {
  it("ignores unchanged values, qualification order and a missing issue date", () => {
    expect(changedIdentityFields(stored, { name: "甲公司", legalRep: "张三", qualifications: [q("A"), q("B", "二级")] })).toEqual([]);
    expect(changedIdentityFields(stored, {})).toEqual([]);
  });

  it("names each field given with another value, qualifications as a whole list", () => {
    expect(changedIdentityFields(stored, { name: "乙公司", type: "contractor", qualifications: [q("A")] })).toEqual(["name", "qualifications"]);
    expect(changedIdentityFields(stored, { qualifications: [q("A"), q("B", "一级")] })).toEqual(["qualifications"]);
    expect(changedIdentityFields(stored, { qualifications: [] })).toEqual(["qualifications"]);
  });

  it("keeps only the real changes of a proposal", () => {
    expect(effectiveChange(stored, { name: "甲公司", legalRep: "李四", creditCode: stored.creditCode })).toEqual({ legalRep: "李四" });
  });

  it("finds the drift between a request's base and the enterprise now", () => {
    expect(driftSince(stored, { ...stored })).toEqual([]);
    expect(driftSince(stored, { ...stored, creditCode: "91330784000000002X", qualifications: [] })).toEqual(["creditCode", "qualifications"]);
  });
});
