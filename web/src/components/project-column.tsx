import type { ColumnType } from "antd/es/table";
import { Link } from "react-router";

/**
 * The project column of a list: the project's name, linking to its page (on the tab the list belongs to).
 * Clicks do not reach a clickable row underneath.
 */
export function projectColumn<T extends { projectId: string | null; projectName: string | null }>(title: string, tab?: string, width = 220): ColumnType<T> {
  return {
    title,
    dataIndex: "projectName",
    key: "projectName",
    width,
    ellipsis: true,
    // A record outside any construction project (a gas case, the gas vehicle) has no project to link.
    render: (name: string | null, r: T) =>
      r.projectId === null ? (
        "—"
      ) : (
        <Link to={`/projects/${r.projectId}${tab ? `?tab=${tab}` : ""}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
  };
}
