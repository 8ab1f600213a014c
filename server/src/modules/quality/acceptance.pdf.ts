import type { AcceptanceDto } from "@contracts/quality/acceptance";
import { ACCEPTANCE_STATE_LABELS, MILESTONE_LABELS } from "@contracts/quality/acceptance";
import { PARTICIPANT_ROLE_LABELS } from "@contracts/registry/enums";
import { shanghaiDay } from "@contracts/platform/time";
import { renderOfficialDocument } from "../../platform/pdf/official-document.js";

/** The record's number on paper: the milestone and the first block of its id (acceptances carry no number of their own). */
export const acceptanceRecordNo = (a: AcceptanceDto) => `YS-${a.milestone.toUpperCase()}-${a.id.slice(0, 8).toUpperCase()}`;

/**
 * The printed 工程质量验收记录 of one milestone: the project, the state, each party's sign-off (unit, signer,
 * opinion, time) and the parties still missing, with a QR code to the project's acceptance tab.
 */
export function renderAcceptanceRecord(a: AcceptanceDto, siteUrl: string): Promise<Buffer> {
  const milestone = MILESTONE_LABELS[a.milestone].zh;
  const missing = a.missingParties.map((r) => PARTICIPANT_ROLE_LABELS[r].zh).join("、");
  return renderOfficialDocument({
    title: `${milestone}验收记录`,
    no: acceptanceRecordNo(a),
    subject: `${a.projectName} ${milestone}`,
    lines: [
      { label: "工程名称", value: a.projectName },
      { label: "验收阶段", value: milestone },
      { label: "计划验收日期", value: a.plannedOn ?? "" },
      { label: "状态", value: ACCEPTANCE_STATE_LABELS[a.state].zh },
      { label: "验收通过时间", value: a.acceptedAt ? shanghaiDay(new Date(a.acceptedAt)) : "" },
      { label: "尚未签署", value: missing },
    ],
    sections: a.signoffs.map((s) => ({
      heading: `${PARTICIPANT_ROLE_LABELS[s.role].zh}：${s.enterpriseName}`,
      lines: [
        { label: "签署人", value: s.signerName },
        { label: "验收意见", value: s.opinion },
        { label: "签署时间", value: shanghaiDay(new Date(s.signedAt)) },
      ],
    })),
    signer: "建设工程智慧管理云平台",
    date: shanghaiDay(new Date(a.acceptedAt ?? a.updatedAt)),
    qr: { url: `${siteUrl}/projects/${a.projectId}?tab=acceptance`, caption: "扫码查看验收记录及各方签署" },
  });
}
