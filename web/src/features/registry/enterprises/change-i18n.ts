import { i18n } from "../../../i18n";

/**
 * Strings of enterprise change requests (企业信息变更申请), merged into the app's namespace when first
 * imported (the side menu imports it for its entry).
 */
const zh = {
  menu: { enterpriseChanges: "企业变更审核" },
  enterpriseChange: {
    request: "申请变更",
    requestTitle: "申请变更企业身份信息",
    requestHint: "企业名称、统一社会信用代码、企业类型、法定代表人和资质由主管部门审核后变更。请修改需要变更的项并说明原因。",
    identityReadOnly: "身份信息（名称、信用代码、类型、法定代表人、资质）须通过“申请变更”提交审核",
    reason: "变更原因",
    filed: "变更申请已提交，等待主管部门审核",
    tab: "变更申请",
    state: "状态",
    states: { pending: "待审核", approved: "已通过", rejected: "已驳回" },
    stale: "已过期",
    staleHint: "企业信息在申请后已变更，无法通过，请驳回",
    enterprise: "企业",
    changes: "变更内容",
    requestedBy: "申请人",
    createdAt: "申请时间",
    decision: "审核意见",
    decidedAt: "审核时间",
    approve: "通过",
    reject: "驳回",
    approveTitle: "通过变更申请",
    rejectTitle: "驳回变更申请",
    note: "审核意见",
    approved: "已通过，企业信息已更新",
    rejected: "已驳回",
    qualifications: "资质 {{from}} 项 → {{to}} 项",
    empty: "暂无变更申请",
  },
};

const en: typeof zh = {
  menu: { enterpriseChanges: "Enterprise changes" },
  enterpriseChange: {
    request: "Request change",
    requestTitle: "Request a change of identity fields",
    requestHint: "Name, credit code, type, legal representative and qualifications change after the bureau approves. Edit what should change and say why.",
    identityReadOnly: "Identity fields (name, credit code, type, legal representative, qualifications) change through “Request change”",
    reason: "Reason",
    filed: "Request filed; the bureau will review it",
    tab: "Change requests",
    state: "State",
    states: { pending: "Pending", approved: "Approved", rejected: "Rejected" },
    stale: "Stale",
    staleHint: "The enterprise changed since this request was filed; it cannot be approved, reject it",
    enterprise: "Enterprise",
    changes: "Changes",
    requestedBy: "Requested by",
    createdAt: "Filed",
    decision: "Review note",
    decidedAt: "Decided",
    approve: "Approve",
    reject: "Reject",
    approveTitle: "Approve change request",
    rejectTitle: "Reject change request",
    note: "Note",
    approved: "Approved; the enterprise is updated",
    rejected: "Rejected",
    qualifications: "Qualifications {{from}} → {{to}}",
    empty: "No change requests",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zh, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
