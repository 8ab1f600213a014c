import { describe, expect, it } from "vitest";
import { evaluateLot, groupValue, round1, standardGroups, validValues } from "./concrete.checks.js";
import { GBT50107_DEFAULT as RULE } from "./testing.rules.js";

const shift = (values: number[], by: number) => values.map((v) => round1(v + by));

describe("group value of three cubes (§6.3)", () => {
  it("takes the mean when neither extreme is more than 15 % from the median", () => {
    expect(groupValue([40, 42, 44], 1, 0.15)).toEqual({ cubes: [40, 42, 44], rule: "mean", value: 42 });
    // Exactly 15 % (6 MPa of 40) is not "more than" 15 %.
    expect(groupValue([34, 40, 46], 1, 0.15).rule).toBe("mean");
  });

  it("takes the median when one extreme is out, and drops the group when both are", () => {
    expect(groupValue([30, 40, 41], 1, 0.15)).toMatchObject({ rule: "median", value: 40 });
    expect(groupValue([40, 39.5, 46.1], 1, 0.15)).toMatchObject({ rule: "median", value: 40 });
    expect(groupValue([30, 40, 50], 1, 0.15)).toEqual({ cubes: [30, 40, 50], rule: "invalid", value: null });
  });

  it("converts non-standard cubes: 100 mm × 0.95, 200 mm × 1.05", () => {
    expect(groupValue([40, 42, 44], 0.95, 0.15).value).toBe(39.9);
    expect(groupValue([40, 42, 44], 1.05, 0.15).value).toBe(44.1);
    expect(standardGroups([35.2, [40, 42, 44]], 0.95, 0.15).map((g) => g.value)).toEqual([33.4, 39.9]);
  });

  it("leaves invalid groups out of the lot", () => {
    const groups = standardGroups([[30, 40, 50], [40, 42, 44], 38], 1, 0.15);
    expect(validValues(groups)).toEqual([42, 38]);
    const lot = evaluateLot("C30", validValues(groups), RULE);
    expect(lot.n).toBe(2);
    expect(lot.min).toBe(38);
  });
});

describe("GB/T 50107-2010, σ unknown (n ≥ 10)", () => {
  // Mean 34.6, S = √(143.72/9) = 3.996 → 4.00; C30: fcu,k + 1.15·S = 34.60, λ2·fcu,k = 27.0.
  const atBoundary = [39.6, 29.6, 38.6, 30.6, 38.1, 31.1, 37.6, 31.6, 37.7, 31.5];

  it("passes with m exactly at fcu,k + λ1·S and fails 0.1 MPa below", () => {
    const ok = evaluateLot("C30", atBoundary, RULE);
    expect(ok).toMatchObject({ method: "sigma_unknown", n: 10, mean: 34.6, min: 29.6, sd: 4, sdComputed: 4, lambdas: { lambda1: 1.15, lambda2: 0.9 }, pass: true });
    expect(ok.conditions[0]).toEqual({ expr: "m ≥ fcu,k + λ1·S", lhs: 34.6, rhs: 34.6, ok: true });
    const below = evaluateLot("C30", shift(atBoundary, -0.1), RULE);
    expect(below.mean).toBe(34.5);
    expect(below.sd).toBe(4);
    expect(below.conditions[0].ok).toBe(false);
    expect(below.pass).toBe(false);
  });

  it("uses S = 2.5 when the computed S is smaller", () => {
    const tight = [33, 34, 32, 33, 34, 32, 33, 33, 33, 33];
    const lot = evaluateLot("C30", tight, RULE);
    expect(lot.sdComputed).toBeLessThan(2.5);
    expect(lot.sd).toBe(2.5);
    expect(lot.conditions[0].rhs).toBe(32.88);
    expect(lot.pass).toBe(true);
    // With the computed S (0.67) the mean 32.8 would clear 30.77; the floor makes it fail.
    const lower = evaluateLot("C30", shift(tight, -0.2), RULE);
    expect(lower.mean).toBe(32.8);
    expect(lower.pass).toBe(false);
  });

  it("holds fmin to λ2·fcu,k: 27.0 passes, 26.9 fails (C30, n = 10)", () => {
    const high = [40, 40, 40, 40, 40, 40, 40, 40, 40];
    expect(evaluateLot("C30", [...high, 27], RULE).conditions[1]).toEqual({ expr: "fmin ≥ λ2·fcu,k", lhs: 27, rhs: 27, ok: true });
    expect(evaluateLot("C30", [...high, 26.9], RULE).pass).toBe(false);
  });

  it("reads λ1, λ2 from the table by n: 10–14, 15–19, ≥ 20", () => {
    const lot = (n: number) => evaluateLot("C30", Array.from({ length: n }, (_, i) => 36 + (i % 3)), RULE).lambdas;
    expect(lot(14)).toEqual({ lambda1: 1.15, lambda2: 0.9 });
    expect(lot(15)).toEqual({ lambda1: 1.05, lambda2: 0.85 });
    expect(lot(19)).toEqual({ lambda1: 1.05, lambda2: 0.85 });
    expect(lot(20)).toEqual({ lambda1: 0.95, lambda2: 0.85 });
  });
});

describe("GB/T 50107-2010, σ known (3 consecutive groups)", () => {
  it("uses σ0 = 2.5 when the given σ0 is smaller", () => {
    const lot = evaluateLot("C30", [31.8, 33, 30.5], RULE, 2);
    expect(lot).toMatchObject({ method: "sigma_known", sigma0: 2.5, mean: 31.8, min: 30.5, lambdas: { sigmaFactor: 0.7, minFactor: 0.9 } });
    expect(lot.conditions.map((c) => c.rhs)).toEqual([31.75, 28.25, 27]);
    expect(lot.pass).toBe(true);
    expect(evaluateLot("C30", [31.6, 33, 30.5], RULE, 2).pass).toBe(false);
  });

  it("holds fmin to 0.85·fcu,k up to C20 and 0.90·fcu,k above it", () => {
    // σ0 = 5: fcu,k − 0.7σ0 is below the class factor's limit, so the factor binds.
    const c20 = (min: number) => evaluateLot("C20", [27, 27, min], RULE, 5);
    expect(c20(17).lambdas.minFactor).toBe(0.85);
    expect(c20(17).pass).toBe(true);
    expect(c20(16.9).pass).toBe(false);
    const c25 = (min: number) => evaluateLot("C25", [32, 32, min], RULE, 5);
    expect(c25(22.5).lambdas.minFactor).toBe(0.9);
    expect(c25(22.5).pass).toBe(true);
    // 22.4 would pass 0.85·25 = 21.25; above C20 it fails.
    expect(c25(22.4).pass).toBe(false);
    expect(c25(22.4).conditions[2]).toEqual({ expr: "fmin ≥ 0.9·fcu,k", lhs: 22.4, rhs: 22.5, ok: false });
  });

  it("falls back to the other methods when the lot is not 3 groups", () => {
    expect(evaluateLot("C30", [36, 37, 38, 36], RULE, 3).method).toBe("non_statistical");
  });
});

describe("GB/T 50107-2010, non-statistical (n < 10)", () => {
  it("switches λ3 from 1.15 to 1.10 at C60", () => {
    const c55 = evaluateLot("C55", [63.3, 64, 63.2], RULE);
    expect(c55.lambdas).toEqual({ lambda3: 1.15, lambda4: 0.95 });
    expect(c55.conditions[0]).toMatchObject({ lhs: 63.5, rhs: 63.25, ok: true });
    const c60 = evaluateLot("C60", [66, 66, 66], RULE);
    expect(c60.lambdas).toEqual({ lambda3: 1.1, lambda4: 0.95 });
    expect(c60.conditions[0]).toEqual({ expr: "m ≥ λ3·fcu,k", lhs: 66, rhs: 66, ok: true });
    expect(c60.pass).toBe(true);
    expect(evaluateLot("C60", [65.9, 65.9, 65.9], RULE).pass).toBe(false);
  });

  it("holds fmin to 0.95·fcu,k", () => {
    expect(evaluateLot("C30", [40, 40, 28.5], RULE).pass).toBe(true);
    expect(evaluateLot("C30", [40, 40, 28.4], RULE).pass).toBe(false);
  });

  it("refuses an empty lot", () => {
    expect(() => evaluateLot("C30", [], RULE)).toThrow(RangeError);
  });
});
