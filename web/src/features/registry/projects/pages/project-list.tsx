import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { RegistryListPage } from "../../../../components/registry-list-page";
import { useLabels } from "../../../../i18n/labels";
import { useProjects } from "../api";
import { useProjectColumns } from "../columns";
import { ProjectForm } from "../components/project-form";

/** 项目库: searchable, filterable, server-sorted list with export, import and create. */
export default function ProjectListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  return (
    <RegistryListPage
      title={t("menu.projects")}
      basePath="/projects"
      entity={t("project.entity")}
      createPermission="registry.project.create"
      invalidate={keys.projects.all}
      useRows={useProjects}
      useColumns={useProjectColumns}
      scrollX={1200}
      renderForm={(open, onClose) => <ProjectForm open={open} onClose={onClose} />}
      filters={(lp) => (
        <>
          <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterStatus")} placeholder={t("list.filterStatus")} style={{ minWidth: 160 }} value={lp.getList("status")} options={options(PROJECT_STATUS_LABELS)} onChange={(v) => lp.set({ status: v })} />
          <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterType")} placeholder={t("list.filterType")} style={{ minWidth: 160 }} value={lp.getList("type")} options={options(PROJECT_TYPE_LABELS)} onChange={(v) => lp.set({ type: v })} />
          <Select allowClear aria-label={t("list.filterDistrict")} placeholder={t("list.filterDistrict")} style={{ width: 140 }} value={lp.get("district")} options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} onChange={(v) => lp.set({ district: v })} />
        </>
      )}
    />
  );
}
