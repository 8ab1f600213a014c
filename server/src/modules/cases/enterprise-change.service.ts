import type { EnterpriseChangeFollowUps } from "../registry/index.js";
import { notify, type NotifyTarget } from "./notification.service.js";

/**
 * Inbox notices of enterprise change requests (企业信息变更申请): a filed request to the bureau's reviewers, a
 * decision to the enterprise's users. The registry is the kernel and cannot import the inbox (cases depends
 * on it, not the reverse), so app.ts hands these verbs to registryPlugin and the registry calls them inside
 * the request's own transaction: the notice commits with the change or not at all.
 */

/** The roles holding `registry.enterprise.reviewChange`. */
const REVIEWERS: NotifyTarget = { roles: ["admin", "inspector"] };
const KIND = "registry.enterpriseChange";

export const enterpriseChangeNotices: EnterpriseChangeFollowUps = {
  async requested(tx, ctx, { enterpriseName }) {
    await notify(tx, ctx, REVIEWERS, {
      kind: KIND,
      title: `企业信息变更申请待审核：${enterpriseName}`,
      body: "企业提交了名称、信用代码、类型、法定代表人或资质的变更申请 (an enterprise asks to change its identity fields)",
      link: "/enterprise-change-requests",
    });
  },
  async decided(tx, ctx, { enterpriseId, enterpriseName, state, note }) {
    await notify(tx, ctx, { enterpriseId }, {
      kind: KIND,
      title: `企业信息变更申请${state === "approved" ? "已通过" : "被驳回"}：${enterpriseName}`,
      body: note ?? "",
      link: `/enterprises/${enterpriseId}`,
    });
  },
};
