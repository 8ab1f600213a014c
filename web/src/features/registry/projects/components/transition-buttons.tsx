import { useState } from "react";
import { Button, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { PROJECT_STATUS_LABELS, type ProjectStatus } from "@contracts/registry/enums";
import type { ProjectDto } from "@contracts/registry/project";
import { useLabels } from "../../../../i18n/labels";
import { TransitionModal } from "./transition-modal";

/**
 * One button per lifecycle edge out of the current status: the allowed ones open a confirm dialog,
 * the ones a guard blocks right now are disabled with the server's reasons as a tooltip.
 */
export function TransitionButtons({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const [target, setTarget] = useState<ProjectStatus | null>(null);
  const blocked = project.blockedTransitions ?? [];

  return (
    <>
      {project.allowedTransitions.map((to) => (
        <Button key={to} type="primary" ghost={to !== "completed"} danger={to === "suspended"} onClick={() => setTarget(to)}>
          {t("project.transitionTo", { status: label(PROJECT_STATUS_LABELS, to) })}
        </Button>
      ))}
      {blocked
        .filter((b) => !project.allowedTransitions.includes(b.to))
        .map((b) => (
          <Tooltip key={b.to} title={b.reasons.join("；")}>
            <Button disabled>{t("project.transitionTo", { status: label(PROJECT_STATUS_LABELS, b.to) })}</Button>
          </Tooltip>
        ))}
      <TransitionModal project={project} to={target} onClose={() => setTarget(null)} />
    </>
  );
}
