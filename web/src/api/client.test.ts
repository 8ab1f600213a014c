import { describe, expect, it } from "vitest";
import { ApiError, apiUrl, toNamePath, toQueryString } from "./client";

describe("toQueryString", () => {
  it("drops empty values and joins arrays with commas (csv filters)", () => {
    expect(toQueryString({ q: "", page: 2, status: ["in_progress", "resumed"], type: [], district: undefined, x: null })).toBe("?page=2&status=in_progress%2Cresumed");
    expect(toQueryString({})).toBe("");
  });
  it("builds export URLs under /api/v1", () => {
    expect(apiUrl("/enterprises/export", { type: "contractor" })).toBe("/api/v1/enterprises/export?type=contractor");
  });
});

describe("toNamePath", () => {
  it("turns numeric segments into list indexes for Form.List fields", () => {
    expect(toNamePath("certificates.0.certNo")).toEqual(["certificates", 0, "certNo"]);
    expect(toNamePath("creditCode")).toEqual(["creditCode"]);
  });
});

describe("ApiError", () => {
  it("reads the error envelope and its field issues", async () => {
    const res = new Response(
      JSON.stringify({ error: { code: "VALIDATION", message: "bad", details: { issues: [{ path: "creditCode", message: "校验位错误" }, { path: "", message: "no field" }, { nope: 1 }] } } }),
      { status: 400 },
    );
    const err = await ApiError.parse(res);
    expect(err.code).toBe("VALIDATION");
    expect(err.status).toBe(400);
    expect(err.fieldIssues()).toEqual([{ path: "creditCode", message: "校验位错误" }]);
  });
  it("falls back to the HTTP status when the body is not the envelope", async () => {
    const err = await ApiError.parse(new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    expect(err.code).toBe("HTTP_502");
    expect(err.fieldIssues()).toEqual([]);
    const unauth = await ApiError.parse(new Response("", { status: 401 }));
    expect(unauth.code).toBe("UNAUTHENTICATED");
  });
});
