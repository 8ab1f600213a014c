import { useState, type ReactNode } from "react";
import { Button, Card, Table } from "antd";
import type { ColumnsType, SortOrder } from "antd/es/table/interface";
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Permission } from "@contracts/platform/auth";
import type { QueryParams } from "../api/client";
import { useCan } from "../auth/use-can";
import { ExportButton } from "./export-button";
import { ImportModal } from "./import-modal";
import { ListError } from "./list-error";
import { ListToolbar } from "./list-toolbar";
import { PageHeader } from "./page-header";
import { useListParams, type ListParams } from "./use-list-params";

interface Props<T> {
  title: string;
  /** API path of the list, e.g. "/enterprises": also the base of export, import-template and import. */
  basePath: string;
  /** Entity name for the import dialog, e.g. 企业. */
  entity: string;
  createPermission: Permission;
  /** Query-key prefix refreshed after an import. */
  invalidate: readonly unknown[];
  useRows: (query: QueryParams) => UseQueryResult<{ items: T[]; total: number }>;
  useColumns: (sortOrder: (field: string) => SortOrder) => ColumnsType<T>;
  /** The list's filter controls, bound to the URL-kept list state. */
  filters: (lp: ListParams) => ReactNode;
  /** The create form (drawer or modal). */
  renderForm: (open: boolean, onClose: () => void) => ReactNode;
  scrollX: number;
}

/**
 * The shape every registry list shares: search, filters, server-side sort and paging kept in the URL,
 * 新建 / 导入 by permission, 导出 Excel of the current filters, and the import dialog.
 */
export function RegistryListPage<T extends { id: string }>(props: Props<T>) {
  const { t } = useTranslation();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = props.useRows(lp.query);
  const columns = props.useColumns(lp.sortOrder);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={props.title} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={props.filters(lp)}
          actions={
            <>
              {can(props.createPermission) && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t("common.create")}
                </Button>
              )}
              {can("registry.import") && (
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                  {t("common.import")}
                </Button>
              )}
              <ExportButton basePath={props.basePath} query={lp.query} />
            </>
          }
        />
        <ListError error={error} />
        <Table<T>
          rowKey="id"
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: props.scrollX }}
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath={props.basePath} entity={props.entity} invalidate={props.invalidate} />
      {props.renderForm(creating, () => setCreating(false))}
    </>
  );
}
