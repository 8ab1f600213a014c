/** The `{items,total,page,pageSize}` answer of every list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
