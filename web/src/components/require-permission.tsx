import type { ReactNode } from "react";
import { Result } from "antd";
import { useTranslation } from "react-i18next";
import type { Permission } from "@contracts/platform/auth";
import { useCan } from "../auth/use-can";

/** Renders its children only for users whose role grants `permission`; others see a 403 page. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission)) return <Result status="403" title="403" subTitle={t("common.forbidden")} />;
  return <>{children}</>;
}
