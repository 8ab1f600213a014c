import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { FastifyReply, FastifyRequest } from "fastify";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

/**
 * The platform's printed documents (整改通知书, 检测报告, 验收记录 …) share one layout: A4, a centred title, the
 * document number, an addressee, label：value lines, optional sections and body text, the signer and date,
 * and a QR code that opens the record on the site. Noto Sans SC is embedded as a subset.
 */
export interface DocumentLine {
  label: string;
  value: string;
}

export interface OfficialDocument {
  title: string;
  no: string;
  /** PDF metadata subject. */
  subject: string;
  /** "某某单位：" above the lines, when the document is addressed to someone. */
  addressee?: string;
  lines: DocumentLine[];
  /** Headed groups of lines after the main ones (e.g. each party's sign-off). */
  sections?: { heading: string; lines: DocumentLine[] }[];
  /** A paragraph after the lines (the demand of a notice). */
  body?: string;
  signer: string;
  /** YYYY-MM-DD. */
  date: string;
  qr: { url: string; caption: string };
}

const FONT_MODULE = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";
let fontBytes: Promise<Buffer> | null = null;

/** The CJK font, read once per process (10 MB; pdfkit embeds only the glyphs a document uses). */
function cjkFont(): Promise<Buffer> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).catch((err: unknown) => {
    fontBytes = null;
    throw err;
  });
  return fontBytes;
}

/**
 * A pdfkit document written in the CJK font (registered as "cjk"), and `finish()`, which ends it and answers
 * its bytes: every PDF the platform prints (official documents, the briefings) starts here.
 */
export async function cjkPdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> }> {
  const font = await cjkFont();
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("cjk", font);
  doc.font("cjk");
  const finish = async () => {
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  };
  return { doc, finish };
}

const nonEmpty = (lines: DocumentLine[]) => lines.filter((l) => l.value.trim() !== "");

/** Renders the document as PDF bytes. */
export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const margin = 64;
  const [{ doc, finish }, qr] = await Promise.all([
    cjkPdf({ size: "A4", margins: { top: 56, bottom: 56, left: margin, right: margin }, info: { Title: `${d.title} ${d.no}`, Subject: d.subject, Creator: "SiteCloud" } }),
    QRCode.toBuffer(d.qr.url, { type: "png", margin: 1, width: 240 }),
  ]);
  const width = doc.page.width - 2 * margin;

  doc.fontSize(22).text(d.title, { align: "center", width });
  doc.moveDown(0.4).fontSize(11).text(`编号：${d.no}`, { align: "right", width });
  doc.moveDown(0.8);
  if (d.addressee) {
    doc.fontSize(12).text(`${d.addressee}：`, { width });
    doc.moveDown(0.5);
  }
  for (const l of nonEmpty(d.lines)) doc.fontSize(11).text(`${l.label}：${l.value}`, { width, lineGap: 3 });
  for (const s of d.sections ?? []) {
    doc.moveDown(0.6).fontSize(12).text(s.heading, { width });
    for (const l of nonEmpty(s.lines)) doc.fontSize(11).text(`${l.label}：${l.value}`, { width, lineGap: 3, indent: 12 });
  }
  if (d.body) {
    doc.moveDown(0.8);
    doc.fontSize(12).text(d.body, { width, lineGap: 4, indent: 24 });
  }
  doc.moveDown(1.5);
  doc.fontSize(11).text(`签发：${d.signer}`, { align: "right", width });
  doc.text(`日期：${d.date}`, { align: "right", width });
  doc.moveDown(1);
  const qrY = doc.y;
  doc.image(qr, margin, qrY, { width: 90 });
  doc.fontSize(9).text(d.qr.caption, margin + 100, qrY + 36, { width: width - 100 });
  return finish();
}

/** The site's origin as the client reached it, so a printed QR code opens the record on the same site. */
export const siteUrlOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Sends a rendered document inline with an ASCII fallback name and the Chinese file name (RFC 6266). */
export function sendPdf(reply: FastifyReply, pdf: Buffer, asciiName: string, fileName: string): FastifyReply {
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `inline; filename="${asciiName}.pdf"; filename*=UTF-8''${encodeURIComponent(`${fileName}.pdf`)}`)
    .header("cache-control", "private, no-store")
    .send(pdf);
}
