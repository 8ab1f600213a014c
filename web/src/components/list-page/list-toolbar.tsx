import { useEffect, useState, type ReactNode } from "react";
import { Button, Flex, Input } from "antd";
import { useTranslation } from "react-i18next";

interface Props {
  /** Whether to show the search box (bound to `q`). */
  search?: boolean;
  /** Current `q` from the URL. */
  q?: string;
  onSearch: (q: string) => void;
  onReset: () => void;
  /** Filter selects, left of the actions. */
  filters?: ReactNode;
  /** 新建 / 导入 / 导出 buttons on the right. */
  actions?: ReactNode;
}

/** Search box + filters on the left, actions on the right: the head of every list page. */
export function ListToolbar({ search = true, q, onSearch, onReset, filters, actions }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? "");
  // Keep the box in step with the URL (back/forward, reset).
  useEffect(() => setText(q ?? ""), [q]);
  return (
    <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center">
        {search && <Input.Search aria-label={t("common.search")} placeholder={t("common.search")} allowClear value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => onSearch(v.trim())} style={{ width: 220 }} />}
        {filters}
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Flex>
      <Flex wrap gap={8}>
        {actions}
      </Flex>
    </Flex>
  );
}
