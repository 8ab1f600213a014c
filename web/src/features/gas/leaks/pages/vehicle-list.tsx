import { Badge, Card, Empty, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VehicleDto } from "@contracts/gas/leak";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useVehicles } from "../api";
import "../i18n";

/** 检测车: the gas companies' detection vehicles with their last position and reading. */
function VehicleList() {
  const { t } = useTranslation();
  const lp = useListParams();
  const { data, isFetching, error } = useVehicles(lp.query, { refetchInterval: 15_000 });
  return (
    <>
      <PageHeader title={t("gasLeaks.menu.vehicles")} />
      <Card size="small">
        <ListToolbar q={lp.q} onSearch={(q) => lp.set({ q })} onReset={lp.reset} />
        <ListError error={error} />
        <Table<VehicleDto>
          rowKey="deviceId"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          locale={{ emptyText: <Empty description={t("gasLeaks.noVehicles")} /> }}
          columns={[
            { title: t("gasLeaks.vehicle"), dataIndex: "code", width: 150, render: (v: string, r) => <Link to={`/iot/devices/${r.deviceId}`}>{v}</Link> },
            { title: t("device.name"), dataIndex: "name", ellipsis: true },
            { title: t("gasLeaks.company"), dataIndex: "enterpriseName", ellipsis: true },
            { title: t("gasLeaks.state"), dataIndex: "online", width: 90, render: (v: boolean) => <Badge status={v ? "success" : "default"} text={v ? t("gasLeaks.online") : t("gasLeaks.offline")} /> },
            { title: t("gasLeaks.lastSeen"), dataIndex: "lastSeenAt", width: 150, render: formatDateTime },
            { title: t("gasLeaks.lastPosition"), key: "pos", width: 170, render: (_: unknown, r) => (r.lastLng === null || r.lastLat === null ? "—" : `${r.lastLng.toFixed(5)}, ${r.lastLat.toFixed(5)}`) },
            { title: t("gasLeaks.lastReading"), dataIndex: "lastPpm", width: 170, align: "right", render: (v: number | null, r) => (v === null ? "—" : `${v} ppm（${t("gasLeaks.background")} ${r.lastBackgroundPpm}）`) },
            { title: t("gasLeaks.openSuspects"), dataIndex: "openSuspects", width: 120, align: "right", render: (v: number) => (v > 0 ? <Link to={`/gas/leaks?state=suspect`}>{v}</Link> : 0) },
          ]}
        />
      </Card>
    </>
  );
}

export default function VehicleListPage() {
  return (
    <RequirePermission permission="gas.read">
      <VehicleList />
    </RequirePermission>
  );
}
