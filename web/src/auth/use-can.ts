import { useQuery } from "@tanstack/react-query";
import type { MeDto, Permission } from "@contracts/platform/auth";
import { api } from "../api/client";
import { keys } from "../api/query-keys";

/** The signed-in user (`GET /auth/me`); a 401 sends the app to the login page via the client. */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => api<MeDto>("/auth/me"), staleTime: 5 * 60_000, retry: false });
}

/** `can("registry.project.create")`: whether the signed-in user's role grants a permission. */
export function useCan(): (p: Permission) => boolean {
  const { data } = useMe();
  return (p) => !!data?.permissions.includes(p);
}
