import { App, Button, Card, Flex, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CommandDto } from "@contracts/iot/commands";
import type { DeviceDto } from "@contracts/iot/devices";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { useSendCommand } from "../../commands/api";
import { CommandStatusTag, OnlineStatus } from "../../components/tags";
import { COMMAND_NAME_LABELS, COMMAND_SOURCE_LABELS } from "@contracts/iot/labels";
import { errorText } from "../../../../components/form-utils";

/**
 * 喷淋/雾炮: each controller's state (from its `state` reading), the last command sent to it and by whom
 * (the PM10 linkage or a person), and 开启/关闭 for users allowed to send commands.
 */
export function SprayPanel({ devices, latest, commands }: { devices: DeviceDto[]; latest: (id: string) => Record<string, number | undefined>; commands: CommandDto[] | undefined }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const can = useCan();
  const send = useSendCommand();
  const lastCommand = (id: string) => commands?.find((c) => c.deviceId === id && (c.name === "spray.on" || c.name === "spray.off"));

  const run = async (d: DeviceDto, name: "spray.on" | "spray.off") => {
    try {
      await send.mutateAsync({ deviceId: d.id, name, params: {}, ttlS: 300 });
      message.success(t("command.sent"));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card size="small" title={t("site.spray")}>
      <List
        size="small"
        dataSource={devices}
        renderItem={(d) => {
          const state = latest(d.id).state;
          const last = lastCommand(d.id);
          const busy = send.isPending && send.variables?.deviceId === d.id;
          return (
            <List.Item
              actions={
                can("iot.command.send") && d.enabled
                  ? [
                      <Button key="on" size="small" type={state ? "default" : "primary"} loading={busy && send.variables?.name === "spray.on"} onClick={() => void run(d, "spray.on")}>
                        {t("site.sprayOn")}
                      </Button>,
                      <Button key="off" size="small" loading={busy && send.variables?.name === "spray.off"} onClick={() => void run(d, "spray.off")}>
                        {t("site.sprayOff")}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Space size={8} wrap>
                  <Typography.Text strong>{d.name}</Typography.Text>
                  {state == null ? <Tag>{t("site.stateUnknown")}</Tag> : state ? <Tag color="processing">{t("site.sprayRunning")}</Tag> : <Tag>{t("site.sprayStopped")}</Tag>}
                  <OnlineStatus online={d.online} lastSeenAt={d.lastSeenAt} enabled={d.enabled} />
                </Space>
                {last && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("site.lastCommand")}: {label(COMMAND_NAME_LABELS, last.name)} · {last.source === "manual" ? (last.operatorName ?? label(COMMAND_SOURCE_LABELS, last.source)) : label(COMMAND_SOURCE_LABELS, last.source)} ·{" "}
                    {formatDateTime(last.createdAt)} <CommandStatusTag status={last.status} />
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
