import { addStrings } from "../../i18n";

/** Strings of 质量验收, merged into the app's translation namespace when the feature is first imported. */
const zh = {
  menu: { acceptances: "质量验收" },
  acceptance: {
    tab: "质量验收",
    title: "质量验收",
    project: "项目",
    milestone: "验收节点",
    state: "状态",
    plannedOn: "计划日期",
    acceptedAt: "验收通过",
    parties: "各方签署",
    signed: "已签",
    unsigned: "未签",
    sign: "签署",
    recordPdf: "验收记录 (PDF)",
    signTitle: "签署验收意见",
    opinion: "验收意见",
    opinionDefault: "同意验收",
    signAs: "签署身份",
    signedOk: "已签署",
    open: "发起验收",
    opened: "已发起验收",
    refused: "不能签署验收",
    majorOpen: "本项目尚有 {{count}} 项重大问题未销项：验收签署将被拒绝，须先整改销项。",
    viewMajor: "查看重大问题",
    empty: "尚未发起验收",
    signer: "签署人",
    missing: "待签",
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof zh> = {
  menu: { acceptances: "Acceptance" },
  acceptance: {
    tab: "Acceptance",
    title: "Milestone acceptance",
    project: "Project",
    milestone: "Milestone",
    state: "State",
    plannedOn: "Planned on",
    acceptedAt: "Accepted",
    parties: "Sign-offs",
    signed: "Signed",
    unsigned: "Not signed",
    sign: "Sign",
    recordPdf: "Record (PDF)",
    signTitle: "Sign the acceptance",
    opinion: "Opinion",
    opinionDefault: "Agreed",
    signAs: "Sign as",
    signedOk: "Signed",
    open: "Open acceptance",
    opened: "Acceptance opened",
    refused: "Cannot sign",
    majorOpen: "{{count}} major case(s) of this project are still open: sign-off will be refused until they are closed.",
    viewMajor: "View major cases",
    empty: "No acceptance opened yet",
    signer: "Signed by",
    missing: "Waiting for",
  },
};

addStrings(zh, en);
