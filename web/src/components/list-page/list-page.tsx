import { useState, type ReactNode } from "react";
import { Button, Card, Table, type TableProps } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Permission } from "@contracts/platform/auth";
import type { QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { ExportButton } from "./export-button";
import { ImportModal } from "../import-modal";
import { ListError } from "../list-error";
import { ListToolbar } from "./list-toolbar";
import { PageHeader } from "../page-header";
import { RequirePermission } from "../require-permission";
import { useListParams, type ListParams } from "../use-list-params";
import { editColumn } from "./action-columns";
import { bindSort, scrollWidth } from "./list-columns";
import { FilterControls, isFilter, type ListFilters } from "./list-filters";

/** The 新建 button: shown only when given (pass `false` for a user who may not create). */
export interface CreateAction {
  label?: string;
  icon?: ReactNode;
  danger?: boolean;
  onClick: () => void;
  /** In the page header rather than the toolbar (a page whose 新建 opens another page). */
  inHeader?: boolean;
}

/** The 导入 button and dialog: `.xlsx` upload to `${path}/import`, template at `${path}/import-template`. */
export interface ImportAction {
  /** Defaults to the export path. */
  path?: string;
  templatePath?: string;
  entity: string;
  /** Query-key prefix refreshed after a successful import. */
  invalidate: readonly unknown[];
  label?: string;
}

/** 新建 and a 编辑 column opening the same form: for a new row (null) or the row picked. */
export interface EditAction<T> {
  /** Whether the user may create and edit (neither button nor column otherwise). */
  allowed: boolean;
  /** The 新建 button's words. */
  createLabel?: string;
  form: (row: T | null, close: () => void) => ReactNode;
}

export interface ListPageProps<T> {
  /** The page title; leave it out for a list inside a tab or a detail page. */
  title?: ReactNode;
  /** Beside the title (a live indicator, a count). */
  headerExtra?: ReactNode;
  /** Right of the title (counters, page-level buttons). */
  headerActions?: ReactNode;
  /** Only users whose role grants it see the list; others a 403. */
  permission?: Permission;
  /** The list's state; the URL's by default (useLocalListParams for a list among others in a tab). */
  lp?: ListParams;
  /** The rows for the current params: a page (`{items,total}`) or every row at once. */
  useRows: (query: QueryParams) => UseQueryResult<Page<T> | T[]>;
  /** Params the list always sends beside its own (a project id), or a function of them. */
  query?: QueryParams | ((query: QueryParams) => QueryParams);
  /** A search box bound to `q` (default on). */
  search?: boolean;
  filters?: ListFilters;
  /** More toolbar buttons, before export. */
  actions?: ReactNode;
  create?: CreateAction | false | null;
  /** 新建 + 编辑 with one form (instead of `create`). */
  edit?: EditAction<T>;
  importer?: ImportAction | false | null;
  /** `${exportPath}/export` with the current filters; no export button without it. */
  exportPath?: string;
  /** Params only the export takes (the list's own endpoint already scopes them, e.g. a project's). */
  exportQuery?: QueryParams;
  /** The export button's words, when it exports something more specific (导出花名册). */
  exportLabel?: string;
  columns: ColumnsType<T>;
  /** Column keys the server sorts by (besides columns marked `sorter: true`). */
  sortable?: readonly string[];
  rowKey?: TableProps<T>["rowKey"];
  emptyText?: ReactNode;
  /** Anything else the table takes (expandable rows, row clicks, a fixed scroll width). */
  table?: Omit<TableProps<T>, "columns" | "dataSource" | "loading" | "onChange">;
  /** The page size before the user picks one (default 20), and the sizes offered. */
  pageSize?: number;
  pageSizeOptions?: number[];
  /** Inside the card, between the toolbar and the table (a notice, an upload's refusal), maybe from the rows' answer. */
  notice?: ReactNode | ((data: Page<T> | T[] | undefined) => ReactNode);
  /** Above the card (a strip of counters). */
  before?: ReactNode;
  /** After the card (the page's dialogs and drawers). */
  children?: ReactNode;
  /** Without its own card (inside a tab whose card is the page's). */
  bare?: boolean;
}

/**
 * The one list page: title, a toolbar of search + declared filters (kept in the URL) + 新建 / 导入 / 导出,
 * a load error instead of an empty table, and a server-sorted, paged table that always says its total
 * and scrolls inside its card when the screen is narrower than its columns.
 */
export function ListPage<T extends object>(props: ListPageProps<T>) {
  const body = <ListBody {...props} />;
  return props.permission ? <RequirePermission permission={props.permission}>{body}</RequirePermission> : body;
}

function ListBody<T extends object>(props: ListPageProps<T>) {
  const { t } = useTranslation();
  const urlParams = useListParams(props.pageSize);
  const lp = props.lp ?? urlParams;
  const query = typeof props.query === "function" ? props.query(lp.query) : { ...lp.query, ...props.query };
  const rows = props.useRows(query);
  const [importing, setImporting] = useState(false);
  // undefined: no form open; null: a new row; a row: that row being edited.
  const [editing, setEditing] = useState<T | null | undefined>(undefined);

  const data = rows.data;
  const items = Array.isArray(data) ? data : data?.items;
  const total = Array.isArray(data) ? data.length : data?.total;
  // A spinner while other params' rows load, not on every background refresh of a live list.
  const loading = rows.isLoading || (rows.isFetching && rows.isPlaceholderData);
  const { importer, edit } = props;
  const columns = bindSort([...props.columns, ...editColumn<T>(!!edit?.allowed, setEditing, t)], lp.sortOrder, props.sortable);
  const filters = (props.filters ?? []).filter(isFilter);
  const create = edit ? edit.allowed && { label: edit.createLabel, onClick: () => setEditing(null) } : props.create;
  const createButton = create && (
    <Button type="primary" danger={create.danger} icon={create.icon ?? <PlusOutlined />} onClick={create.onClick}>
      {create.label ?? t("common.create")}
    </Button>
  );
  const importPath = importer ? (importer.path ?? props.exportPath ?? "") : "";

  const search = props.search ?? true;
  // A sub-list with nothing to search, filter or do (a detail page's history) has no toolbar at all.
  const toolbar = search || filters.length > 0 || (!!create && !create.inHeader) || !!importer || !!props.actions || !!props.exportPath;
  const card = (
    <>
      {toolbar && (
        <ListToolbar
          search={search}
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={filters.length > 0 && <FilterControls filters={filters} lp={lp} />}
          actions={
            <>
              {!(create && create.inHeader) && createButton}
              {importer && (
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                  {importer.label ?? t("common.import")}
                </Button>
              )}
              {props.actions}
              {props.exportPath && <ExportButton basePath={props.exportPath} query={{ ...query, ...props.exportQuery }} label={props.exportLabel} />}
            </>
          }
        />
      )}
      {typeof props.notice === "function" ? props.notice(data) : props.notice}
      <ListError error={rows.error} />
      <Table<T>
        rowKey={props.rowKey ?? ("id" as TableProps<T>["rowKey"])}
        size="small"
        scroll={{ x: scrollWidth(columns) }}
        locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
        {...props.table}
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={
          Array.isArray(data)
            ? { pageSize: 100, size: "small", hideOnSinglePage: false, showSizeChanger: false, showTotal: (n) => t("common.total", { count: n }) }
            : { ...lp.pagination(total), ...(props.pageSizeOptions ? { pageSizeOptions: props.pageSizeOptions } : {}), showTotal: (n) => t("common.total", { count: n }) }
        }
        onChange={Array.isArray(data) ? undefined : lp.onTableChange}
      />
    </>
  );

  return (
    <>
      {props.title !== undefined && (
        <PageHeader
          title={props.title}
          extra={props.headerExtra}
          actions={
            create && create.inHeader ? (
              <>
                {props.headerActions}
                {createButton}
              </>
            ) : (
              props.headerActions
            )
          }
        />
      )}
      {props.before}
      {props.bare ? card : <Card size="small">{card}</Card>}
      {importer && <ImportModal open={importing} onClose={() => setImporting(false)} basePath={importPath} templatePath={importer.templatePath} entity={importer.entity} invalidate={importer.invalidate} />}
      {edit && editing !== undefined && edit.form(editing, () => setEditing(undefined))}
      {props.children}
    </>
  );
}
