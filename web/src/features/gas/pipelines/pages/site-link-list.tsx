import { App, Button, Tag } from "antd";
import { SyncOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import { useMe } from "../../../../auth/use-can";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { useRecomputeLinks, useSiteLinks } from "../api";
import { PRESSURE_HEX } from "../components/map-option";

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
  const recompute = useRecomputeLinks();
  return (
    <ListPage<SiteLinkDto>
      title={t("gasPipelines.menu.siteLinks")}
      useRows={useSiteLinks}
      exportPath="/gas/site-links"
      rowKey={(r) => `${r.projectId}|${r.pipelineId}`}
      filters={[
        { key: "pressureClass", label: t("gasPipelines.pressureClass"), options: options(PRESSURE_CLASS_LABELS).filter((o) => o.value !== "low"), multiple: true, width: 160 },
        { key: "uncleared", label: t("gasPipelines.uncleared"), bool: [t("gasPipelines.uncleared"), t("gasPipelines.allCleared")], width: 150 },
      ]}
      actions={
        me.data?.role === "admin" && (
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
        )
      }
      columns={[
        { title: t("gasPipelines.project"), dataIndex: "projectName", ellipsis: true, sorter: true, render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
        { title: t("gasPipelines.pipeline"), dataIndex: "pipelineCode", width: 140, sorter: true, render: (v: string, r) => `${v} ${r.pipelineName}` },
        { title: t("gasPipelines.pressureClass"), dataIndex: "pressureClass", width: 90, render: (v: SiteLinkDto["pressureClass"]) => <Tag color={PRESSURE_HEX[v]}>{label(PRESSURE_CLASS_LABELS, v)}</Tag> },
        { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
        { title: t("gasPipelines.distance"), dataIndex: "distanceM", width: 90, align: "right", sorter: true },
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
  );
}
