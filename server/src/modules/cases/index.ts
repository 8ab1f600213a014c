import type { FastifyPluginAsync } from "fastify";
import { CASE_EVENT_ACTIONS } from "@contracts/cases/cases";
import type { Database, Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { runWhileReady } from "../../platform/jobs/periodic.js";
import { BoardCache } from "./case.cache.js";
import { caseRoutes } from "./case.routes.js";
import { conflictRoutes } from "./conflict.routes.js";
import { inspectionRoutes } from "./inspection.routes.js";
import { randomPlanRoutes } from "./random-plan.routes.js";
import { templateRoutes } from "./template.routes.js";
import { CaseSweeper } from "./case.sweeps.js";
import { loggingChannel, NotificationChannelRegistry, startNotificationDispatch } from "./notification.sweeps.js";
import { notificationRoutes } from "./notification.routes.js";

export interface CasesDeps {
  /**
   * With the database and the event bus the plugin also runs the overdue sweeper (every minute) and the
   * outbound notification channels; without them it serves the routes only.
   */
  db?: Db;
  events?: EventBus;
  /** With it the city's case board is kept in memory between changes, which the database announces on it. */
  database?: Database;
  /** Outbound channels a deployment plugs in (e-mail, SMS); the logging channel is always there. */
  channels?: NotificationChannelRegistry;
}

/**
 * The one rectification loop (整改闭环): cases opened by inspectors or other modules, signed for, replied
 * to with evidence, re-checked, closed; overdue escalation; stop-work orders that suspend and resume the
 * project; the printed notices; the in-app inbox with its outbound channels; and the inspections,
 * checklists, 双随机 plans and conflict declarations that feed the loop.
 */
export const casesPlugin: FastifyPluginAsync<CasesDeps> = async (app, deps) => {
  const board = new BoardCache();
  if (deps.database) await board.start(deps.database);
  // This process's own changes evict at once (handlers run before the response); other writers — other processes,
  // other modules' openCase inside their transactions — are heard through the database's notification.
  for (const action of CASE_EVENT_ACTIONS) deps.events?.on(`cases.case.${action}`, () => board.invalidate());
  app.addHook("onClose", () => board.stop());
  await app.register(caseRoutes, { board });
  await app.register(notificationRoutes);
  await app.register(templateRoutes);
  await app.register(inspectionRoutes);
  await app.register(randomPlanRoutes);
  await app.register(conflictRoutes);
  if (deps.db && deps.events) {
    const channels = deps.channels ?? new NotificationChannelRegistry();
    channels.register(loggingChannel(app.log));
    const dispatch = startNotificationDispatch({ db: deps.db, events: deps.events, channels, log: app.log });
    app.addHook("onClose", () => dispatch.close());
    const sweeper = new CaseSweeper({ db: deps.db, events: deps.events, log: app.log });
    runWhileReady(app, () => {
      sweeper.start();
      return () => sweeper.stop();
    });
  }
};

export { openCase } from "./case-open.service.js";
export { enterpriseChangeNotices } from "./enterprise-change.service.js";
export { notify, CASES_NOTIFIED, type NotifyTarget, type NotificationContent } from "./notification.service.js";
export { openMajorCaseCount } from "./case.queries.js";
export { listCases } from "./case.queries.js";
export { casesView } from "./case.reads.js";
export { casesRuleDefinitions, caseDeadlineRule } from "./case.rules.js";
export { ensureDefaultTemplates } from "./template.service.js";
export { sweepOverdue, CaseSweeper } from "./case.sweeps.js";
export { casePhotoIdOf } from "./case.files.js";
export { listInspections } from "./inspection.queries.js";
export { listRandomPlans } from "./random-plan.queries.js";
export { BOARD_CHANGED_CHANNEL as CASES_CHANGED_CHANNEL } from "./case.cache.js";
export { openCasesByProject } from "./case-counts.reads.js";
export { NotificationChannelRegistry, loggingChannel, startNotificationDispatch, type NotificationChannel, type NotificationRecipient } from "./notification.sweeps.js";
export type { ChecklistResult, TemplateItem } from "./schema.js";
export { caseNumbersUsed, defaultChecklists, hasInspections, loadCasesRows, type CasesRows } from "./cases.load.js";
export { formatCaseNo } from "./case-number.queries.js";
export { drawPlan, RANDOM_DRAW_WEIGHTS_RULE } from "./random-plan.calc.js";
export { openCaseRiskFacts, overdueCaseRiskFacts, stopWorkRiskFacts } from "./case-risk.reads.js";
