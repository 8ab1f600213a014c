import { queryKeys } from "../../api/query-keys";

/** Query keys of the supervision pages; a write to a case refreshes the board, its lists and its detail. */
export const casesKeys = {
  cases: queryKeys("cases.cases"),
  board: (params: object) => ["cases.cases", "board", params] as const,
  inspections: queryKeys("cases.inspections"),
  templates: queryKeys("cases.templates"),
  plans: queryKeys("cases.plans"),
  conflicts: queryKeys("cases.conflicts"),
  notifications: queryKeys("cases.notifications"),
  unread: ["cases.notifications", "unread"] as const,
};
