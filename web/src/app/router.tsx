import { createBrowserRouter, type RouteObject } from "react-router";
import { setUnauthenticatedHandler } from "../api/client";
import { PageLoading } from "../components/page-loading";
import { queryClient } from "./query-client";

/** Lazy route helper: each page is its own chunk, loaded on first visit. */
const page = (load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, "lazy"> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

const consoleRoutes: RouteObject[] = [
  { path: "/login", ...page(() => import("../features/auth/login-page")) },
  {
    path: "/",
    ...page(() => import("./layout/app-layout")),
    children: [
      { index: true, ...page(() => import("../features/home/home-page")) },
      { path: "projects", ...page(() => import("../features/registry/projects/pages/project-list")) },
      { path: "projects/:id", ...page(() => import("../features/registry/projects/pages/project-detail")) },
      { path: "enterprises", ...page(() => import("../features/registry/enterprises/pages/enterprise-list")) },
      { path: "enterprises/:id", ...page(() => import("../features/registry/enterprises/pages/enterprise-detail")) },
      { path: "persons", ...page(() => import("../features/registry/persons/pages/person-list")) },
      { path: "persons/:id", ...page(() => import("../features/registry/persons/pages/person-detail")) },
      { path: "iot/map", ...page(() => import("../features/iot/map/pages/site-map")) },
      { path: "iot/alarms", ...page(() => import("../features/iot/alarms/pages/alarm-console")) },
      { path: "iot/devices", ...page(() => import("../features/iot/devices/pages/device-list")) },
      { path: "iot/devices/:id", ...page(() => import("../features/iot/devices/pages/device-detail")) },
      { path: "iot/commands", ...page(() => import("../features/iot/commands/pages/command-list")) },
      { path: "iot/rules", ...page(() => import("../features/iot/rules/pages/rule-list")) },
      { path: "workforce/workers", ...page(() => import("../features/workforce/pages/worker-list")) },
      { path: "workforce/blacklist", ...page(() => import("../features/workforce/pages/blacklist")) },
      { path: "workforce/key-personnel", ...page(() => import("../features/workforce/pages/key-personnel")) },
      { path: "workforce/arrears", ...page(() => import("../features/workforce/pages/arrears")) },
      { path: "admin/users", ...page(() => import("../features/admin/users/pages/user-list")) },
      { path: "admin/tokens", ...page(() => import("../features/admin/tokens/pages/token-list")) },
      { path: "admin/audit", ...page(() => import("../features/admin/audit/pages/audit-list")) },
      { path: "*", ...page(() => import("../components/not-found-page")) },
    ],
  },
];

// A pathless root so every lazy first load shows the same spinner.
export const router = createBrowserRouter([{ hydrateFallbackElement: <PageLoading />, children: consoleRoutes }]);

// Any 401 (expired session, logged out elsewhere): drop cached data and go to the login page,
// remembering where the user was so login can bring them back.
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname.startsWith("/login")) return;
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true }).then(() => queryClient.clear());
});
