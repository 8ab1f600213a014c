import { Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CommandDto } from "@contracts/iot/commands";
import { formatDateTime } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { CommandStatusTag } from "../../components/tags";
import { COMMAND_NAME_LABELS, COMMAND_SOURCE_LABELS } from "@contracts/iot/labels";
import { formatParams } from "../params";

/** Commands with their delivery state: who or what sent them, attempts, when sent, acknowledged, expiring (without the device on its own page). */
export function useCommandColumns({ hideDevice = false } = {}): ColumnsType<CommandDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("command.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
    ...(hideDevice
      ? []
      : [
          {
            title: t("command.device"),
            dataIndex: "deviceCode",
            width: 200,
            render: (v: string, r: CommandDto) => (
              <Link to={`/iot/devices/${r.deviceId}`}>
                <span className="sc-mono">{v}</span> {r.deviceName}
              </Link>
            ),
          },
        ]),
    { title: t("command.name"), dataIndex: "name", width: 160, render: (v: string) => <Tooltip title={v}>{label(COMMAND_NAME_LABELS, v)}</Tooltip> },
    { title: t("command.params"), dataIndex: "params", ellipsis: true, minWidth: 120, render: (v: Record<string, unknown>) => <span className="sc-mono">{formatParams(v)}</span> },
    {
      title: t("command.source"),
      dataIndex: "source",
      width: 110,
      render: (v: string, r) => (r.source === "manual" ? (r.operatorName ?? label(COMMAND_SOURCE_LABELS, v)) : label(COMMAND_SOURCE_LABELS, v)),
    },
    {
      title: t("command.status"),
      dataIndex: "status",
      width: 90,
      render: (v: CommandDto["status"], r) => (
        <Tooltip title={r.result != null ? JSON.stringify(r.result) : undefined}>
          <span>
            <CommandStatusTag status={v} />
          </span>
        </Tooltip>
      ),
    },
    { title: t("command.attempts"), dataIndex: "attempts", width: 70, align: "right" },
    { title: t("command.sentAt"), dataIndex: "sentAt", width: 140, render: formatDateTime },
    { title: t("command.ackedAt"), dataIndex: "ackedAt", width: 140, render: formatDateTime },
    { title: t("command.expiresAt"), dataIndex: "expiresAt", width: 140, render: (v: string) => <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text> },
  ];
}
