import { useTranslation } from "react-i18next";
import { keys } from "../../../api/query-keys";
import type { ListFilter } from "../../../components/list-page";
import { projectName, searchProjects } from "./api";

/**
 * The 所属项目 filter every module's lists share (`projectId`). A project id arriving in the URL (a link
 * from the project's own tab) is shown by its code and name, not as a bare id.
 */
export function useProjectFilter(width = 240): ListFilter {
  const { t } = useTranslation();
  return { kind: "remote", key: "projectId", label: t("common.project"), scope: keys.projects.all, fetchOptions: searchProjects, nameOf: projectName, width };
}
