/**
 * Query keys, one factory per resource so invalidation is by prefix: after a write to a project,
 * `invalidateQueries({ queryKey: keys.projects.all })` refreshes its lists and details alike.
 */
export function queryKeys<S extends string>(scope: S) {
  return {
    all: [scope] as const,
    lists: () => [scope, "list"] as const,
    list: (params: object) => [scope, "list", params] as const,
    detail: (id: string) => [scope, "detail", id] as const,
    sub: (id: string, what: string, params: object = {}) => [scope, "detail", id, what, params] as const,
    search: (q: string) => [scope, "search", q] as const,
  };
}

export const keys = {
  me: ["auth", "me"] as const,
  projects: queryKeys("registry.projects"),
  projectStats: ["registry.projects", "stats"] as const,
  enterprises: queryKeys("registry.enterprises"),
  persons: queryKeys("registry.persons"),
  users: queryKeys("admin.users"),
  tokens: queryKeys("admin.tokens"),
  audit: queryKeys("audit"),
  jobs: queryKeys("jobs"),
};
