import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ExpiryState } from "@contracts/registry/enums";

const COLOR: Record<ExpiryState, string> = { valid: "green", expiring: "orange", expired: "red" };

/** 有效 / 即将到期 / 已过期 for a certificate or qualification (or the worst over a list); — when none. */
export function ExpiryTag({ state }: { state: ExpiryState | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return <span>{t("common.none")}</span>;
  return <Tag color={COLOR[state]}>{t(`expiry.${state}`)}</Tag>;
}
