import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Checkbox, DatePicker, Flex, Input, Segmented, Select, Space, Switch } from "antd";
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import type { Labels } from "@contracts/registry/enums";
import { useLabels } from "../../i18n/labels";
import { DateInput } from "../date-input";
import { RemoteSelect, type RemoteOption } from "../remote-select";
import type { ListParams } from "../use-list-params";

export interface FilterOption {
  value: string;
  label: ReactNode;
}

/** A select over a code list: its options come from `options`, a contracts label table, or a yes/no pair. */
interface SelectFilter {
  kind?: "select";
  key: string;
  label: string;
  options?: FilterOption[];
  labels?: Labels<string>;
  /** Labels of `true` and `false`, for a boolean param. */
  bool?: readonly [string, string];
  multiple?: boolean;
  /** What a multiple select shows (and the API applies) while the param is absent. */
  defaultValue?: readonly string[];
  /** The param value meaning "cleared on purpose" (any), when absent already means the default. */
  cleared?: string;
  /** Type to narrow the options (long code lists). */
  search?: boolean;
  /** Shown when nothing is chosen, if other than the label (e.g. 任意状态). */
  placeholder?: string;
  width?: number;
}

/**
 * A date range into two params. `value` is what the API reads: `date` YYYY-MM-DD days, `day` the
 * instants that start and end those days, `minute` instants picked to the minute; `inputs` shows two
 * separate date boxes of `date` values (one end may stay open).
 */
interface DateRangeFilter {
  kind: "dateRange";
  label?: string;
  from?: string;
  to?: string;
  value?: "date" | "day" | "minute";
  /** Two date boxes, with the words before each (or none). */
  inputs?: true | readonly [string, string];
  width?: number;
}

/**
 * A server-side search select (a station, an enterprise, a project); `nameOf` looks up the name of an id
 * that arrives in the URL (a reload, a link from elsewhere), so it is not shown bare.
 */
interface RemoteFilter {
  kind: "remote";
  key: string;
  label: string;
  scope: readonly unknown[];
  fetchOptions: (q: string) => Promise<RemoteOption[]>;
  nameOf?: (id: string) => Promise<string>;
  width?: number;
}

/** Free text, sent when Enter is pressed or the box is left. */
interface TextFilter {
  kind: "text";
  key: string;
  label: string;
  width?: number;
}

/** A checkbox (or a switch) that sets `key` to `on` while ticked and clears it otherwise. */
interface CheckFilter {
  kind: "check" | "switch";
  key: string;
  label: string;
  on: string;
}

/** Buttons, one of which is always chosen; `fallback` is the choice when the param is absent. */
interface SegmentedFilter {
  kind: "segmented";
  key: string;
  options: FilterOption[];
  fallback: string;
}

/** Anything else (a month picker, a project picker that names the project in the URL). */
interface CustomFilter {
  kind: "custom";
  key: string;
  render: (lp: ListParams) => ReactNode;
}

export type ListFilter = SelectFilter | DateRangeFilter | RemoteFilter | TextFilter | CheckFilter | SegmentedFilter | CustomFilter;
/** What a page declares: entries may be left out with `cond && {...}`. */
export type ListFilters = readonly (ListFilter | false | null | undefined)[];

export const isFilter = (f: ListFilter | false | null | undefined): f is ListFilter => !!f;
const keyOf = (f: ListFilter) => ("key" in f ? f.key : `${f.from ?? "from"}-${f.to ?? "to"}`);

/** The declared filters as controls bound to the list's params. */
export function FilterControls({ filters, lp }: { filters: readonly ListFilter[]; lp: ListParams }) {
  return (
    <>
      {filters.map((f) => (
        <FilterControl key={keyOf(f)} filter={f} lp={lp} />
      ))}
    </>
  );
}

function FilterControl({ filter: f, lp }: { filter: ListFilter; lp: ListParams }) {
  const { options } = useLabels();
  switch (f.kind) {
    case undefined:
    case "select": {
      const opts =
        f.options ??
        (f.labels
          ? options(f.labels)
          : f.bool
            ? [
                { value: "true", label: f.bool[0] },
                { value: "false", label: f.bool[1] },
              ]
            : []);
      const common = {
        allowClear: true,
        "aria-label": f.label,
        placeholder: f.placeholder ?? f.label,
        options: opts,
        showSearch: f.search ? { optionFilterProp: "label" } : undefined,
      };
      const known = new Set(opts.map((o) => o.value));
      const chosen = lp.get(f.key) === undefined && f.defaultValue ? [...f.defaultValue] : lp.getList(f.key).filter((v) => known.has(v));
      return f.multiple ? (
        <Select {...common} mode="multiple" maxTagCount="responsive" style={{ minWidth: f.width ?? 150 }} value={chosen} onChange={(v: string[]) => lp.set({ [f.key]: v.length || !f.cleared ? v : f.cleared })} />
      ) : (
        <Select {...common} style={{ width: f.width ?? 120 }} value={lp.get(f.key)} onChange={(v?: string) => lp.set({ [f.key]: v })} />
      );
    }
    case "dateRange":
      return <DateRangeControl filter={f} lp={lp} />;
    case "remote":
      return <RemoteControl filter={f} lp={lp} />;
    case "text":
      return <TextControl filter={f} lp={lp} />;
    case "check":
      return (
        <Checkbox checked={lp.get(f.key) === f.on} onChange={(e) => lp.set({ [f.key]: e.target.checked ? f.on : null })}>
          {f.label}
        </Checkbox>
      );
    case "switch":
      return (
        <Flex gap={8} align="center">
          <Switch aria-label={f.label} checked={lp.get(f.key) === f.on} onChange={(on) => lp.set({ [f.key]: on ? f.on : null })} />
          <span>{f.label}</span>
        </Flex>
      );
    case "segmented":
      return <Segmented value={lp.get(f.key) ?? f.fallback} options={f.options.map((o) => ({ value: o.value, label: o.label }))} onChange={(v) => lp.set({ [f.key]: String(v) === f.fallback ? null : String(v) })} />;
    case "custom":
      return <>{f.render(lp)}</>;
  }
}

function DateRangeControl({ filter: f, lp }: { filter: DateRangeFilter; lp: ListParams }) {
  const fromKey = f.from ?? "from";
  const toKey = f.to ?? "to";
  const from = lp.get(fromKey);
  const to = lp.get(toKey);
  if (f.inputs) {
    return (
      <Space size={4}>
        {f.inputs !== true && f.inputs[0]}
        <DateInput value={from ?? null} onChange={(v) => lp.set({ [fromKey]: v })} />
        {f.inputs !== true && f.inputs[1]}
        <DateInput value={to ?? null} onChange={(v) => lp.set({ [toKey]: v })} />
      </Space>
    );
  }
  const minute = f.value === "minute";
  return (
    <DatePicker.RangePicker
      aria-label={f.label}
      showTime={minute ? { format: "HH:mm" } : undefined}
      format={minute ? "YYYY-MM-DD HH:mm" : undefined}
      style={{ width: f.width ?? (minute ? 260 : 240) }}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(r) => {
        const [a, b] = [r?.[0], r?.[1]];
        if (f.value === "day") lp.set({ [fromKey]: a?.startOf("day").toISOString(), [toKey]: b?.endOf("day").toISOString() });
        else if (minute) lp.set({ [fromKey]: a?.toISOString(), [toKey]: b?.toISOString() });
        else lp.set({ [fromKey]: a?.format("YYYY-MM-DD"), [toKey]: b?.format("YYYY-MM-DD") });
      }}
    />
  );
}

function RemoteControl({ filter: f, lp }: { filter: RemoteFilter; lp: ListParams }) {
  const value = lp.get(f.key);
  const { nameOf } = f;
  const name = useQuery({ queryKey: [...f.scope, "name", value], queryFn: () => nameOf!(value!), enabled: !!value && !!nameOf, staleTime: 5 * 60_000 });
  const known = useMemo(() => (value && name.data ? [{ value, label: name.data }] : []), [value, name.data]);
  return (
    <RemoteSelect
      aria-label={f.label}
      placeholder={f.label}
      style={{ width: f.width ?? 200 }}
      scope={f.scope}
      fetchOptions={f.fetchOptions}
      knownOptions={known}
      value={value ?? null}
      onChange={(v) => lp.set({ [f.key]: typeof v === "string" ? v : null })}
    />
  );
}

function TextControl({ filter: f, lp }: { filter: TextFilter; lp: ListParams }) {
  const current = lp.get(f.key) ?? "";
  const [text, setText] = useState(current);
  // Follow the URL (back/forward, reset) without clobbering what is being typed otherwise.
  useEffect(() => setText(current), [current]);
  const commit = () => text.trim() !== current && lp.set({ [f.key]: text.trim() });
  return <Input allowClear aria-label={f.label} placeholder={f.label} style={{ width: f.width ?? 130 }} value={text} onChange={(e) => setText(e.target.value)} onPressEnter={commit} onBlur={commit} />;
}
