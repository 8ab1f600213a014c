import { describe, expect, it } from "vitest";
import { witnessShareRows } from "./witness-share.queries.js";

describe("witnessed share rows", () => {
  it("flags a required type below the share, not one at it, nor a type without samples or not required", () => {
    const rows = witnessShareRows(
      [
        { sampleType: "concrete", total: 10, witnessed: 3 },
        { sampleType: "rebar", total: 7, witnessed: 2 },
        { sampleType: "other", total: 4, witnessed: 0 },
      ],
      0.3,
      ["concrete", "rebar", "mortar"],
    );
    expect(rows).toEqual([
      { sampleType: "concrete", total: 10, witnessed: 3, share: 0.3, required: true, below: false },
      { sampleType: "rebar", total: 7, witnessed: 2, share: 0.2857, required: true, below: true },
      { sampleType: "mortar", total: 0, witnessed: 0, share: 0, required: true, below: false },
      { sampleType: "other", total: 4, witnessed: 0, share: 0, required: false, below: false },
    ]);
  });
});
