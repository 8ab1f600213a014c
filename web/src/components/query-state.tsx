import { Alert, Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { PageLoading } from "./page-loading";
import { errorText } from "./form-utils";

/** Loading / not-found / error states of a detail page's query; renders nothing once data is there. */
export function QueryState({ isLoading, error, onRetry }: { isLoading: boolean; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isLoading) return <PageLoading />;
  if (!error) return null;
  if (error instanceof ApiError && (error.code === "NOT_FOUND" || error.status === 400)) {
    return <Result status="404" title="404" subTitle={t("common.notFound")} />;
  }
  if (error instanceof ApiError && error.code === "FORBIDDEN") return <Result status="403" title="403" subTitle={t("common.forbidden")} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t("common.loadFailed")}
      description={errorText(error)}
      action={onRetry && <Button onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
