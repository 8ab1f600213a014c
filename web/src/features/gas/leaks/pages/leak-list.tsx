import { useState } from "react";
import { Button, Empty, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LEAK_LEVEL_LABELS, LEAK_STATE_LABELS, type LeakPointDto } from "@contracts/gas/leak";
import type { QueryParams } from "../../../../api/client";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { useLeaks } from "../api";
import { RecheckForm } from "../components/recheck-form";

const STATE_COLOUR: Record<string, string> = { suspect: "orange", confirmed: "red", cleared: "default" };
const LEVEL_COLOUR: Record<string, string | undefined> = { leak: "volcano", level1: "red", level2: "magenta" };
/** The vehicle keeps finding points: the list refreshes itself. */
const useLiveLeaks = (q: QueryParams) => useLeaks(q, { refetchInterval: 30_000 });

/** 泄漏点: the vehicle's suspect points, their handheld re-check and the urgent case a confirmed leak opened. */
export default function LeakListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const [rechecking, setRechecking] = useState<LeakPointDto | null>(null);
  return (
    <ListPage<LeakPointDto>
      title={t("gasLeaks.menu.leaks")}
      permission="gas.read"
      useRows={useLiveLeaks}
      exportPath="/gas/leaks"
      filters={[{ key: "state", label: t("gasLeaks.state"), labels: LEAK_STATE_LABELS, multiple: true }, { key: "level", label: t("gasLeaks.level"), labels: LEAK_LEVEL_LABELS, multiple: true, width: 170 }, { kind: "dateRange" }]}
      emptyText={<Empty description={t("gasLeaks.noLeaks")} />}
      columns={[
        { title: t("gasLeaks.detectedAt"), dataIndex: "detectedAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasLeaks.state"), dataIndex: "state", width: 80, sorter: true, render: (v: string) => <Tag color={STATE_COLOUR[v]}>{label(LEAK_STATE_LABELS, v)}</Tag> },
        { title: t("gasLeaks.level"), dataIndex: "level", width: 150, sorter: true, render: (v: string) => (v === "suspect" ? "—" : <Tag color={LEVEL_COLOUR[v]}>{label(LEAK_LEVEL_LABELS, v)}</Tag>) },
        { title: t("gasLeaks.vehicle"), dataIndex: "deviceCode", width: 130, render: (v: string | null, r) => (r.deviceId ? <Link to={`/iot/devices/${r.deviceId}`}>{v}</Link> : "—") },
        { title: t("gasLeaks.company"), dataIndex: "enterpriseName", ellipsis: true },
        { title: t("gasLeaks.ppm"), dataIndex: "ppm", width: 110, align: "right", sorter: true, render: (v: number) => `${v} ppm` },
        { title: t("gasLeaks.rise"), key: "rise", width: 90, align: "right", render: (_: unknown, r) => `+${(r.ppm - r.backgroundPpm).toFixed(1)}` },
        { title: t("gasLeaks.readings"), dataIndex: "readings", width: 80, align: "right" },
        { title: t("gasLeaks.pipeline"), dataIndex: "pipelineCode", width: 150, render: (v: string | null, r) => (v ? `${v} · ${r.pipelineDistanceM ?? "—"} m` : "—") },
        { title: t("gasLeaks.location"), key: "loc", width: 170, render: (_: unknown, r) => `${r.lng.toFixed(5)}, ${r.lat.toFixed(5)}` },
        { title: t("gasLeaks.recheckPpm"), dataIndex: "recheckPpm", width: 120, align: "right", render: (v: number | null, r) => (v === null ? "—" : `${v}${r.recheckEnclosed ? " ⌂" : ""}`) },
        { title: t("gasLeaks.recheckAt"), dataIndex: "recheckAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasLeaks.case"), dataIndex: "caseNo", width: 150, render: (v: string | null, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : "—") },
        {
          title: "",
          key: "actions",
          width: 80,
          fixed: "right",
          render: (_: unknown, r) =>
            manage && r.state === "suspect" ? (
              <Button size="small" type="link" onClick={() => setRechecking(r)}>
                {t("gasLeaks.recheck")}
              </Button>
            ) : null,
        },
      ]}
    >
      {rechecking && <RecheckForm leak={rechecking} onClose={() => setRechecking(null)} />}
    </ListPage>
  );
}
