import { describe, expect, it } from "vitest";
import { rejectionRows } from "./rejections";

describe("rejectionRows", () => {
  it("lists reasons with a count, most frequent first, ties in the protocol's order, unknown codes last", () => {
    expect(rejectionRows({ out_of_range: 2, bad_json: 2, unknown_metric: 7, disabled: 0, future_reason: 2 })).toEqual([
      { reason: "unknown_metric", count: 7 },
      { reason: "bad_json", count: 2 },
      { reason: "out_of_range", count: 2 },
      { reason: "future_reason", count: 2 },
    ]);
    expect(rejectionRows({})).toEqual([]);
  });
});
