import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ProjectDto } from "@contracts/registry/project";
import { api } from "../../../api/client";
import { keys } from "../../../api/query-keys";
import { RemoteSelect } from "../../../components/remote-select";
import { searchProjects } from "../../registry/projects/api";

/**
 * The project filter of the IoT lists. A project id arriving in the URL (a link from the project's
 * smart-site tab) is shown by its name, not as a bare id.
 */
export function ProjectFilter({ value, onChange, width = 240 }: { value: string | undefined; onChange: (v: string | null) => void; width?: number }) {
  const { t } = useTranslation();
  const project = useQuery({ queryKey: keys.projects.detail(value ?? ""), queryFn: () => api<ProjectDto>(`/projects/${value}`), enabled: !!value, staleTime: 5 * 60_000 });
  const known = useMemo(() => (project.data && value ? [{ value, label: `${project.data.code} ${project.data.name}` }] : []), [project.data, value]);
  return (
    <RemoteSelect
      scope={keys.projects.all}
      fetchOptions={searchProjects}
      knownOptions={known}
      aria-label={t("device.project")}
      placeholder={t("device.project")}
      style={{ width }}
      value={value}
      onChange={(v) => onChange(typeof v === "string" ? v : null)}
    />
  );
}
