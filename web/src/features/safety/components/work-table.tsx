import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { DANGER_LEVEL_LABELS, DANGEROUS_WORK_CATEGORY_LABELS, DANGEROUS_WORK_STATE_LABELS, type DangerousWorkDto } from "@contracts/safety/dangerous-works";
import { useCan } from "../../../auth/use-can";
import { formatDate, formatDateTime } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { useDangerousWorks } from "../api";
import { paramsText } from "./params-text";
import { WorkForm } from "./work-form";
import { LevelTag, WorkStateTag } from "./work-tags";
import { projectColumn } from "../../../components/project-column";

const { weida, chaoweida } = DANGER_LEVEL_LABELS;

/** The 危大 register: the city's (filters by district) or one project's (with 登记危大工程 for its parties). */
export function WorkTable({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const can = useCan();
  const [creating, setCreating] = useState(false);

  return (
    <ListPage<DangerousWorkDto>
      useRows={(q) => useDangerousWorks(q, projectId)}
      exportPath="/dangerous-works"
      exportQuery={{ projectId }}
      create={!!projectId && can("safety.manage") && { label: t("safety.newWork"), onClick: () => setCreating(true) }}
      filters={[
        { key: "level", label: t("safety.level"), labels: { weida, chaoweida }, multiple: true },
        { key: "state", label: t("safety.state"), labels: DANGEROUS_WORK_STATE_LABELS, multiple: true, width: 170 },
        { key: "category", label: t("safety.category"), labels: DANGEROUS_WORK_CATEGORY_LABELS, multiple: true, width: 200 },
        !projectId && { key: "district", label: t("safety.district"), options: YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d })), width: 130 },
      ]}
      columns={[
        { title: t("safety.name"), dataIndex: "name", sorter: true, ellipsis: true, render: (v: string, r) => <Link to={`/safety/works/${r.id}`}>{v}</Link> },
        ...(projectId ? [] : [projectColumn<DangerousWorkDto>(t("safety.project"), "safety"), { title: t("safety.district"), dataIndex: "district", width: 100 }]),
        { title: t("safety.category"), dataIndex: "category", width: 170, render: (v: string) => label(DANGEROUS_WORK_CATEGORY_LABELS, v) },
        { title: t("safety.level"), dataIndex: "level", width: 90, sorter: true, render: (v: DangerousWorkDto["level"]) => <LevelTag level={v} /> },
        { title: t("safety.params"), key: "params", ellipsis: true, render: (_: unknown, r) => paramsText(r.category, r.params, lang) || "—" },
        { title: t("safety.state"), dataIndex: "state", width: 110, sorter: true, render: (v: DangerousWorkDto["state"]) => <WorkStateTag state={v} /> },
        { title: t("safety.revision"), dataIndex: "revision", width: 60 },
        { title: t("safety.plannedStart"), dataIndex: "plannedStart", width: 110, sorter: true, render: formatDate },
        { title: t("safety.updatedAt"), dataIndex: "updatedAt", width: 140, sorter: true, render: formatDateTime },
      ]}
    >
      {projectId && <WorkForm open={creating} onClose={() => setCreating(false)} projectId={projectId} />}
    </ListPage>
  );
}
