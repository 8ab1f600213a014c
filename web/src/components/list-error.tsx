import { Alert } from "antd";
import { useTranslation } from "react-i18next";

/** A failed list load (bad filter in a hand-edited URL, server down): say so instead of an empty table. */
export function ListError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t("common.loadFailed")} description={error instanceof Error ? error.message : String(error)} />;
}
