import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import type { TabsProps } from "antd";
import { useTranslation } from "react-i18next";
import type { Permission } from "@contracts/platform/auth";
import type { ProjectDto } from "@contracts/registry/project";
import { useCan } from "../auth/use-can";
import { PageLoading } from "./page-loading";

/** One tab a feature hangs on another feature's detail page. */
export interface DetailTab<P> {
  /** The tab's key, also `?tab=` in the URL (links land on it). */
  key: string;
  /** i18n key of the tab's title. */
  label: string;
  /** Place among the page's tabs, lowest first (the page's own tabs take 10, 20, 30). */
  order: number;
  /** Only users whose role grants it see the tab. */
  permission?: Permission;
  /** Usually `lazy(() => import(...))`, so the page's chunk carries none of the features' code. */
  component: ComponentType<P>;
}

/** A piece a feature adds beside a detail page's title (a badge). */
export interface DetailBadge<P> {
  key: string;
  component: ComponentType<P>;
}

/**
 * Where features register what they add to a detail page, so the page imports none of them: each
 * feature's `register.ts` adds its tabs once at start-up (app/ imports the registrations).
 */
export class DetailRegistry<P extends object> {
  private readonly tabs = new Map<string, DetailTab<P>>();
  private readonly badges = new Map<string, DetailBadge<P>>();

  /** Adds a tab; registering a key again replaces it (a hot reload). */
  addTab(tab: DetailTab<P>): void {
    this.tabs.set(tab.key, tab);
  }

  addBadge(badge: DetailBadge<P>): void {
    this.badges.set(badge.key, badge);
  }

  /** The registered tabs in their order. */
  listTabs(): DetailTab<P>[] {
    return [...this.tabs.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  }

  listBadges(): DetailBadge<P>[] {
    return [...this.badges.values()];
  }
}

/** What a project's tabs and badges are given. */
export interface ProjectDetailProps {
  project: ProjectDto;
}

/** The project detail page's tabs and badges (智慧工地, 人员, 检测, 整改, 验收, 安全 …). */
export const projectDetail = new DetailRegistry<ProjectDetailProps>();

type TabItem = NonNullable<TabsProps["items"]>[number] & { order: number };

/**
 * The antd Tabs items of a detail page: its own tabs (given with their order) and the registered ones
 * the user may see, merged in order. A registered tab is left when hidden, so it loads again fresh.
 */
export function useDetailTabs<P extends object>(registry: DetailRegistry<P>, props: P, own: TabItem[]): NonNullable<TabsProps["items"]> {
  const { t } = useTranslation();
  const can = useCan();
  const registered: TabItem[] = registry
    .listTabs()
    .filter((tab) => !tab.permission || can(tab.permission))
    .map(({ key, label, order, component: Tab }) => ({
      key,
      order,
      label: t(label),
      destroyOnHidden: true,
      children: (
        <Suspense fallback={<PageLoading />}>
          <Tab {...props} />
        </Suspense>
      ),
    }));
  return [...own, ...registered].sort((a, b) => a.order - b.order).map(({ order: _order, ...item }) => item);
}

/** The registered badges of a detail page, side by side. */
export function DetailBadges<P extends object>({ registry, props }: { registry: DetailRegistry<P>; props: P }): ReactNode {
  return registry.listBadges().map(({ key, component: Badge }) => (
    <Suspense key={key} fallback={null}>
      <Badge {...props} />
    </Suspense>
  ));
}

/** A component loaded on first render (its feature's chunk), from a loader that resolves to it. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}
