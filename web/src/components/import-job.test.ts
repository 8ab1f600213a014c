import { describe, expect, it } from "vitest";
import type { JobDto } from "@contracts/platform/common";
import { jobErrorMessage, jobImported, jobRowIssues } from "./import-job";

const base: JobDto = { id: "00000000-0000-4000-8000-000000000000", kind: "import", status: "failed", total: 3, done: 0, result: null, error: null, createdAt: "", finishedAt: null };

describe("import job parsing", () => {
  it("reads the imported count of a succeeded job", () => {
    expect(jobImported({ ...base, status: "succeeded", result: { imported: 42 } })).toBe(42);
    expect(jobImported({ ...base, result: null })).toBe(0);
  });

  it("lists every bad row sorted by row number, keeping sheet-level issues", () => {
    const job = {
      ...base,
      error: {
        code: "VALIDATION",
        message: "2 行有错误",
        details: {
          issues: [
            { path: "rows.7.身份证号码", row: 7, column: "身份证号码", message: "校验位错误" },
            { path: "rows.3.姓名", row: 3, column: "姓名", message: "必填" },
            { path: "header.name", message: "缺少列「姓名」" },
          ],
        },
      },
    };
    expect(jobRowIssues(job)).toEqual([
      { row: "—", column: "header.name", message: "缺少列「姓名」" },
      { row: 3, column: "姓名", message: "必填" },
      { row: 7, column: "身份证号码", message: "校验位错误" },
    ]);
    expect(jobErrorMessage(job)).toBe("2 行有错误");
  });

  it("copes with a job error that has no issues", () => {
    expect(jobRowIssues({ ...base, error: { code: "INTERNAL", message: "Internal error" } })).toEqual([]);
    expect(jobErrorMessage({ ...base, error: null })).toMatch(/导入失败/);
  });
});
