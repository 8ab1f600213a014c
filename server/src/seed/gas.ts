import { DEFAULT_CITY_REGION } from "../config.js";
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { sha256 } from "../platform/auth/secrets.js";
import type { Executor, Tx } from "../platform/db/client.js";
import { loadCylindersRows, stationsView } from "../modules/gas/cylinders/index.js";
import { loadDeliveryRows } from "../modules/gas/delivery/index.js";
import { loadLeaksRows } from "../modules/gas/leaks/index.js";
import { loadPipelinesRows } from "../modules/gas/pipelines/index.js";
import { loadIotRows } from "../modules/iot/index.js";
import { usersView } from "../modules/identity/index.js";
import { enterprisesView, loadRegistryRows, personsView, projectsView, qualificationsView } from "../modules/registry/index.js";
import { withIndexesDeferred } from "./bulk-load.js";
import { loadOutline } from "./geo.js";
import { openGasCases } from "./gas.cases.js";
import { generateDetectors } from "./gas.detector.gen.js";
import { DAY_MS, sequentialIds } from "./gas.model.js";
import { generateParties, type GasCompany } from "./gas.parties.gen.js";
import { generatePipelines, type PlantedLink, type SiteProject } from "./gas.pipelines.gen.js";
import { simulateCompany, type TrafficOut } from "./gas.traffic.gen.js";
import { createRng } from "./prng.js";

/**
 * The demo city's gas (issue 6), seeded straight into the tables in bulk (the services are for live data;
 * per-row service calls would take minutes): for each gas company of the registry its stations, certified
 * staff, real-name customers with their safety checks, its cylinder ledger and the last `windowDays` of
 * fills, delivery scans and cylinder events in full (gas.traffic.gen.ts); for the piped-gas companies a
 * pipeline network, patrol plans, patrols and hazards, and the detection vehicle with its drives and leak
 * points. The hazards and the confirmed leak open their cases through `cases.openCase` (gas.cases.ts). The site ↔ pipeline links are the pipelines service's to compute; `links` names the
 * mains planted next to construction sites so it has something to find. Idempotent: a database with gas
 * stations is left alone. Each part draws from its own PRNG stream.
 */

export const GAS_TABLES = [
  "gas_stations",
  "gas_staff",
  "gas_customers",
  "gas_safety_checks",
  "gas_cylinders",
  "gas_cylinder_events",
  "gas_fills",
  "gas_deliveries",
  "gas_anomalies",
  "gas_pipelines",
  "gas_patrol_plans",
  "gas_patrols",
  "gas_patrol_hazards",
  "gas_detector_readings",
  "gas_leak_points",
];
export const GAS_STREAM = 0x5eed_6a5;
/** The tables holding the bulk of the gas rows (withIndexesDeferred). */
const LEDGER_TABLES = ["gas_customers", "gas_safety_checks", "gas_cylinders", "gas_fills", "gas_deliveries", "gas_cylinder_events", "gas_anomalies"];

/**
 * Days of complete fill and delivery history. At scale 1 about 1,700 cylinders are filled a day; a month
 * of it, with the trips that put each customer's cylinders in place, is ~1 million rows — what PGlite
 * writes inside the seed's time budget (every day more costs ~0.5 s there).
 */
export const GAS_WINDOW_DAYS = 30;

/** Customers at scale 1 (a county of ~1 million: about 30,000 bottled-gas accounts); cylinders follow (~100,000). */
const CUSTOMERS_PER_SCALE = 30_000;
/** Piped-gas networks: the demo company's and at most this many others' (a county has a handful of pipeline operators). */
const OTHER_NETWORKS = 3;

export interface GasCounts {
  companies: number;
  stations: number;
  staff: number;
  customers: number;
  safetyChecks: number;
  cylinders: number;
  fills: number;
  deliveries: number;
  cylinderEvents: number;
  anomalies: number;
  windowDays: number;
  pipelines: number;
  patrols: number;
  hazards: number;
  vehicles: number;
  detectorReadings: number;
  leakPoints: number;
  /** Cases opened (through cases.openCase) for the hazards and the confirmed leak. */
  cases: number;
  /** Mains planted within 50 m of in-progress construction sites (for the linkage). */
  links: PlantedLink[];
}

const NONE: GasCounts = { companies: 0, stations: 0, staff: 0, customers: 0, safetyChecks: 0, cylinders: 0, fills: 0, deliveries: 0, cylinderEvents: 0, anomalies: 0, windowDays: 0, pipelines: 0, patrols: 0, hazards: 0, vehicles: 0, detectorReadings: 0, leakPoints: 0, cases: 0, links: [] };

/** The gas companies: licensed ones in good standing, plus the demo account's whatever its licence says. */
async function companiesOf(tx: Executor, richId: string | null): Promise<GasCompany[]> {
  const E = enterprisesView();
  const Q = qualificationsView();
  const found = await tx
    .select({
      id: E.id,
      name: E.name,
      district: E.district,
      status: E.status,
      grades: sql<string[] | null>`array_agg(${Q.grade} order by ${Q.grade}) filter (where ${Q.grade} is not null)`,
    })
    .from(E)
    .leftJoin(Q, eq(Q.enterpriseId, E.id))
    .where(eq(E.type, "gas"))
    .groupBy(E.id, E.name, E.district, E.status, E.creditCode)
    .orderBy(asc(E.creditCode));
  const rich = richId ?? found.find((e) => e.status === "normal")?.id ?? found[0]?.id ?? null;
  let networks = 0;
  return found
    .filter((e) => e.status === "normal" || e.id === rich)
    .map((e) => {
      const grades = e.grades ?? [];
      const isRich = e.id === rich;
      const piped = isRich || (grades.includes("管道燃气") && networks++ < OTHER_NETWORKS);
      return { id: e.id, name: e.name, district: e.district, bottled: isRich || grades.includes("瓶装燃气"), piped, rich: isRich };
    })
    .filter((c) => c.bottled || c.piped);
}

/** Seeds gas into a registry that has its gas companies; call inside the seed transaction (after the users). */
export async function seedGas(
  tx: Tx,
  opts: { seed: number; now: Date; scale: number; region?: string; richEnterpriseId?: string | null; windowDays?: number; log?: (m: string) => void },
): Promise<GasCounts> {
  const started = performance.now();
  const log = (m: string) => opts.log?.(`gas: ${m} (${Math.round(performance.now() - started)} ms)`);
  const S = stationsView();
  if ((await tx.select({ id: S.id }).from(S).limit(1)).length > 0) return NONE;
  const U = usersView();
  const [demo] = await tx.select({ id: U.enterpriseId }).from(U).where(eq(U.username, "gas"));
  const companies = await companiesOf(tx, opts.richEnterpriseId ?? demo?.id ?? null);
  if (companies.length === 0) return NONE;
  const now = opts.now;
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const windowDays = opts.windowDays ?? GAS_WINDOW_DAYS;
  const windowStart = now.getTime() - windowDays * DAY_MS;
  const PE = personsView();
  const taken = new Set((await tx.select({ idNumber: PE.idNumber }).from(PE)).map((r) => r.idNumber));
  const P = projectsView();
  const projects = (await tx
    .select({ id: P.id, code: P.code, name: P.name, lat: P.lat, lng: P.lng })
    .from(P)
    .where(and(eq(P.status, "in_progress"), isNotNull(P.lat), isNotNull(P.lng)))
    .orderBy(asc(P.code))) as SiteProject[];
  const outline = loadOutline();

  const parties = generateParties(createRng(opts.seed ^ GAS_STREAM), {
    companies: companies.filter((c) => c.bottled),
    customers: Math.max(60, Math.round(CUSTOMERS_PER_SCALE * opts.scale)),
    today,
    now,
    outline,
    takenIdNumbers: taken,
  });
  const trafficRng = createRng((opts.seed ^ GAS_STREAM) + 1);
  const seq = { next: 1 };
  const ids = { cylinder: sequentialIds(trafficRng, 0x60), fill: sequentialIds(trafficRng, 0x61), delivery: sequentialIds(trafficRng, 0x62) };
  const traffic: TrafficOut[] = parties.companies.map((p) => simulateCompany(trafficRng, p, { now: now.getTime(), today, windowStart, seq, ids, anomalies: p.company.rich }));
  const pipes = generatePipelines(createRng((opts.seed ^ GAS_STREAM) + 2), { companies: companies.filter((c) => c.piped), projects, outline, now, takenIdNumbers: taken });
  const detectors = generateDetectors(createRng((opts.seed ^ GAS_STREAM) + 3), pipes.networks, { now });
  log(`generated ${traffic.reduce((n, t) => n + t.cylinders.length, 0)} cylinders, ${traffic.reduce((n, t) => n + t.fills.length, 0)} fills over ${windowDays} days`);

  const all = <K extends keyof TrafficOut>(k: K) => traffic.flatMap((t) => t[k] as unknown[]) as TrafficOut[K] extends (infer U)[] ? U[] : never;
  await loadRegistryRows(tx, "persons", [...parties.persons, ...pipes.persons]);
  await loadRegistryRows(tx, "certificates", parties.certificates);
  const stations = parties.companies.flatMap((c) => [...c.filling, ...c.supply]);
  await loadCylindersRows(tx, "stations", stations);
  const staff = parties.companies.flatMap((c) => c.staff);
  await loadCylindersRows(tx, "staff", staff);
  const customers = parties.companies.flatMap((c) => c.customers.map((cu) => cu.row));
  const cylinders = all("cylinders").map((c) => c.row);
  const fills = all("fills");
  const deliveries = all("deliveries");
  const events = all("events");
  const anomalies = all("anomalies");
  // The ledger is nearly all of the gas rows: loaded bare, its indexes and foreign keys built afterwards.
  await withIndexesDeferred(tx, LEDGER_TABLES, async () => {
    await loadDeliveryRows(tx, "customers", customers);
    await loadDeliveryRows(tx, "safetyChecks", parties.checks);
    log(`${stations.length} stations, ${staff.length} staff, ${customers.length} customers, ${parties.checks.length} safety checks written`);
    await loadCylindersRows(tx, "cylinders", cylinders);
    await loadCylindersRows(tx, "fills", fills);
    await loadDeliveryRows(tx, "deliveries", deliveries);
    await loadCylindersRows(tx, "cylinderEvents", events);
    await loadDeliveryRows(tx, "anomalies", anomalies);
    log(`${cylinders.length} cylinders, ${fills.length} fills, ${deliveries.length} delivery scans, ${events.length} cylinder events and ${anomalies.length} anomalies written`);
  });
  log("the ledger's indexes and foreign keys built");

  const pipelines = pipes.networks.flatMap((n) => n.pipelines);
  // The cases first, so the hazard and leak rows are written naming them.
  const cases = await openGasCases(tx, { hazards: pipes.hazards, leaks: detectors.leaks, pipelines, region: opts.region ?? DEFAULT_CITY_REGION });
  log(`${cases} cases opened for the hazards and the confirmed leak`);
  await loadPipelinesRows(tx, "pipelines", pipelines);
  await loadPipelinesRows(tx, "patrolPlans", pipes.plans);
  await loadPipelinesRows(tx, "patrols", pipes.patrols);
  await loadPipelinesRows(tx, "patrolHazards", pipes.hazards);
  // The vehicles' secrets are random and not kept: rotate one (device page) before driving it with the simulator.
  await loadIotRows(
    tx,
    "devices",
    detectors.devices.map((d) => {
      const seen = detectors.latest.find((l) => l.deviceId === d.id);
      return { ...d, secretHash: sha256(randomBytes(24).toString("base64url")), lastSeenAt: seen?.ts ?? null };
    }),
  );
  await loadIotRows(
    tx,
    "latest",
    detectors.latest.flatMap((l) => [
      { deviceId: l.deviceId, metric: "ch4_ppm", ts: l.ts, value: l.ch4Ppm },
      { deviceId: l.deviceId, metric: "lat", ts: l.ts, value: l.lat },
      { deviceId: l.deviceId, metric: "lng", ts: l.ts, value: l.lng },
    ]),
  );
  await loadLeaksRows(tx, "detectorReadings", detectors.readings);
  await loadLeaksRows(tx, "leakPoints", detectors.leaks);
  log(`${pipelines.length} pipelines, ${pipes.patrols.length} patrols, ${pipes.hazards.length} hazards, ${detectors.readings.length} vehicle readings, ${detectors.leaks.length} leak points inserted`);

  return {
    companies: companies.length,
    stations: stations.length,
    staff: staff.length,
    customers: customers.length,
    safetyChecks: parties.checks.length,
    cylinders: cylinders.length,
    fills: fills.length,
    deliveries: deliveries.length,
    cylinderEvents: events.length,
    anomalies: anomalies.length,
    windowDays,
    pipelines: pipelines.length,
    patrols: pipes.patrols.length,
    hazards: pipes.hazards.length,
    vehicles: detectors.devices.length,
    detectorReadings: detectors.readings.length,
    leakPoints: detectors.leaks.length,
    cases,
    links: pipes.links,
  };
}
