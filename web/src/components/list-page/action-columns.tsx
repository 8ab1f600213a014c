import type { ReactNode } from "react";
import { Button, Space } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import type { TFunction } from "i18next";

/**
 * The 操作 column: what `render` gives for a row, for users who may act at all (an empty list of
 * columns otherwise, so the column is not there).
 */
export function actionColumn<T>(allowed: boolean, t: TFunction, render: (row: T) => ReactNode, width = 80): ColumnsType<T> {
  return allowed ? [{ title: t("common.actions"), key: "actions", width, render: (_: unknown, row: T) => render(row) }] : [];
}

/** The 操作 column with one 编辑 link. */
export function editColumn<T>(allowed: boolean, onEdit: (row: T) => void, t: TFunction): ColumnsType<T> {
  return actionColumn(allowed, t, (row: T) => (
    <Button size="small" type="link" onClick={() => onEdit(row)}>
      {t("common.edit")}
    </Button>
  ));
}

/** Several row actions side by side, without the gaps of separate buttons. */
export function RowActions({ children }: { children: ReactNode }) {
  return <Space size={0}>{children}</Space>;
}
