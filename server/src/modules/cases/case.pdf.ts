import type { CaseDetailDto } from "@contracts/cases/cases";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS, CASE_SOURCE_LABELS } from "@contracts/cases/enums";
import { STOP_WORK_SCOPE_LABELS } from "@contracts/cases/cases";
import { AppError } from "../../platform/errors.js";
import { renderOfficialDocument, type DocumentLine } from "../../platform/pdf/official-document.js";
import { caseLink } from "./case-open.service.js";
import { shanghaiMinute } from "./case.sheet.js";

/**
 * The printed notices of the loop: 整改通知书 (every case) and 停工整改通知书 (a case under a stop-work
 * order), A4, in Noto Sans SC (embedded as a subset), each with a QR code that opens the case on the site.
 */

export type NoticeKind = "notice" | "stop_work";

const TITLES: Record<NoticeKind, string> = { notice: "整改通知书", stop_work: "停工整改通知书" };

function lines(c: CaseDetailDto, kind: NoticeKind): DocumentLine[] {
  const base: DocumentLine[] = [
    { label: "工程名称", value: c.projectName ?? "" },
    { label: "工程编号", value: c.projectCode ?? "" },
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
  return base;
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
  // A case outside a construction project (gas) has no 工程 to name: the unit itself was found at fault.
  const demand = c.projectId === null ? DEMANDS[kind].replace("你单位负责的上述工程经检查", "经检查，你单位") : DEMANDS[kind];
  const order = kind === "stop_work" ? c.stopWorkOrder : null;
  return renderOfficialDocument({
    title: TITLES[kind],
    no: c.no,
    subject: c.title,
    addressee: c.enterpriseName ?? "相关单位",
    lines: lines(c, kind),
    body: demand,
    signer: order ? order.by : c.issuerName,
    date: shanghaiMinute(order ? order.at : c.createdAt).slice(0, 10),
    qr: { url: `${siteUrl.replace(/\/$/, "")}${caseLink(c.id)}`, caption: "扫码查看案件及整改进度" },
  });
}
