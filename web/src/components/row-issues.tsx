import { Alert, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { RowIssue } from "./import-job";

export type { RowIssue };

/** 行号 / 列 / 错误 of a refused sheet (all-or-nothing: nothing was written), paged past ten. */
export function RowIssuesTable({ issues }: { issues: readonly RowIssue[] }) {
  const { t } = useTranslation();
  return (
    <Table<RowIssue>
      size="small"
      rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
      dataSource={issues as RowIssue[]}
      pagination={issues.length > 10 ? { pageSize: 10, size: "small" } : false}
      columns={[
        { title: t("import.row"), dataIndex: "row", width: 80 },
        { title: t("import.column"), dataIndex: "column", width: 170 },
        { title: t("import.error"), dataIndex: "message" },
      ]}
    />
  );
}

/** A refused upload above a list: the message, and every bad row when the server named them. */
export function RowIssuesAlert({ title, issues, onClose }: { title: string; issues: readonly RowIssue[]; onClose: () => void }) {
  return <Alert type="error" showIcon closable onClose={onClose} style={{ marginBottom: 12 }} title={title} description={issues.length > 0 && <RowIssuesTable issues={issues} />} />;
}
