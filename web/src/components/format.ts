import dayjs from "dayjs";

/** Timestamps are UTC ISO strings from the server; the bureau reads them in local (Asia/Shanghai) time. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "—");

/** Dates (`YYYY-MM-DD`) are shown as sent; only null becomes a dash. */
export const formatDate = (d: string | null | undefined) => d || "—";

/** Grouped number (12,345.6); a dash for null. */
export const formatNumber = (n: number | null | undefined, digits = 2) =>
  n == null ? "—" : n.toLocaleString("zh-CN", { maximumFractionDigits: digits });

/** Text or a dash. */
export const orDash = (s: string | null | undefined) => (s == null || s === "" ? "—" : s);
