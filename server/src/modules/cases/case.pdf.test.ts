import { describe, expect, it } from "vitest";
import type { CaseDetailDto } from "@contracts/cases/cases";
import { AppError } from "../../platform/errors.js";
import { pdfText } from "../../platform/pdf/pdf-text.test-fixtures.js";
import { renderCaseNotice } from "./case.pdf.js";


const CASE: CaseDetailDto = {
  id: "0b7f0a5e-6a38-4a53-9d8e-3f4b1d2c9a10",
  no: "ZG-2026-000123",
  projectId: "5a0e6f1c-1c1d-4a8e-9e2f-0c3b4d5e6f70",
  projectCode: "YK-2026-017",
  projectName: "永康市人民医院迁建工程",
  enterpriseId: "6b1f7a2d-2d2e-4b9f-8f3a-1d4c5e6f7a81",
  enterpriseName: "浙江永建建设有限公司",
  inspectionId: null,
  source: "inspection",
  sourceRef: null,
  category: "safety",
  grade: "major",
  title: "脚手架连墙件缺失",
  description: "北侧外架第 12 层整层连墙件缺失",
  location: "1# 楼北侧",
  legalBasis: "建质规〔2024〕5号 第七条",
  photoIds: [],
  state: "rectifying",
  deadline: "2026-06-15T08:00:00.000Z",
  overdue: false,
  overdueAt: null,
  stopWork: "ordered",
  issuerId: null,
  issuerName: "王监督",
  closedAt: null,
  version: 3,
  createdAt: "2026-06-01T02:00:00.000Z",
  updatedAt: "2026-06-01T03:00:00.000Z",
  actions: [],
  stopWorkOrder: { scope: "partial", reason: "连墙件整层缺失", at: "2026-06-01T03:00:00.000Z", by: "李科长" },
  events: [],
};

describe("printed notices", () => {
  it("整改通知书 carries the title, number, project, unit, the finding and the deadline in Chinese", async () => {
    const pdf = await renderCaseNotice(CASE, "notice", "https://sitecloud.example.cn");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const expected of ["整改通知书", "编号：ZG-2026-000123", "工程名称：永康市人民医院迁建工程", "责任单位：浙江永建建设有限公司", "问题：脚手架连墙件缺失", "隐患等级：重大", "整改期限：2026-06-15 16:00", "签发：王监督"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("停工范围");
    expect(text).not.toContain("\uFFFD");
  });

  it("停工整改通知书 adds the scope and reason of the order and is signed by who ordered it", async () => {
    const text = pdfText(await renderCaseNotice(CASE, "stop_work", "https://sitecloud.example.cn"));
    for (const expected of ["停工整改通知书", "停工范围：局部停工", "停工原因：连墙件整层缺失", "签发：李科长", "日期：2026-06-01"]) expect(text).toContain(expected);
  });

  it("embeds the QR code image and names the document in its metadata", async () => {
    const pdf = (await renderCaseNotice(CASE, "notice", "https://sitecloud.example.cn")).toString("latin1");
    expect(pdf).toMatch(/\/Subtype \/Image/);
    expect(pdf).toMatch(/\/Title \d+ 0 R/);
    // pdfkit writes the title as UTF-16BE: the notice's number must be in it.
    const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16().toString("latin1");
    expect(pdf).toContain(utf16be("整改通知书 ZG-2026-000123"));
  });

  it("refuses a stop-work notice for a case without an order", async () => {
    await expect(renderCaseNotice({ ...CASE, stopWork: "none", stopWorkOrder: null }, "stop_work", "http://x")).rejects.toBeInstanceOf(AppError);
  });
});
