import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { AlarmDto } from "@contracts/iot/alarms";
import { ListError } from "../../../../components/list-error";
import { useAlarms } from "../../alarms/api";
import { useAlarmColumns } from "../../alarms/components/alarm-columns";
import { DEFAULT_ALARM_STATUSES } from "../../iot-format";
import "../../iot.css";

/** The project's active alarms, worst first; a row opens it in the console, the link shows them all there. */
export function ProjectAlarms({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const alarms = useAlarms({ projectId, status: DEFAULT_ALARM_STATUSES.join(","), sort: "-severity", pageSize: 10 });
  const columns = useAlarmColumns({ hideProject: true }).filter((c) => c.key !== "lastAt");
  return (
    <Card size="small" title={`${t("site.activeAlarms")} (${alarms.data?.total ?? 0})`} extra={<Link to={`/iot/alarms?projectId=${projectId}`}>{t("site.openConsole")}</Link>}>
      <ListError error={alarms.error} />
      <Table<AlarmDto>
        rowKey="id"
        size="small"
        loading={alarms.isLoading}
        dataSource={alarms.data?.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 1000 }}
        rowClassName="sc-clickable-row"
        onRow={(r) => ({ onClick: () => void navigate(`/iot/alarms?projectId=${projectId}&alarm=${r.id}`) })}
        locale={{ emptyText: t("site.noActiveAlarms") }}
      />
    </Card>
  );
}
