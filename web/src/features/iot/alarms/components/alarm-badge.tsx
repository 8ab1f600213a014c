import { useState } from "react";
import { Badge, Button, Flex, Tooltip } from "antd";
import { BellOutlined, MutedOutlined, SoundOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCan } from "../../../../auth/use-can";
import { useRealtime } from "../../../../realtime/use-realtime";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { beep, isMuted, isNewCritical, setMuted } from "../alarm-sound";
import { BADGE_FILTER, BADGE_QUERY_KEY, useBadgeCount } from "../api";

/**
 * Header bell: the number of unacknowledged 严重/紧急 alarms (a click opens the console filtered to them),
 * a beep when a 紧急 alarm is raised, and the mute switch, remembered in this browser.
 */
export function AlarmBadge() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const enabled = can("iot.read");
  const count = useBadgeCount(enabled);
  const [muted, setMutedState] = useState(isMuted);
  const refresh = useLiveRefresh([BADGE_QUERY_KEY], 2_000);

  useRealtime(
    {
      alarm: (c) => {
        refresh();
        if (!muted && isNewCritical(c)) beep();
      },
      reconnected: refresh,
    },
    { enabled },
  );

  if (!enabled) return null;
  const n = count.data ?? 0;
  const toggle = () => {
    setMuted(!muted);
    setMutedState(!muted);
  };

  return (
    <Flex align="center" gap={4}>
      <Tooltip title={t("alarm.badgeTip", { count: n })}>
        <Button type="text" aria-label={t("alarm.badgeTip", { count: n })} onClick={() => void navigate(`/iot/alarms?severity=${BADGE_FILTER.severity}&status=${BADGE_FILTER.status}`)}>
          <Badge count={n} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 17 }} />
          </Badge>
        </Button>
      </Tooltip>
      <Tooltip title={muted ? t("alarm.unmute") : t("alarm.mute")}>
        <Button type="text" size="small" aria-label={muted ? t("alarm.unmute") : t("alarm.mute")} aria-pressed={muted} icon={muted ? <MutedOutlined /> : <SoundOutlined />} onClick={toggle} />
      </Tooltip>
    </Flex>
  );
}
