import { useEffect, useState } from "react";
import { Button, DatePicker, Flex, Input } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { useListParams } from "../../../../components/use-list-params";

type ListParams = ReturnType<typeof useListParams>;
const TEXT_FILTERS = ["actor", "action", "entity", "entityId"] as const;

/** Filters of the audit log: actor, action (contains), entity, entity id and a time range, kept in the URL. */
export function AuditFilters({ lp }: { lp: ListParams }) {
  const { t } = useTranslation();
  const current = Object.fromEntries(TEXT_FILTERS.map((k) => [k, lp.get(k) ?? ""])) as Record<(typeof TEXT_FILTERS)[number], string>;
  const [text, setText] = useState(current);
  const currentKey = JSON.stringify(current);
  // Follow the URL (back/forward, reset) without clobbering what is being typed otherwise.
  useEffect(() => setText(JSON.parse(currentKey) as typeof current), [currentKey]);

  const from = lp.get("from");
  const to = lp.get("to");
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      {TEXT_FILTERS.map((k) => (
        <Input
          key={k}
          allowClear
          aria-label={t(`audit.${k}`)}
          placeholder={t(`audit.${k}`)}
          style={{ width: k === "entityId" ? 220 : 130 }}
          value={text[k]}
          onChange={(e) => setText({ ...text, [k]: e.target.value })}
          onPressEnter={() => lp.set({ [k]: text[k].trim() })}
          onBlur={() => text[k].trim() !== current[k] && lp.set({ [k]: text[k].trim() })}
        />
      ))}
      <DatePicker.RangePicker
        aria-label={t("audit.range")}
        style={{ width: 260 }}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        onChange={(r) => lp.set({ from: r?.[0]?.startOf("day").toISOString() ?? "", to: r?.[1]?.endOf("day").toISOString() ?? "" })}
      />
      <Button onClick={() => lp.set({ actor: "", action: "", entity: "", entityId: "", from: "", to: "" })}>{t("common.reset")}</Button>
    </Flex>
  );
}
