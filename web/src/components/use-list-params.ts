import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { SorterResult } from "antd/es/table/interface";
import type { TablePaginationConfig } from "antd";
import type { QueryParams } from "../api/client";

type Patch = Record<string, string | number | readonly string[] | null | undefined>;
type SetParams = (update: (prev: URLSearchParams) => URLSearchParams) => void;

/**
 * List state (page, pageSize, q, sort and filters) kept in the URL search params, so reload, back and a
 * shared link all show the same list. Any change other than paging returns to page 1.
 */
export function useListParams(defaultPageSize = 20) {
  const [sp, setSp] = useSearchParams();
  const set = useCallback<SetParams>((update) => setSp(update, { replace: false }), [setSp]);
  return useListState(sp, set, defaultPageSize);
}

/**
 * The same list state held in the component instead of the URL: for a list inside a tab whose
 * neighbours would otherwise read its filters (a project's roster beside its attendance).
 */
export function useLocalListParams(defaultPageSize = 20) {
  const [sp, setSp] = useState(() => new URLSearchParams());
  const set = useCallback<SetParams>((update) => setSp((prev) => update(prev)), []);
  return useListState(sp, set, defaultPageSize);
}

function useListState(sp: URLSearchParams, setSp: SetParams, defaultPageSize: number) {
  const page = Number(sp.get("page")) || 1;
  const pageSize = Number(sp.get("pageSize")) || defaultPageSize;
  const sort = sp.get("sort") ?? undefined;

  const set = useCallback(
    (patch: Patch) =>
      setSp((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          const s = Array.isArray(v) ? v.join(",") : v == null ? "" : String(v);
          if (s) next.set(k, s);
          else next.delete(k);
        }
        if (!("page" in patch)) next.delete("page");
        return next;
      }),
    [setSp],
  );

  /** Every param as API query params (arrays stay comma-separated, as csv filters expect). */
  const query = useMemo<QueryParams>(() => {
    const q: QueryParams = Object.fromEntries(sp.entries());
    q.page = page;
    q.pageSize = pageSize;
    return q;
  }, [sp, page, pageSize]);

  const get = (key: string) => sp.get(key) ?? undefined;
  const getList = (key: string) => (sp.get(key) ?? "").split(",").filter(Boolean);

  /** The antd sortOrder of a column, from the `sort=(-)field` param. */
  const sortOrder = (field: string) => (sort === field ? "ascend" : sort === `-${field}` ? "descend" : null);

  /** Table onChange: paging and the clicked column's sort go into the params. */
  const onTableChange = <T>(p: TablePaginationConfig, _f: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? String(s.columnKey ?? s.field) : "";
    const nextSort = field ? (s.order === "descend" ? `-${field}` : field) : "";
    const sortChanged = nextSort !== (sort ?? "");
    set({ page: sortChanged ? 1 : p.current, pageSize: p.pageSize, sort: nextSort });
  };

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    size: "small",
  });

  /** 重置: back to the unfiltered first page. */
  const reset = useCallback(() => setSp(() => new URLSearchParams()), [setSp]);

  return { page, pageSize, sort, q: get("q"), query, get, getList, set, reset, sortOrder, onTableChange, pagination };
}

export type ListParams = ReturnType<typeof useListParams>;
