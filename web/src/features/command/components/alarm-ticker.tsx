import { useEffect, useRef, useState } from "react";
import { Empty, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AlarmTickerItem } from "@contracts/dashboard/city";
import { SEVERITY_LABELS } from "@contracts/iot/labels";
import { useLabels } from "../../../i18n/labels";
import { SEVERITY_TAG_COLOR } from "../../iot/severity";

const FLASH_MS = 4_000;

/**
 * 实时告警: the latest active alarms, newest first; an alarm that arrives while the page is open flashes.
 * Each line opens the alarm in the alarm console. `live` false: the items are a first paint (the cached
 * aggregate), not yet the list whose later changes are news.
 */
export function AlarmTicker({ items, max, live = true }: { items: readonly AlarmTickerItem[]; max: number; live?: boolean }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!live) return;
    const ids = items.map((a) => a.id);
    // The first live list is what was there already; only later arrivals are news.
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const known = seen.current;
    const arrived = ids.filter((id) => !known.has(id));
    arrived.forEach((id) => known.add(id));
    if (arrived.length === 0) return;
    setFresh(new Set(arrived));
    const timer = setTimeout(() => setFresh(new Set()), FLASH_MS);
    return () => clearTimeout(timer);
  }, [items, live]);

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("command.panel.tickerEmpty")} />;
  return (
    <ul className="sc-cmd-ticker" aria-label={t("command.panel.ticker")} aria-live="polite">
      {items.slice(0, max).map((a) => (
        <li key={a.id} className={fresh.has(a.id) ? "sc-cmd-new" : undefined} data-alarm={a.id}>
          <Tag color={SEVERITY_TAG_COLOR[a.severity]} style={{ marginInlineEnd: 0 }}>
            {label(SEVERITY_LABELS, a.severity)}
          </Tag>
          <Link to={`/iot/alarms?alarm=${a.id}`} className="sc-cmd-ticker-text" title={`${a.projectName} · ${a.deviceName} · ${a.ruleName}`} style={{ color: "inherit" }}>
            {a.projectName} · {a.ruleName}
          </Link>
          <span style={{ opacity: 0.65, fontVariantNumeric: "tabular-nums" }}>{dayjs(a.lastAt).format("HH:mm")}</span>
        </li>
      ))}
    </ul>
  );
}
