/**
 * The dashboard's KPIs carry the API list whose total equals them (`/api/v1/cases?state=pending&state=…`);
 * the console shows that list on its own page. This maps one onto the other: the page for the API path, and
 * the query as the list pages keep it in the URL (repeated keys joined by commas, which the list then hands
 * back to the API unchanged).
 */
const API_PREFIX = "/api/v1";

/** API list path → console page, longest prefix first where they nest. */
const PAGES: [api: string, page: string][] = [
  ["/projects", "/projects"],
  ["/attendance/today", "/workforce/on-site"],
  ["/cases", "/cases"],
  ["/alarms", "/iot/alarms"],
  ["/dangerous-works", "/safety/works"],
  ["/equipment", "/safety/equipment"],
  ["/testing/results", "/testing/results"],
  ["/testing/commissions", "/testing/commissions"],
  ["/wages/arrears", "/workforce/arrears"],
  ["/gas/fills", "/gas/fills"],
  ["/gas/anomalies", "/gas/anomalies"],
  ["/gas/leaks", "/gas/leaks"],
  ["/gas/cylinders", "/gas/cylinders"],
  ["/gas/stations", "/gas/stations"],
  ["/gas/hazards", "/gas/hazards"],
  ["/inspections", "/inspections"],
  ["/random-plans", "/random-plans"],
  ["/persons", "/persons"],
  ["/risk/projects", "/risk"],
];

/** The console page showing an API list with the same filters; null when the console has no such page. */
export function pageOfApiLink(link: string | null | undefined): string | null {
  if (!link) return null;
  const [rawPath, rawQuery = ""] = link.split("?", 2);
  const path = rawPath.startsWith(API_PREFIX) ? rawPath.slice(API_PREFIX.length) : rawPath;
  const page = PAGES.find(([api]) => api === path)?.[1];
  if (!page) return null;
  const merged = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(rawQuery)) merged.set(k, [...(merged.get(k) ?? []), v]);
  const query = new URLSearchParams([...merged].map(([k, vs]) => [k, vs.join(",")])).toString();
  return query ? `${page}?${query}` : page;
}
