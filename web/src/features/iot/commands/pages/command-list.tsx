import { useState } from "react";
import { Button, Card, Select } from "antd";
import { SendOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useCan } from "../../../../auth/use-can";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRealtime } from "../../../../realtime/use-realtime";
import { LiveIndicator } from "../../components/live-indicator";
import { ProjectFilter } from "../../components/project-filter";
import { useLiveRefresh } from "../../components/use-live-refresh";
import { iotKeys } from "../../keys";
import { COMMAND_STATUS_LABELS } from "../../labels";
import { useCommands } from "../api";
import { CommandsTable } from "../components/commands-table";
import { SendCommandModal } from "../components/send-command-modal";

/** 指令记录: every command (automatic linkage and manual) with its delivery state, live; 下发指令 by permission. */
function CommandList() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useCommands(lp.query);
  const [sending, setSending] = useState(false);
  const refresh = useLiveRefresh([iotKeys.commands.lists()], 2_000);
  useRealtime({ command: refresh, reconnected: refresh });

  return (
    <>
      <PageHeader title={t("menu.iotCommands")} extra={<LiveIndicator />} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <ProjectFilter value={lp.get("projectId")} onChange={(v) => lp.set({ projectId: v })} />
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                aria-label={t("command.status")}
                placeholder={t("command.status")}
                style={{ minWidth: 180 }}
                value={lp.getList("status")}
                options={options(COMMAND_STATUS_LABELS)}
                onChange={(v) => lp.set({ status: v })}
              />
            </>
          }
          actions={
            can("iot.command.send") && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)}>
                {t("command.sendTitle")}
              </Button>
            )
          }
        />
        <ListError error={error} />
        <CommandsTable
          items={data?.items}
          loading={isFetching && !data}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={(p) => lp.set({ page: p.current, pageSize: p.pageSize })}
        />
      </Card>
      <SendCommandModal open={sending} onClose={() => setSending(false)} />
    </>
  );
}

export default function CommandListPage() {
  return (
    <RequirePermission permission="iot.read">
      <CommandList />
    </RequirePermission>
  );
}
