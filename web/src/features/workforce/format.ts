/**
 * Attendance is counted in Asia/Shanghai days (the server's calendar), so gate times are shown in that
 * zone whatever the browser's: a 07:02 entry must not read 23:02 the day before.
 */
const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** HH:mm of an instant in Asia/Shanghai; a dash for null. */
export const shanghaiTime = (iso: string | null | undefined) => (iso ? TIME.format(new Date(iso)) : "—");

/** Yuan with two decimals, grouped (7,280.70); a dash for null. */
export const formatMoney = (n: number | null | undefined) =>
  n == null ? "—" : n.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
