import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import type { ProjectDto } from "@contracts/registry/project";
import { HeadcountStrip } from "./headcount-strip";
import { ProjectAttendance } from "./project-attendance";
import { ProjectWages } from "./project-wages";
import { ProjectWorkers } from "./project-workers";

/** 人员 tab of a project: the live headcount above the roster, today's attendance and the wages. */
export function WorkforceTab({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  return (
    <>
      <HeadcountStrip projectId={project.id} />
      <Tabs
        size="small"
        type="card"
        items={[
          { key: "workers", label: t("workforce.tabWorkers"), children: <ProjectWorkers project={project} /> },
          { key: "attendance", label: t("workforce.tabAttendance"), destroyOnHidden: true, children: <ProjectAttendance projectId={project.id} /> },
          { key: "wages", label: t("workforce.tabWages"), destroyOnHidden: true, children: <ProjectWages projectId={project.id} /> },
        ]}
      />
    </>
  );
}
