import { Badge, Empty } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VehicleDto } from "@contracts/gas/leak";
import type { QueryParams } from "../../../../api/client";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useVehicles } from "../api";

/** Positions and readings move: the list refreshes itself. */
const useLiveVehicles = (q: QueryParams) => useVehicles(q, { refetchInterval: 15_000 });

/** 检测车: the gas companies' detection vehicles with their last position and reading. */
export default function VehicleListPage() {
  const { t } = useTranslation();
  return (
    <ListPage<VehicleDto>
      title={t("gasLeaks.menu.vehicles")}
      permission="gas.read"
      useRows={useLiveVehicles}
      rowKey="deviceId"
      emptyText={<Empty description={t("gasLeaks.noVehicles")} />}
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
  );
}
