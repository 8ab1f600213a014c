import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useSiteLinks } from "../api";

/** 临近燃气管线: a badge on the project page when the site is linked to a medium+ gas main. */
export function NearGasMainBadge({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { data } = useSiteLinks({ projectId, pageSize: 5 });
  const nearest = data?.items[0];
  if (!nearest) return null;
  return (
    <Tooltip title={`${t("gasPipelines.nearMainTip", { m: nearest.distanceM })} · ${data.items.map((l) => l.pipelineCode).join("、")}`}>
      <Tag color="volcano">{t("gasPipelines.nearMainBadge")}</Tag>
    </Tooltip>
  );
}
