import { Empty, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LEAK_LEVEL_LABELS, LEAK_STATE_LABELS, type LeakPointDto } from "@contracts/gas/leak";
import type { PipelineDto } from "@contracts/gas/pipeline";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLocalListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useLeaks } from "../../leaks/api";

const STATE_COLOUR: Record<string, string> = { suspect: "orange", confirmed: "red", cleared: "default" };

/** The detection vehicle's leak points whose nearest main is this line, with their re-check and case. */
export function LineLeaks({ line }: { line: PipelineDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const lp = useLocalListParams(10);
  return (
    <ListPage<LeakPointDto>
      bare
      lp={lp}
      search={false}
      useRows={useLeaks}
      query={{ pipelineId: line.id }}
      filters={[{ key: "state", label: t("gasLeaks.state"), labels: LEAK_STATE_LABELS, multiple: true }]}
      emptyText={<Empty description={t("gasLeaks.noLeaks")} />}
      columns={[
        { title: t("gasLeaks.detectedAt"), dataIndex: "detectedAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasLeaks.state"), dataIndex: "state", width: 80, render: (v: string) => <Tag color={STATE_COLOUR[v]}>{label(LEAK_STATE_LABELS, v)}</Tag> },
        { title: t("gasLeaks.level"), dataIndex: "level", width: 150, render: (v: string) => (v === "suspect" ? "—" : <Tag color="red">{label(LEAK_LEVEL_LABELS, v)}</Tag>) },
        { title: t("gasLeaks.ppm"), dataIndex: "ppm", width: 110, align: "right", sorter: true, render: (v: number) => `${v} ppm` },
        { title: t("gasLeaks.distance"), dataIndex: "pipelineDistanceM", width: 90, align: "right", render: (v: number | null) => (v === null ? "—" : `${v} m`) },
        { title: t("gasLeaks.vehicle"), dataIndex: "deviceCode", width: 130, render: (v: string | null) => v ?? "—" },
        { title: t("gasLeaks.recheckPpm"), dataIndex: "recheckPpm", width: 120, align: "right", render: (v: number | null) => v ?? "—" },
        { title: t("gasLeaks.case"), dataIndex: "caseNo", width: 160, render: (v: string | null, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : "—") },
      ]}
    />
  );
}
