import { describe, expect, it } from "vitest";
import type { ColumnsType } from "antd/es/table/interface";
import { bindSort, columnKey, scrollWidth } from "./list-columns";

type Row = { code: string; name: string; n: number };
const order = (sort: string) => (field: string) => (sort === field ? "ascend" : sort === `-${field}` ? "descend" : null);

describe("bindSort", () => {
  const cols: ColumnsType<Row> = [
    { title: "code", dataIndex: "code", sorter: true },
    { title: "name", dataIndex: "name" },
    { title: "n", key: "count", dataIndex: "n" },
  ];

  it("gives a sorter column its key and the order the sort param asks for", () => {
    const [code] = bindSort(cols, order("-code"));
    expect(code).toMatchObject({ key: "code", sorter: true, sortOrder: "descend" });
  });

  it("leaves other columns as they are unless their key is listed as sortable", () => {
    const [, name, n] = bindSort(cols, order("count"), ["count"]);
    expect(name).toBe(cols[1]);
    expect(n).toMatchObject({ key: "count", sorter: true, sortOrder: "ascend" });
  });
});

describe("columnKey", () => {
  it("prefers the key, falls back to a plain dataIndex, and has none for a path", () => {
    expect(columnKey<Row>({ key: "k", dataIndex: "code" })).toBe("k");
    expect(columnKey<Row>({ dataIndex: "code" })).toBe("code");
    expect(columnKey<Row>({ dataIndex: ["a", "b"] })).toBeUndefined();
  });
});

describe("scrollWidth", () => {
  it("adds declared widths and a minimum for flexible columns, through groups", () => {
    const cols: ColumnsType<Row> = [{ width: 100 }, { minWidth: 220 }, { ellipsis: true }, { title: "g", children: [{ width: 80 }, { width: 70 }] }];
    expect(scrollWidth(cols)).toBe(100 + 220 + 150 + 80 + 70);
  });
});
