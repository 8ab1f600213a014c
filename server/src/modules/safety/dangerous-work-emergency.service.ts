import { DANGEROUS_WORK_CATEGORY_LABELS, type DangerousWorkCategory } from "@contracts/safety/dangerous-works";
import type { ServiceContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { notify } from "../cases/index.js";
import { projectOf } from "../registry/index.js";

/**
 * A 险情 is reported to the bureau at once (37号令 第二十七条): its safety inspectors and leaders hear it in the
 * inbox (and through the outbound channels), and so does every party of the project, whose client must then
 * organise the recovery plan and the post-assessment (第二十八条). Runs inside the reporting transaction, so
 * a refused report tells nobody.
 */
export async function notifyEmergency(
  tx: Tx,
  ctx: ServiceContext,
  work: { id: string; projectId: string; name: string; category: string },
  description: string,
  occurredAt: string,
): Promise<void> {
  const projectName = (await projectOf(tx, work.projectId))?.name ?? "";
  const when = new Date(occurredAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  const content = {
    kind: "safety.dangerous_work.emergency",
    title: `危大工程险情：${projectName} · ${work.name}`,
    body: `${DANGEROUS_WORK_CATEGORY_LABELS[work.category as DangerousWorkCategory].zh}，${when} 发生险情。${description}`,
    link: `/safety/works/${work.id}`,
  };
  await notify(tx, ctx, { roles: ["inspector"], domain: "safety" }, content);
  await notify(tx, ctx, { roles: ["leader"], projectId: work.projectId, exceptUserId: ctx.actor.userId }, content);
}
