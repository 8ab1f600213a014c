import { useMemo, useState, type CSSProperties, type ReactNode } from "react";
import { Select, Spin } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useDebounced } from "./use-debounced";

export interface RemoteOption {
  value: string;
  label: ReactNode;
}

interface Props {
  /** Query-key prefix of the searched resource, e.g. keys.enterprises.all. */
  scope: readonly unknown[];
  /** Loads the options matching the typed text (empty = the first page). */
  fetchOptions: (q: string) => Promise<RemoteOption[]>;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  /** Labels for values already chosen, so an edit form shows names instead of ids. */
  knownOptions?: RemoteOption[];
  mode?: "multiple";
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  disabled?: boolean;
  "aria-label"?: string;
}

/** A debounced server-side search select (enterprise picker, person picker, project picker). */
export function RemoteSelect({ scope, fetchOptions, value, onChange, knownOptions = [], mode, placeholder, style, id, disabled, ...rest }: Props) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useQuery({
    queryKey: [...scope, "search", q],
    queryFn: () => fetchOptions(q),
    staleTime: 60_000,
  });
  const [seen, setSeen] = useState<RemoteOption[]>([]);
  const options = useMemo(() => {
    const byValue = new Map<string, RemoteOption>();
    for (const o of [...knownOptions, ...seen, ...(data ?? [])]) byValue.set(o.value, o);
    return [...byValue.values()];
  }, [knownOptions, seen, data]);

  return (
    <Select
      id={id}
      aria-label={rest["aria-label"]}
      mode={mode}
      allowClear
      disabled={disabled}
      style={{ width: "100%", ...style }}
      placeholder={placeholder}
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      options={options}
      onChange={(v: string | string[] | undefined) => {
        // Remember the labels of chosen options so they survive the next search.
        const chosen = new Set(Array.isArray(v) ? v : v ? [v] : []);
        setSeen((prev) => [...prev.filter((o) => chosen.has(o.value)), ...options.filter((o) => chosen.has(o.value))]);
        onChange?.(v ?? (mode ? [] : null));
      }}
    />
  );
}
