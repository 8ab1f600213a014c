import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useProject } from "../../registry/projects/api";

/**
 * 编制单位(专业分包): one of the project's specialty subcontractors, or none (cleared: the general contractor
 * drafted). A drafter no longer on the project stays shown by name, so editing does not silently drop it.
 */
export function DrafterSelect({ projectId, current, value, onChange, id }: {
  projectId: string;
  current?: { id: string; name: string | null };
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const project = useProject(projectId);
  const subs = (project.data?.participants ?? []).filter((p) => p.role === "specialty_subcontractor").map((p) => ({ value: p.enterpriseId, label: p.enterpriseName }));
  const options = current && !subs.some((o) => o.value === current.id) ? [...subs, { value: current.id, label: current.name ?? current.id }] : subs;
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      loading={project.isLoading}
      placeholder={t("safety.generalContractor")}
      notFoundContent={project.isLoading ? undefined : t("safety.noSubcontractors")}
      options={options}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
    />
  );
}
