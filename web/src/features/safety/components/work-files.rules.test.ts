import { describe, expect, it } from "vitest";
import { MAX_WORK_FILE_BYTES, formatSize, hasCurrentScheme, uploadProblem } from "./work-files.rules";

describe("uploadProblem", () => {
  it("takes PDF, JPEG and PNG up to 20 MB", () => {
    expect(uploadProblem({ name: "方案.pdf", type: "application/pdf", size: 1000 })).toBeNull();
    expect(uploadProblem({ name: "a.JPG", type: "image/jpeg", size: MAX_WORK_FILE_BYTES })).toBeNull();
    expect(uploadProblem({ name: "scan.png", type: "", size: 10 })).toBeNull();
  });

  it("names what is wrong: size, type or an empty file", () => {
    expect(uploadProblem({ name: "big.pdf", type: "application/pdf", size: MAX_WORK_FILE_BYTES + 1 })).toBe("fileTooBig");
    expect(uploadProblem({ name: "方案.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 10 })).toBe("fileType");
    expect(uploadProblem({ name: "noext", type: "", size: 10 })).toBe("fileType");
    expect(uploadProblem({ name: "a.pdf", type: "application/pdf", size: 0 })).toBe("fileEmpty");
  });
});

describe("formatSize", () => {
  it("uses B, KB and MB", () => {
    expect(formatSize(12)).toBe("12 B");
    expect(formatSize(340 * 1024 + 100)).toBe("340 KB");
    expect(formatSize(1.5 * 1024 * 1024)).toBe("1.5 MB");
    expect(formatSize(2 * 1024 * 1024)).toBe("2 MB");
  });
});

describe("hasCurrentScheme", () => {
  it("needs a scheme of this revision, not an older one nor another kind", () => {
    const files = [
      { kind: "scheme" as const, revision: 1 },
      { kind: "expert_report" as const, revision: 2 },
    ];
    expect(hasCurrentScheme(files, 1)).toBe(true);
    expect(hasCurrentScheme(files, 2)).toBe(false);
    expect(hasCurrentScheme([], 1)).toBe(false);
  });
});
