export { ListPage, type CreateAction, type EditAction, type ImportAction, type ListPageProps } from "./list-page";
export type { FilterOption, ListFilter, ListFilters } from "./list-filters";
export { bindSort, scrollWidth } from "./list-columns";
export { actionColumn, editColumn, RowActions } from "./action-columns";
