import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CaseDetailDto } from "@contracts/cases/cases";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS, CASE_SOURCE_LABELS } from "@contracts/cases/enums";
import { STOP_WORK_SCOPE_LABELS } from "@contracts/cases/cases";
import { AppError } from "../../platform/errors.js";
import { caseLink } from "./case.open.js";
import { shanghaiMinute } from "./case.sheet.js";

/**
 * The printed notices of the loop: 整改通知书 (every case) and 停工整改通知书 (a case under a stop-work
 * order), A4, in Noto Sans SC (embedded as a subset), each with a QR code that opens the case on the site.
 */

const FONT_MODULE = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";
let fontBytes: Promise<Buffer> | null = null;

/** The CJK font, read once per process (10 MB; pdfkit embeds only the glyphs a notice uses). */
function cjkFont(): Promise<Buffer> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).catch((err: unknown) => {
    fontBytes = null;
    throw err;
  });
  return fontBytes;
}

export type NoticeKind = "notice" | "stop_work";

const TITLES: Record<NoticeKind, string> = { notice: "整改通知书", stop_work: "停工整改通知书" };

interface Line {
  label: string;
  value: string;
}

function lines(c: CaseDetailDto, kind: NoticeKind): Line[] {
  const base: Line[] = [
    { label: "工程名称", value: c.projectName },
    { label: "工程编号", value: c.projectCode },
    { label: "责任单位", value: c.enterpriseName ?? "" },
    { label: "问题", value: c.title },
    { label: "隐患等级", value: CASE_GRADE_LABELS[c.grade].zh },
    { label: "类别", value: CASE_CATEGORY_LABELS[c.category].zh },
    { label: "来源", value: CASE_SOURCE_LABELS[c.source].zh },
    { label: "部位", value: c.location },
    { label: "问题描述", value: c.description },
    { label: "依据", value: c.legalBasis },
  ];
  if (kind === "stop_work" && c.stopWorkOrder) {
    base.push({ label: "停工范围", value: STOP_WORK_SCOPE_LABELS[c.stopWorkOrder.scope].zh }, { label: "停工原因", value: c.stopWorkOrder.reason });
  }
  base.push({ label: "整改期限", value: shanghaiMinute(c.deadline) });
  return base.filter((l) => l.value.trim() !== "");
}

const DEMANDS: Record<NoticeKind, string> = {
  notice: "你单位负责的上述工程经检查存在以上问题。请立即组织整改，于整改期限前完成，并将整改回复（整改措施及整改后照片）报送复查。逾期未整改的，将依法依规处理。",
  stop_work:
    "你单位负责的上述工程存在重大事故隐患。依据《建设工程安全生产管理条例》，自接到本通知之日起按上述范围停止施工，立即整改。整改完成并经复查合格后，提交复工申请及整改报告，经批准后方可复工。",
};

/**
 * Renders a notice as PDF bytes. `siteUrl` is the site's origin, so the QR code opens `/cases/{id}` there.
 * @throws AppError PRECONDITION_FAILED for a stop-work notice of a case without a stop-work order.
 */
export async function renderCaseNotice(c: CaseDetailDto, kind: NoticeKind, siteUrl: string): Promise<Buffer> {
  if (kind === "stop_work" && !c.stopWorkOrder) {
    throw new AppError("PRECONDITION_FAILED", "该案件未下达停工整改，无停工整改通知书 (no stop-work order on this case)", { stopWork: c.stopWork });
  }
  const [font, qr] = await Promise.all([cjkFont(), QRCode.toBuffer(`${siteUrl.replace(/\/$/, "")}${caseLink(c.id)}`, { type: "png", margin: 1, width: 240 })]);
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: `${TITLES[kind]} ${c.no}`, Subject: c.title, Creator: "SiteCloud" } });
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("cjk", font);
  doc.font("cjk");
  const width = doc.page.width - 128;

  doc.fontSize(22).text(TITLES[kind], { align: "center", width });
  doc.moveDown(0.4).fontSize(11).text(`编号：${c.no}`, { align: "right", width });
  doc.moveDown(0.8);
  doc.fontSize(12).text(`${c.enterpriseName ?? "相关单位"}：`, { width });
  doc.moveDown(0.5);
  for (const l of lines(c, kind)) {
    doc.fontSize(11).text(`${l.label}：${l.value}`, { width, lineGap: 3 });
  }
  doc.moveDown(0.8);
  doc.fontSize(12).text(DEMANDS[kind], { width, lineGap: 4, indent: 24 });
  doc.moveDown(1.5);
  const issuedAt = kind === "stop_work" && c.stopWorkOrder ? c.stopWorkOrder.at : c.createdAt;
  const issuer = kind === "stop_work" && c.stopWorkOrder ? c.stopWorkOrder.by : c.issuerName;
  doc.fontSize(11).text(`签发：${issuer}`, { align: "right", width });
  doc.text(`日期：${shanghaiMinute(issuedAt).slice(0, 10)}`, { align: "right", width });
  doc.moveDown(1);
  const qrY = doc.y;
  doc.image(qr, 64, qrY, { width: 90 });
  doc.fontSize(9).text("扫码查看案件及整改进度", 64 + 100, qrY + 36, { width: width - 100 });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
