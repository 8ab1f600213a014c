import type { PublicReportDto, ReportDto, ResultDto } from "@contracts/testing/result";
import { CONCLUSION_LABELS, JUDGE_METHOD_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { shanghaiDay } from "@contracts/platform/time";
import { renderOfficialDocument } from "../../platform/pdf/official-document.js";

/**
 * The printed 检测报告: the report's key data as the public verify page shows it, its signers and revision,
 * and a QR code to the verify page, so a paper copy can be checked against the platform.
 */
export function renderTestReport(report: ReportDto, result: ResultDto, pub: PublicReportDto, siteUrl: string): Promise<Buffer> {
  return renderOfficialDocument({
    title: "检测报告",
    no: report.reportNo,
    subject: `${SAMPLE_TYPE_LABELS[pub.sampleType].zh} ${pub.strengthClass ?? ""}`.trim(),
    lines: [
      { label: "工程名称", value: pub.projectName },
      { label: "委托编号", value: result.commissionNo },
      { label: "检测机构", value: pub.agencyName },
      { label: "样品类别", value: SAMPLE_TYPE_LABELS[pub.sampleType].zh },
      { label: "强度等级/牌号", value: pub.strengthClass ?? "" },
      { label: "验收批", value: pub.lotNo ?? "" },
      { label: "工程部位", value: pub.part },
      { label: "见证取样", value: pub.witnessed ? `是（见证人：${pub.witnessName ?? "—"}）` : "否" },
      { label: "检测日期", value: pub.testedOn },
      { label: "评定方法", value: JUDGE_METHOD_LABELS[result.method].zh },
      { label: "检测结论", value: CONCLUSION_LABELS[pub.conclusion].zh },
      { label: "版本", value: pub.revision > 1 ? `第 ${pub.revision} 版（签发后修改 ${pub.revision - 1} 次，见核验页）` : "第 1 版" },
    ],
    sections: [
      {
        heading: "签字",
        lines: [
          { label: "检测", value: report.signers.tester },
          { label: "审核", value: report.signers.reviewer },
          { label: "批准", value: report.signers.approver },
        ],
      },
    ],
    signer: pub.agencyName,
    date: shanghaiDay(new Date(report.issuedAt)),
    qr: { url: `${siteUrl}${report.verifyPath}`, caption: `扫码核验报告真伪（核验码 ${report.verifyCode}）` },
  });
}
