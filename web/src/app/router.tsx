import { createBrowserRouter, type RouteObject } from "react-router";
import { setUnauthenticatedHandler } from "../api/client";
import { PageLoading } from "../components/page-loading";
import "./features";
import { queryClient } from "./query-client";

/** Lazy route helper: each page is its own chunk, loaded on first visit. */
const page = (load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, "lazy"> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

const consoleRoutes: RouteObject[] = [
  { path: "/login", ...page(() => import("../features/auth/pages/login-page")) },
  // Public, outside the login guard: where a test report's QR code leads.
  { path: "/verify/report/:code", ...page(() => import("../features/testing/pages/verify-report-page")) },
  // Public: where a gas cylinder's QR code leads.
  { path: "/verify/cylinder/:code", ...page(() => import("../features/gas/cylinders/pages/verify-cylinder-page")) },
  // 指挥大屏: full screen, no console frame (menus, header).
  { path: "/command/screen", ...page(() => import("../features/command/pages/command-screen")) },
  {
    path: "/",
    ...page(() => import("./layout/app-layout")),
    children: [
      { index: true, ...page(() => import("../features/home/pages/home-page")) },
      { path: "command", ...page(() => import("../features/command/pages/command-page")) },
      { path: "reports", ...page(() => import("../features/reports/pages/report-list")) },
      { path: "risk", ...page(() => import("../features/risk/pages/risk-list")) },
      { path: "projects", ...page(() => import("../features/registry/projects/pages/project-list")) },
      { path: "projects/:id", ...page(() => import("../features/registry/projects/pages/project-detail")) },
      { path: "enterprises", ...page(() => import("../features/registry/enterprises/pages/enterprise-list")) },
      { path: "enterprises/:id", ...page(() => import("../features/registry/enterprises/pages/enterprise-detail")) },
      { path: "enterprise-change-requests", ...page(() => import("../features/registry/enterprises/pages/change-request-list")) },
      { path: "persons", ...page(() => import("../features/registry/persons/pages/person-list")) },
      { path: "persons/:id", ...page(() => import("../features/registry/persons/pages/person-detail")) },
      { path: "iot/map", ...page(() => import("../features/iot/map/pages/site-map")) },
      { path: "iot/alarms", ...page(() => import("../features/iot/alarms/pages/alarm-console")) },
      { path: "iot/devices", ...page(() => import("../features/iot/devices/pages/device-list")) },
      { path: "iot/devices/:id", ...page(() => import("../features/iot/devices/pages/device-detail")) },
      { path: "iot/commands", ...page(() => import("../features/iot/commands/pages/command-list")) },
      { path: "iot/rules", ...page(() => import("../features/iot/rules/pages/rule-list")) },
      { path: "thresholds", ...page(() => import("../features/rules/thresholds/pages/threshold-list")) },
      { path: "workforce/on-site", ...page(() => import("../features/workforce/on-site/pages/on-site")) },
      { path: "workforce/workers", ...page(() => import("../features/workforce/pages/worker-list")) },
      { path: "workforce/blacklist", ...page(() => import("../features/workforce/pages/blacklist")) },
      { path: "workforce/key-personnel", ...page(() => import("../features/workforce/pages/key-personnel")) },
      { path: "workforce/arrears", ...page(() => import("../features/workforce/pages/arrears")) },
      { path: "testing/commissions", ...page(() => import("../features/testing/pages/commission-list")) },
      { path: "testing/results", ...page(() => import("../features/testing/pages/result-list")) },
      { path: "testing/agencies", ...page(() => import("../features/testing/pages/agency-list")) },
      { path: "testing/witness-share", ...page(() => import("../features/testing/pages/witness-share")) },
      { path: "testing/calculator", ...page(() => import("../features/testing/pages/concrete-calculator")) },
      { path: "gas/stations", ...page(() => import("../features/gas/cylinders/pages/station-list")) },
      { path: "gas/staff", ...page(() => import("../features/gas/cylinders/pages/staff-list")) },
      { path: "gas/cylinders", ...page(() => import("../features/gas/cylinders/pages/cylinder-list")) },
      { path: "gas/cylinders/:id", ...page(() => import("../features/gas/cylinders/pages/cylinder-detail")) },
      { path: "gas/fills", ...page(() => import("../features/gas/cylinders/pages/fill-list")) },
      { path: "gas/fill-console", ...page(() => import("../features/gas/cylinders/pages/scale-console")) },
      { path: "gas/customers", ...page(() => import("../features/gas/customers/pages/customer-list")) },
      { path: "gas/customers/:id", ...page(() => import("../features/gas/customers/pages/customer-detail")) },
      { path: "gas/deliveries", ...page(() => import("../features/gas/customers/pages/delivery-list")) },
      { path: "gas/anomalies", ...page(() => import("../features/gas/customers/pages/anomaly-list")) },
      { path: "gas/map", ...page(() => import("../features/gas/pipelines/pages/pipeline-map")) },
      { path: "gas/pipelines", ...page(() => import("../features/gas/pipelines/pages/pipeline-list")) },
      { path: "gas/pipelines/:id", ...page(() => import("../features/gas/pipelines/pages/pipeline-detail")) },
      { path: "gas/patrols", ...page(() => import("../features/gas/pipelines/pages/patrol-list")) },
      { path: "gas/hazards", ...page(() => import("../features/gas/pipelines/pages/hazard-list")) },
      { path: "gas/site-links", ...page(() => import("../features/gas/pipelines/pages/site-link-list")) },
      { path: "gas/vehicles", ...page(() => import("../features/gas/leaks/pages/vehicle-list")) },
      { path: "gas/leaks", ...page(() => import("../features/gas/leaks/pages/leak-list")) },
      { path: "cases", ...page(() => import("../features/cases/pages/case-board")) },
      { path: "cases/:id", ...page(() => import("../features/cases/pages/case-detail")) },
      { path: "inspections", ...page(() => import("../features/cases/inspections/pages/inspection-list")) },
      { path: "inspections/new", ...page(() => import("../features/cases/inspections/pages/inspection-form")) },
      { path: "inspections/:id", ...page(() => import("../features/cases/inspections/pages/inspection-detail")) },
      { path: "inspection-templates", ...page(() => import("../features/cases/inspections/pages/template-list")) },
      { path: "random-plans", ...page(() => import("../features/cases/inspections/pages/random-plans")) },
      { path: "random-plans/:id", ...page(() => import("../features/cases/inspections/pages/random-plan-detail")) },
      { path: "inspector-conflicts", ...page(() => import("../features/cases/inspections/pages/conflicts")) },
      { path: "notifications", ...page(() => import("../features/cases/notifications/pages/notification-list")) },
      { path: "acceptances", ...page(() => import("../features/quality/pages/acceptance-list")) },
      { path: "safety/works", ...page(() => import("../features/safety/pages/work-list")) },
      { path: "safety/works/:id", ...page(() => import("../features/safety/pages/work-detail")) },
      { path: "safety/weekly", ...page(() => import("../features/safety/pages/weekly-list")) },
      { path: "safety/equipment", ...page(() => import("../features/safety/pages/equipment-list")) },
      { path: "safety/experts", ...page(() => import("../features/safety/pages/expert-list")) },
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
