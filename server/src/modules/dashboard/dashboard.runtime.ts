import type { AlarmChangeDto } from "@contracts/iot/alarms";
import { DASHBOARD_EVENT, DASHBOARD_EVENT_THROTTLE_MS, type DashboardChangedDto } from "@contracts/dashboard/realtime";
import type { Database, Listener } from "../../platform/db/client.js";
import type { RealtimeHub } from "../../platform/realtime/hub.js";
import { CASES_CHANGED_CHANNEL } from "../cases/index.js";
import { ALARM_CHANNEL } from "../iot/index.js";

/** The project an alarm notification names; null when unreadable (then every stream is told). */
function projectOf(payload: string): string | null {
  try {
    return (JSON.parse(payload) as AlarmChangeDto).projectId ?? null;
  } catch {
    return null;
  }
}

/**
 * Tells open command centers that their figures moved: alarms (raised, escalated, acknowledged, cleared) and
 * cases (any change of the case board) arrive as the database's notifications — whichever process did the
 * work — and, at most once per throttle window, this process's figures cache is emptied (so the refetch the
 * event prompts is fresh) and one `dashboard` event per source goes to every stream that may see a project
 * concerned (a case change names no project: every stream hears it).
 */
export class DashboardNotifier {
  private readonly listeners: Listener[] = [];
  private pending: { sources: Set<DashboardChangedDto["source"]>; projects: Set<string>; everyone: boolean } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSent = 0;

  constructor(
    private readonly hub: RealtimeHub,
    private readonly onChange: () => void,
    private readonly throttleMs = DASHBOARD_EVENT_THROTTLE_MS,
  ) {}

  async start(database: Database): Promise<void> {
    this.listeners.push(
      await database.listen(
        ALARM_CHANNEL,
        (payload) => {
          this.note("alarm", projectOf(payload));
        },
        () => this.note("alarm", null),
      ),
      await database.listen(CASES_CHANGED_CHANNEL, () => this.note("case", null), () => this.note("case", null)),
    );
  }

  /** A change about one project (or, with null, about none in particular). */
  note(source: DashboardChangedDto["source"], projectId: string | null): void {
    this.pending ??= { sources: new Set(), projects: new Set(), everyone: false };
    this.pending.sources.add(source);
    if (projectId) this.pending.projects.add(projectId);
    else this.pending.everyone = true;
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.throttleMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  private flush(): void {
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    // Emptied once per window, not per change: under a storm of alarms the figures still serve from cache.
    this.onChange();
    this.lastSent = Date.now();
    const at = new Date(this.lastSent).toISOString();
    const only = p.projects.size === 1 && !p.everyone ? [...p.projects][0] : null;
    for (const source of p.sources) {
      const data: DashboardChangedDto = { source, projectId: only, at };
      this.hub.publishToAny(DASHBOARD_EVENT, p.everyone ? null : p.projects, data);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(this.listeners.splice(0).map((l) => l.close()));
  }
}
