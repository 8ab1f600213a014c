import { Button } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiUrl, type QueryParams } from "../../api/client";

/** 导出 Excel: a plain download link to `${basePath}/export` carrying the list's current filters (not its paging). */
export function ExportButton({ basePath, query, label }: { basePath: string; query: QueryParams; label?: string }) {
  const { t } = useTranslation();
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <Button icon={<DownloadOutlined />} href={apiUrl(`${basePath}/export`, filters)} download>
      {label ?? t("common.export")}
    </Button>
  );
}
