import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { useProjects } from "../api";
import { useProjectColumns } from "../components/project-columns";
import { ProjectForm } from "../components/project-form";

/** 项目库: searchable, filterable, server-sorted list with export, import and create. */
export default function ProjectListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage
      title={t("menu.projects")}
      useRows={useProjects}
      columns={useProjectColumns()}
      exportPath="/projects"
      create={can("registry.project.create") && { onClick: () => setCreating(true) }}
      importer={can("registry.import") && { entity: t("project.entity"), invalidate: keys.projects.all }}
      filters={[
        { key: "status", label: t("list.filterStatus"), labels: PROJECT_STATUS_LABELS, multiple: true, width: 160 },
        { key: "type", label: t("list.filterType"), labels: PROJECT_TYPE_LABELS, multiple: true, width: 160 },
        { key: "district", label: t("list.filterDistrict"), options: YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d })), width: 140 },
      ]}
    >
      <ProjectForm open={creating} onClose={() => setCreating(false)} />
    </ListPage>
  );
}
