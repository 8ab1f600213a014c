import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { shanghaiDay } from "@contracts/platform/time";
import { SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { type Db, rowsOf } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { bureauTarget, caseLink, responsibleTarget } from "./case-open.service.js";
import { OVERDUE_STATES } from "./case.workflow.js";
import { CASES_NOTIFIED, insertNotifications } from "./notification.service.js";

interface OverdueCase {
  id: string;
  no: string;
  title: string;
  project_id: string;
  enterprise_id: string | null;
  issuer_id: string | null;
  category: string;
  deadline: string | Date;
}

/**
 * Flags cases whose deadline passed without a reply (逾期) and escalates: the bureau's leaders, the issuer
 * (or the domain's inspectors when a system source opened it) and the responsible side are told. One
 * UPDATE … WHERE overdue_at IS NULL … RETURNING claims the cases, so two processes sweeping at once
 * flag and notify each case exactly once (the second waits on the row locks and then finds nothing).
 */
export async function sweepOverdue(db: Db, events: EventBus): Promise<string[]> {
  const done = await db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with marked as (
        update cases_cases set overdue_at = now(), updated_at = now(), version = version + 1
         where overdue_at is null and deadline < now() and state = any(${sql.param([...OVERDUE_STATES])}::text[])
        returning id, no, title, project_id, enterprise_id, issuer_id, category, deadline, state
      ), timeline as (
        insert into cases_events (case_id, actor_name, action, from_state, to_state, data)
        select id, ${SYSTEM_ACTOR.displayName}, 'overdue', state, state, jsonb_build_object('deadline', deadline) from marked
      )
      select id, no, title, project_id, enterprise_id, issuer_id, category, deadline from marked`);
    const cases = rowsOf<OverdueCase>(result);
    if (cases.length === 0) return { cases, notified: [] as string[] };
    await recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "cases.case.overdue", entity: "case", after: { caseIds: cases.map((c) => c.id) } });
    const notified: string[] = [];
    for (const c of cases) {
      const content = {
        kind: "case.overdue",
        title: `整改逾期 ${c.no}：${c.title}`,
        body: `整改期限 ${shanghaiDay(new Date(c.deadline))} 已过，未收到整改回复 (deadline passed without a reply)`,
        link: caseLink(c.id),
        caseId: c.id,
      };
      notified.push(...(await insertNotifications(tx, bureauTarget({ issuerId: c.issuer_id, category: c.category }), content)));
      notified.push(...(await insertNotifications(tx, responsibleTarget({ projectId: c.project_id, enterpriseId: c.enterprise_id }), content)));
    }
    // Leaders get one summary per sweep, not one line per case.
    const first = cases[0];
    notified.push(
      ...(await insertNotifications(
        tx,
        { roles: ["leader"] },
        cases.length === 1
          ? { kind: "case.overdue", title: `整改逾期 ${first.no}：${first.title}`, link: caseLink(first.id), caseId: first.id }
          : { kind: "case.overdue", title: `${cases.length} 件整改逾期未回复`, body: cases.map((c) => c.no).join("、"), link: "/cases?overdue=true" },
      )),
    );
    return { cases, notified };
  });
  for (const c of done.cases) events.publish("cases.case.overdue", { caseId: c.id, projectId: c.project_id });
  if (done.notified.length > 0) events.publish(CASES_NOTIFIED, { notificationIds: done.notified });
  return done.cases.map((c) => c.id);
}

/** Runs `sweepOverdue` every minute on an unref'd timer; one round at a time in this process. */
export class CaseSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: { db: Db; events: EventBus; log: FastifyBaseLogger }) {}

  start(everyMs = 60_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = sweepOverdue(this.deps.db, this.deps.events)
        .then((ids) => ids.length > 0 && this.deps.log.info({ overdue: ids.length }, "cases marked overdue"))
        .catch((err: unknown) => this.deps.log.error({ err }, "case sweep failed"))
        .finally(() => (this.running = null));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
