import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  creditCodeProblem,
  idNumberCheckChar,
  idNumberProblem,
  maskIdNumber,
  maskPersonName,
  parseIdNumber,
} from "./identifiers";

describe("GB 11643 ID numbers", () => {
  it.each(["11010519491231002X", "34052419800101001X", "413024196804304833"])("accepts the published example %s", (id) => {
    expect(idNumberProblem(id)).toBeNull();
  });

  it("rejects a wrong check character", () => {
    expect(idNumberProblem("413024196804304832")).toBe("checkChar");
  });

  it("rejects an impossible birth date even with a correct check character", () => {
    const first17 = "33078419990230123";
    expect(idNumberProblem(first17 + idNumberCheckChar(first17))).toBe("birthDate");
  });

  it("rejects a birth date in the future", () => {
    const first17 = "33078420990101123";
    expect(idNumberProblem(first17 + idNumberCheckChar(first17), new Date("2026-01-01"))).toBe("birthDate");
  });

  it("rejects lowercase x and short numbers as format errors", () => {
    expect(idNumberProblem("11010519491231002x")).toBe("format");
    expect(idNumberProblem("1101051949123100")).toBe("format");
  });

  it("derives birth date and gender", () => {
    expect(parseIdNumber("413024196804304833")).toEqual({ birthDate: "1968-04-30", gender: "M" });
    expect(parseIdNumber("11010519491231002X")).toEqual({ birthDate: "1949-12-31", gender: "F" });
  });

  it("masks all but the region prefix and last four", () => {
    expect(maskIdNumber("330784199001011234")).toBe("3307**********1234");
  });
});

describe("maskPersonName", () => {
  it("keeps the first character only, counting characters not UTF-16 units", () => {
    expect(maskPersonName("张三")).toBe("张*");
    expect(maskPersonName("欧阳娜娜")).toBe("欧***");
    expect(maskPersonName("𠮷野家")).toBe("𠮷**");
    expect(maskPersonName("王")).toBe("*");
  });
});

describe("GB 32100 credit codes", () => {
  it("accepts a code whose check character is right", () => {
    // 91330784 + organisation code body; check character computed by the standard's weights.
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
  });

  it("rejects a wrong check character and forbidden letters", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("checkChar");
    expect(creditCodeProblem("91350100M000100I43")).toBe("format");
  });
});
