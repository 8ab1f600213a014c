import { useState } from "react";
import { SendOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CommandDto } from "@contracts/iot/commands";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { useRealtime } from "../../../../realtime/use-realtime";
import { useProjectFilter } from "../../../registry/projects/project-filter";
import { LiveIndicator } from "../../components/live-indicator";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { iotKeys } from "../../keys";
import { COMMAND_STATUS_LABELS } from "@contracts/iot/labels";
import { useCommands } from "../api";
import { useCommandColumns } from "../components/command-columns";
import { SendCommandModal } from "../components/send-command-modal";

/** 指令记录: every command (automatic linkage and manual) with its delivery state, live; 下发指令 by permission. */
export default function CommandListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [sending, setSending] = useState(false);
  const refresh = useLiveRefresh([iotKeys.commands.lists()], 2_000);
  useRealtime({ command: refresh, reconnected: refresh });

  return (
    <ListPage<CommandDto>
      title={t("menu.iotCommands")}
      permission="iot.read"
      headerExtra={<LiveIndicator />}
      useRows={useCommands}
      create={can("iot.command.send") && { label: t("command.sendTitle"), icon: <SendOutlined />, onClick: () => setSending(true) }}
      filters={[useProjectFilter(), { key: "status", label: t("command.status"), labels: COMMAND_STATUS_LABELS, multiple: true, width: 180 }]}
      columns={useCommandColumns()}
    >
      <SendCommandModal open={sending} onClose={() => setSending(false)} />
    </ListPage>
  );
}
