import type { SortOrder } from "antd/es/table/interface";
import type { ListParams } from "../../../components/use-list-params";

/** Column props of a server-sorted column whose key is the API's sort field. */
export const sortable = (lp: ListParams, key: string) => ({ key, sorter: true, sortOrder: lp.sortOrder(key) as SortOrder });
