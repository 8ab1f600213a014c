import { Badge, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useRealtimeStatus } from "../../../realtime/use-realtime";

/** A small "实时" dot: green while the push stream is connected, amber while reconnecting. */
export function LiveIndicator({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const status = useRealtimeStatus(projectId);
  return (
    <Tooltip title={t(`iot.live_${status}`)}>
      <Badge status={status === "open" ? "processing" : status === "connecting" ? "warning" : "error"} text={t("iot.live")} />
    </Tooltip>
  );
}
