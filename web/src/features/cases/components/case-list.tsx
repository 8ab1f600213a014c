import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { CaseDto } from "@contracts/cases/cases";
import { ExportButton } from "../../../components/export-button";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import type { ListParams } from "../../../components/use-list-params";
import { useCaseBoard, useCases } from "../api";
import { isOverdue } from "../case-format";
import "../cases.css";
import { BoardStrip, type BoardFilter } from "./board-strip";
import { useCaseColumns } from "./case-columns";
import { CaseFilters } from "./case-filters";

/**
 * The case board: counters by state above a filtered, sorted, paged table with an xlsx export. With a
 * `projectId` it is the project's own board (the project filter and column are dropped).
 */
export function CaseList({ lp, projectId, actions }: { lp: ListParams; projectId?: string; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = projectId ? { ...lp.query, projectId } : lp.query;
  const { data, isFetching, error } = useCases(query);
  const boardScope = { projectId: projectId ?? lp.get("projectId") };
  const board = useCaseBoard(boardScope);
  const columns = useCaseColumns(lp, { withProject: !projectId });
  const active: BoardFilter = { state: lp.get("state"), grade: lp.get("grade"), overdue: lp.get("overdue"), stopWork: lp.get("stopWork") };

  return (
    <>
      <BoardStrip board={board.data} loading={board.isLoading} active={active} onPick={(f) => lp.set({ state: f.state, grade: f.grade, overdue: f.overdue, stopWork: f.stopWork })} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={<CaseFilters lp={lp} withProject={!projectId} />}
          actions={
            <>
              {actions}
              <ExportButton basePath="/cases" query={query} />
            </>
          }
        />
        <ListError error={error} />
        <Table<CaseDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          columns={columns}
          dataSource={data?.items}
          rowClassName={(c) => ["sc-clickable-row", isOverdue(c) ? "sc-case-overdue" : c.grade === "major" && c.state !== "closed" ? "sc-case-major" : ""].join(" ")}
          onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`) })}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: projectId ? 1300 : 1500 }}
          locale={{ emptyText: projectId ? t("cases.projectCasesEmpty") : t("cases.empty") }}
        />
      </Card>
    </>
  );
}
