import type { Database, Executor, Listener } from "../../../platform/db/client.js";
import { inForceAt } from "../../../platform/rules/rules.js";
import { RULES_CHANNEL } from "../iot.notify.js";
import { RuleSet, type Rule } from "./rule.checks.js";
import { iotRules } from "../schema.js";

/** Versions take effect at their effective_from: reload at least this often even without a notification. */
const RELOAD_MS = 60_000;

/** The rule versions in force now, all regions. */
export async function loadCurrentRules(db: Executor, now = new Date()): Promise<Rule[]> {
  const rows = await db
    .select()
    .from(iotRules)
    .where(inForceAt(iotRules.effectiveFrom, iotRules.effectiveTo, now));
  return rows as unknown as Rule[];
}

/** The process's current RuleSet, reloaded when a rule version is added (sc_iot_rules) and every minute. */
export class RuleCache {
  private set: RuleSet;
  private listener: Listener | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly cityRegion: string,
    private readonly onError: (err: unknown) => void,
  ) {
    this.set = new RuleSet([], cityRegion);
  }

  async start(): Promise<void> {
    await this.reload();
    const reload = () => void this.reload().catch(this.onError);
    this.listener = await this.database.listen(RULES_CHANNEL, reload, reload);
    this.timer = setInterval(reload, RELOAD_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.listener?.close();
  }

  current(): RuleSet {
    return this.set;
  }

  async reload(): Promise<void> {
    this.set = new RuleSet(await loadCurrentRules(this.database.db), this.cityRegion);
  }
}
