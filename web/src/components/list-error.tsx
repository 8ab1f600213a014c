import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { errorText } from "./form-utils";

/** A failed list load (bad filter in a hand-edited URL, server down): say so instead of an empty table. */
export function ListError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t("common.loadFailed")} description={errorText(error)} />;
}
