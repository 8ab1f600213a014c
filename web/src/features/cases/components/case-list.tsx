import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { CaseDto } from "@contracts/cases/cases";
import { ListPage, type CreateAction } from "../../../components/list-page";
import type { ListParams } from "../../../components/use-list-params";
import { useCaseBoard, useCases } from "../api";
import { isOverdue } from "../case-format";
import "../cases.css";
import { BoardStrip, type BoardFilter } from "./board-strip";
import { useCaseColumns } from "./case-columns";
import { useCaseFilters } from "./case-filters";

/**
 * The case board: counters by state above a filtered, sorted, paged table with an xlsx export. With a
 * `projectId` it is the project's own board (the project filter and column are dropped).
 */
export function CaseList({ lp, projectId, title, create }: { lp: ListParams; projectId?: string; title?: ReactNode; create?: CreateAction | false }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useCaseBoard({ projectId: projectId ?? lp.get("projectId") });
  const active: BoardFilter = { state: lp.get("state"), grade: lp.get("grade"), overdue: lp.get("overdue"), stopWork: lp.get("stopWork") };

  return (
    <ListPage<CaseDto>
      title={title}
      permission={title ? "cases.read" : undefined}
      create={create}
      lp={lp}
      useRows={useCases}
      query={projectId ? { projectId } : undefined}
      exportPath="/cases"
      before={<BoardStrip board={board.data} loading={board.isLoading} active={active} onPick={(f) => lp.set({ state: f.state, grade: f.grade, overdue: f.overdue, stopWork: f.stopWork })} />}
      filters={useCaseFilters({ withProject: !projectId })}
      columns={useCaseColumns({ withProject: !projectId })}
      emptyText={projectId ? t("cases.projectCasesEmpty") : t("cases.empty")}
      table={{
        rowClassName: (c) => ["sc-clickable-row", isOverdue(c) ? "sc-case-overdue" : c.grade === "major" && c.state !== "closed" ? "sc-case-major" : ""].join(" "),
        onRow: (c) => ({ onClick: () => void navigate(`/cases/${c.id}`) }),
      }}
    />
  );
}
