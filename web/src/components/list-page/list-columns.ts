import type { ColumnGroupType, ColumnsType, ColumnType, SortOrder } from "antd/es/table/interface";

/** A column's sort key: its `key`, else a plain `dataIndex` (what the list params put in `sort`). */
export function columnKey<T>(c: ColumnsType<T>[number]): string | undefined {
  if (c.key != null) return String(c.key);
  const di = (c as ColumnType<T>).dataIndex;
  return typeof di === "string" || typeof di === "number" ? String(di) : undefined;
}

/**
 * Columns bound to the server's sort: a column with `sorter: true`, or whose key is in `sortable`, shows
 * the order the `sort` param asks for, under its key (so the click sends that key).
 */
export function bindSort<T>(columns: ColumnsType<T>, sortOrder: (field: string) => SortOrder, sortable: readonly string[] = []): ColumnsType<T> {
  return columns.map((c) => {
    const key = columnKey(c);
    if (!key || !(c.sorter === true || sortable.includes(key))) return c;
    return { ...c, key, sorter: true, sortOrder: sortOrder(key) };
  });
}

/** Width a column without one takes up at the least (an ellipsis column has no width of its own). */
const FLEX_COLUMN_PX = 150;

/**
 * The width below which the table scrolls inside its card instead of squeezing every column: the sum
 * of the declared widths, with a minimum for the flexible ones.
 */
export function scrollWidth<T>(columns: ColumnsType<T>): number {
  let px = 0;
  for (const c of columns) {
    const children = (c as ColumnGroupType<T>).children;
    if (children) px += scrollWidth(children);
    else px += typeof c.width === "number" ? c.width : typeof c.minWidth === "number" ? c.minWidth : FLEX_COLUMN_PX;
  }
  return px;
}
