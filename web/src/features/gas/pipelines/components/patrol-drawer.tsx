import { useMemo } from "react";
import { Descriptions, Drawer, Progress, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { EChartsCoreOption } from "echarts/core";
import { EChart } from "../../../../charts/echart";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { PageLoading } from "../../../../components/page-loading";
import { usePatrol, usePipelineMap } from "../api";
import { coverageHex } from "./map-option";

/** One patrol: its track drawn over the plan's lines (coloured by how much of each the track covered). */
export function PatrolDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const patrol = usePatrol(id);
  const lines = usePipelineMap();
  const p = patrol.data;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!p || !lines.data) return null;
    const covered = new Map(p.coverage.map((c) => [c.pipelineId, c.lengthM > 0 ? (100 * c.coveredM) / c.lengthM : 0]));
    const planned = lines.data.features.filter((f) => covered.has(f.id));
    const pts = [...p.track.map((q) => [q[0], q[1]]), ...planned.flatMap((f) => f.geometry.coordinates)];
    const xs = pts.map((q) => q[0]);
    const ys = pts.map((q) => q[1]);
    const pad = 0.0005;
    return {
      tooltip: { trigger: "item" },
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: false },
      // A plain equal-ish scale: the patrol spans a few km, where degrees are near enough square for a sketch.
      xAxis: { type: "value", min: Math.min(...xs) - pad, max: Math.max(...xs) + pad, show: false },
      yAxis: { type: "value", min: Math.min(...ys) - pad, max: Math.max(...ys) + pad, show: false },
      series: [
        ...planned.map((f) => ({
          type: "line",
          name: f.properties.code,
          data: f.geometry.coordinates,
          showSymbol: false,
          lineStyle: { width: 4, color: coverageHex(covered.get(f.id) ?? 0) },
        })),
        { type: "line", name: t("gasPipelines.track"), data: p.track.map((q) => [q[0], q[1]]), showSymbol: false, lineStyle: { width: 1.5, type: "dashed", color: "#262626" } },
      ],
    };
  }, [p, lines.data, t]);
  return (
    <Drawer open width={720} title={t("gasPipelines.track")} onClose={onClose} destroyOnHidden>
      <ListError error={patrol.error} />
      {!p ? (
        <PageLoading />
      ) : (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t("gasPipelines.plan")}>{p.planName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("gasPipelines.patroller")}>{p.patrollerName}</Descriptions.Item>
            <Descriptions.Item label={t("gasPipelines.startedAt")}>{formatDateTime(p.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("gasPipelines.points")}>{p.points}</Descriptions.Item>
            <Descriptions.Item label={t("gasPipelines.coveragePct")} span={2}>
              <Progress percent={p.coveragePct} size="small" strokeColor={coverageHex(p.coveragePct)} /> {t("gasPipelines.radius", { m: p.coverageRule.radiusM, v: p.coverageRule.version })}
            </Descriptions.Item>
          </Descriptions>
          {option && <EChart option={option} ariaLabel={t("gasPipelines.track")} style={{ height: 320, marginTop: 12 }} />}
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="pipelineId"
            pagination={false}
            dataSource={p.coverage}
            columns={[
              { title: t("gasPipelines.code"), dataIndex: "code" },
              { title: t("gasPipelines.length"), dataIndex: "lengthM", align: "right" },
              { title: t("gasPipelines.coveredLength"), dataIndex: "coveredM", align: "right" },
              { title: t("gasPipelines.coveragePct"), key: "pct", width: 160, render: (_: unknown, r) => <Progress size="small" percent={r.lengthM ? Math.round((1000 * r.coveredM) / r.lengthM) / 10 : 0} strokeColor={coverageHex(r.lengthM ? (100 * r.coveredM) / r.lengthM : 0)} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
