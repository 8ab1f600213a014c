import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** 合格 (green) / 不合格 (red) / 待检测 (grey) for a verdict that may not exist yet. */
export function PassTag({ pass }: { pass: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (pass == null) return <Tag>{t("testing.pending")}</Tag>;
  return pass ? <Tag color="success">{t("testing.pass")}</Tag> : <Tag color="error">{t("testing.fail")}</Tag>;
}
