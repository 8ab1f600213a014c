import { App, Button, Card, Select, Space, Table, Tag } from "antd";
import { SyncOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import { useMe } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useRecomputeLinks, useSiteLinks } from "../api";
import { PRESSURE_HEX } from "../components/map-option";
import "../i18n";

/**
 * 工地—管线联动: construction sites within the linkage distance of a medium-pressure-or-higher main, with
 * their excavation works still to dig and whether the gas company has cleared them. The bureau sees all,
 * a gas company its lines' links, a project party its projects' (the server filters).
 */
export default function SiteLinkListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useLabels();
  const me = useMe();
  const lp = useListParams();
  const { data, isFetching, error } = useSiteLinks(lp.query);
  const recompute = useRecomputeLinks();
  return (
    <>
      <PageHeader title={t("gasPipelines.menu.siteLinks")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select
                allowClear
                mode="multiple"
                maxTagCount={1}
                aria-label={t("gasPipelines.pressureClass")}
                placeholder={t("gasPipelines.pressureClass")}
                style={{ width: 160 }}
                value={lp.getList("pressureClass")}
                options={options(PRESSURE_CLASS_LABELS).filter((o) => o.value !== "low")}
                onChange={(v: string[]) => lp.set({ pressureClass: v.join(",") || undefined })}
              />
              <Select
                allowClear
                aria-label={t("gasPipelines.uncleared")}
                placeholder={t("gasPipelines.uncleared")}
                style={{ width: 150 }}
                value={lp.get("uncleared")}
                options={[
                  { value: "true", label: t("gasPipelines.uncleared") },
                  { value: "false", label: t("gasPipelines.allCleared") },
                ]}
                onChange={(uncleared?: string) => lp.set({ uncleared })}
              />
            </>
          }
          actions={
            <Space>
              <ExportButton basePath="/gas/site-links" query={lp.query} />
              {me.data?.role === "admin" && (
                <Button
                  icon={<SyncOutlined />}
                  loading={recompute.isPending}
                  onClick={() =>
                    recompute
                      .mutateAsync(undefined)
                      .then((r) => void message.success(t("gasPipelines.recomputeDone", { links: r.links, m: r.distanceM })))
                      .catch((e: unknown) => void message.error(errorText(e)))
                  }
                >
                  {t("gasPipelines.recompute")}
                </Button>
              )}
            </Space>
          }
        />
        <ListError error={error} />
        <Table<SiteLinkDto>
          rowKey={(r) => `${r.projectId}|${r.pipelineId}`}
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasPipelines.project"), dataIndex: "projectName", key: "projectName", ellipsis: true, sorter: true, sortOrder: lp.sortOrder("projectName"), render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
            { title: t("gasPipelines.pipeline"), dataIndex: "pipelineCode", key: "pipelineCode", width: 140, sorter: true, sortOrder: lp.sortOrder("pipelineCode"), render: (v: string, r) => `${v} ${r.pipelineName}` },
            { title: t("gasPipelines.pressureClass"), dataIndex: "pressureClass", width: 90, render: (v: SiteLinkDto["pressureClass"]) => <Tag color={PRESSURE_HEX[v]}>{label(PRESSURE_CLASS_LABELS, v)}</Tag> },
            { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
            { title: t("gasPipelines.distance"), dataIndex: "distanceM", key: "distanceM", width: 90, align: "right", sorter: true, sortOrder: lp.sortOrder("distanceM") },
            { title: t("gasPipelines.excavations"), dataIndex: "excavations", width: 110, align: "right" },
            {
              title: t("gasPipelines.uncleared"),
              dataIndex: "excavationsUncleared",
              width: 120,
              render: (n: number, r) => (r.excavations === 0 ? "—" : n > 0 ? <Tag color="error">{n}</Tag> : <Tag color="success">{t("gasPipelines.allCleared")}</Tag>),
            },
            { title: t("gasPipelines.computedAt"), dataIndex: "computedAt", width: 150, render: formatDateTime },
          ]}
        />
      </Card>
    </>
  );
}
