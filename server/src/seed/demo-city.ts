import { sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import { recordAudit } from "../platform/audit/audit.js";
import { SYSTEM_ACTOR } from "../platform/auth/actor.js";
import { hashPassword } from "../platform/auth/secrets.js";
import type { Db, Executor } from "../platform/db/client.js";
import { addUsersIfAbsent } from "../modules/identity/index.js";
import { isRegistryEmpty, loadRegistryRows } from "../modules/registry/index.js";
import { withIndexesDeferred } from "./bulk-load.js";
import { generateEnterprises } from "./enterprises.gen.js";
import { loadOutline } from "./geo.js";
import { generateIotDevices, insertIotDevices, writeCredentialsFile } from "./iot-devices.js";
import type { HistoryLevel } from "./iot-history.gen.js";
import { generatePersons } from "./persons.gen.js";
import { generatePosts } from "./posts.gen.js";
import { createRng } from "./prng.js";
import { generateProjects } from "./projects.gen.js";
import { generateWorkforce, insertWorkforce, withGates, WORKFORCE_TABLES, type WorkforceCounts } from "./workforce.js";
import { generateSafety, insertSafety, SAFETY_TABLES } from "./safety.js";
import { seedSupervision, SUPERVISION_TABLES, type SupervisionCounts } from "./supervision.js";
import { seedTesting, TESTING_TABLES, type TestingCounts } from "./testing.js";
import { GAS_TABLES, seedGas, type GasCounts } from "./gas.js";
import { demoUsers, type DemoUser } from "./users.gen.js";

/** The default PRNG seed (the city's adcode): the same seed and day give the same city. */
export const DEMO_CITY_SEED = 330_784;

/** Rows at scale 1; the minimums keep a tiny scale (tests use 0.02) internally consistent. */
const PER_SCALE = { enterprises: [1500, 24], persons: [20_000, 200], projects: [400, 6] } as const;

// Serialises seeding across processes sharing one PostgreSQL, so two first starts never both seed.
const SEED_LOCK = 7_240_033;
// The devices draw from their own stream, so adding them left the rest of the city exactly as it was.
const IOT_STREAM = 0x5eed_107;
const WORKFORCE_STREAM = 0x5eed_40b;
const SAFETY_STREAM = 0x5eed_5af;
const REGISTRY_TABLES = [
  "registry_enterprises",
  "registry_qualifications",
  "registry_persons",
  "registry_certificates",
  "registry_projects",
  "registry_project_participants",
  "registry_project_posts",
];
const SEEDED_TABLES = [
  ...REGISTRY_TABLES,
  "iot_devices",
  "iot_latest",
  "iot_rollup_1m",
  "iot_rollup_1h",
  ...WORKFORCE_TABLES,
  ...SAFETY_TABLES,
  ...SUPERVISION_TABLES,
  ...TESTING_TABLES,
  ...GAS_TABLES,
];

export interface SeedOptions {
  /** Size multiplier; fractions are fine (0.02 gives a tiny but complete city). */
  scale: number;
  /** When given, the demo accounts are created with this password. */
  demoPassword?: string;
  log?: (message: string) => void;
  seed?: number;
  /** The moment "today" is computed from (Asia/Shanghai); tests pin it. */
  now?: Date;
  /**
   * Where to write the demo devices' secrets (JSON, mode 0600) for `npm run simulate`; without it the
   * secrets are lost once hashed and the devices need their secrets rotated before anything can connect.
   */
  credentialsFile?: string;
  /** How much device history to seed; `full` is meant for PostgreSQL (see HISTORY_METRICS). Default `compact`. */
  iotHistory?: HistoryLevel;
}

export interface SeedCounts {
  seeded: boolean;
  enterprises: number;
  qualifications: number;
  persons: number;
  certificates: number;
  projects: number;
  participants: number;
  posts: number;
  devices: number;
  /** Gates, teams, workers, attendance and payroll (gates are counted in `devices` too). */
  workforce: WorkforceCounts | null;
  /** A year of inspections and cases (the rectification loop), acceptances, one 双随机 plan. */
  supervision: SupervisionCounts | null;
  /** Testing agencies, commissions, results (a few failed lots with their cases) and reports. */
  testing: TestingCounts | null;
  /** Gas: stations, staff, customers, ~100,000 cylinders with the last 30 days of fills and deliveries, pipelines, patrols, detection vehicles. */
  gas: GasCounts | null;
  /** Usernames of the demo accounts created (none without a demo password). */
  demoUsers: string[];
  ms: number;
}

const sized = (scale: number, [perScale, min]: readonly [number, number]) => Math.max(min, Math.round(perScale * scale));

/** Generates the whole city in memory, without touching a database (pure, deterministic). */
export function generateDemoCity(opts: { scale: number; seed?: number; now?: Date }) {
  if (!Number.isFinite(opts.scale) || opts.scale <= 0) throw new Error(`seed scale must be a positive number, got ${opts.scale}`);
  const now = opts.now ?? new Date();
  const today = shanghaiDay(now);
  const rng = createRng(opts.seed ?? DEMO_CITY_SEED);
  const enterprises = generateEnterprises(rng, sized(opts.scale, PER_SCALE.enterprises), today, now);
  const { projects, participants, flagshipId } = generateProjects(rng, sized(opts.scale, PER_SCALE.projects), enterprises, loadOutline(), today, now);
  const { persons, certificates, pools } = generatePersons(rng, sized(opts.scale, PER_SCALE.persons), enterprises, projects, today, now);
  const posts = generatePosts(rng, projects, pools);
  const users = demoUsers(enterprises, projects, participants, flagshipId);
  const devices = generateIotDevices(createRng((opts.seed ?? DEMO_CITY_SEED) ^ IOT_STREAM), projects, now);
  const workforce = generateWorkforce(createRng((opts.seed ?? DEMO_CITY_SEED) ^ WORKFORCE_STREAM), { projects, participants, persons, posts, enterprises, today, now });
  const safety = generateSafety(createRng((opts.seed ?? DEMO_CITY_SEED) ^ SAFETY_STREAM), { projects, participants, persons, certificates, enterprises, devices, today, now });
  return { today, now, enterprises, projects, participants, persons, certificates, posts, users, devices, workforce, safety };
}

export type DemoCity = ReturnType<typeof generateDemoCity>;

async function insertUsers(tx: Executor, users: DemoUser[], passwordHash: string): Promise<string[]> {
  const created = await addUsersIfAbsent(
    tx,
    users.map((u) => ({ username: u.username, displayName: u.displayName, passwordHash, role: u.role, domain: u.domain, enterpriseId: u.enterpriseId, projectIds: u.projectIds })),
  );
  return created.map((c) => c.username);
}

const NOTHING: Omit<SeedCounts, "ms"> = { seeded: false, enterprises: 0, qualifications: 0, persons: 0, certificates: 0, projects: 0, participants: 0, posts: 0, devices: 0, workforce: null, supervision: null, testing: null, gas: null, demoUsers: [] };

/**
 * Seeds the demo city (永康市, fictional firms and people) into an empty registry in one transaction, and
 * the demo accounts when `demoPassword` is given. A registry that already holds data is left untouched, so
 * a restart never duplicates anything. One audit entry `seed.demo_city.created` records the counts.
 */
export async function seedDemoCity(db: Db, opts: SeedOptions): Promise<SeedCounts> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const elapsed = () => Math.round(performance.now() - started);
  if (!(await isRegistryEmpty(db))) {
    log("registry is not empty: demo city not seeded");
    return { ...NOTHING, ms: elapsed() };
  }
  const city = generateDemoCity(opts);
  log(`demo city generated in ${elapsed()} ms (scale ${opts.scale}, today ${city.today})`);
  // One argon2 hash shared by every demo account; hashing is deliberately slow.
  const passwordHash = opts.demoPassword ? await hashPassword(opts.demoPassword) : null;

  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isRegistryEmpty(tx))) return null;
    await withIndexesDeferred(tx, REGISTRY_TABLES, async () => {
      await loadRegistryRows(tx, "enterprises", city.enterprises.map((e) => e.row));
      await loadRegistryRows(tx, "qualifications", city.enterprises.flatMap((e) => e.qualifications));
      await loadRegistryRows(tx, "projects", city.projects.map((p) => p.row));
      await loadRegistryRows(tx, "participants", city.participants);
      await loadRegistryRows(tx, "persons", city.persons);
      await loadRegistryRows(tx, "certificates", city.certificates);
      await loadRegistryRows(tx, "posts", city.posts);
    });
    log(`registry written: enterprises, projects, persons and their posts (${elapsed()} ms)`);
    const iot = await insertIotDevices(tx, city.devices, { now: city.now, history: opts.iotHistory, log });
    log(`iot devices and history inserted (${elapsed()} ms)`);
    const wf = await insertWorkforce(tx, city.workforce, log);
    log(`workforce inserted: ${wf.counts.workers} workers, ${wf.counts.attendanceDays} attendance days, ${wf.counts.payrolls} payroll lines (${elapsed()} ms)`);
    const safety = await insertSafety(tx, city.safety);
    log(`safety inserted: ${safety.dangerousWorks} 危大 works, ${safety.equipment} cranes and hoists (${elapsed()} ms)`);
    const demoUsernames = passwordHash ? await insertUsers(tx, city.users, passwordHash) : [];
    // After the users: the inspections are the demo inspectors'. Testing opens its failed lots' cases after them.
    const supervision = await seedSupervision(tx, { now: city.now, seed: opts.seed, log, inspectorPasswordHash: passwordHash });
    log(`supervision inserted: ${supervision.inspections} inspections, ${supervision.cases} cases (${elapsed()} ms)`);
    const testing = await seedTesting(tx, { seed: opts.seed ?? DEMO_CITY_SEED, now: city.now, log });
    log(`testing inserted (${elapsed()} ms)`);
    // After the users (the demo `gas` account's company is seeded richest) and testing (cases are numbered in order).
    const gas = await seedGas(tx, { seed: opts.seed ?? DEMO_CITY_SEED, now: city.now, scale: opts.scale, richEnterpriseId: city.users.find((u) => u.username === "gas")?.enterpriseId ?? null, log });
    log(`gas inserted: ${gas.cylinders} cylinders, ${gas.fills} fills over ${gas.windowDays} days, ${gas.pipelines} pipelines (${elapsed()} ms)`);
    const counts: Omit<SeedCounts, "ms"> = {
      seeded: true,
      enterprises: city.enterprises.length,
      qualifications: city.enterprises.reduce((n, e) => n + e.qualifications.length, 0),
      persons: city.persons.length,
      certificates: city.certificates.length,
      projects: city.projects.length,
      participants: city.participants.length,
      posts: city.posts.length,
      devices: iot.devices + wf.counts.gates,
      workforce: wf.counts,
      supervision,
      testing,
      gas,
      demoUsers: demoUsernames,
    };
    await recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "seed.demo_city.created", entity: "seed", entityId: "demo-city", after: { ...counts, scale: opts.scale } });
    return { counts, credentials: withGates(iot.credentials, wf.credentials) };
  });
  if (!result) {
    log("registry was filled concurrently: demo city not seeded");
    return { ...NOTHING, ms: elapsed() };
  }
  // A bulk load leaves the planner without statistics until autovacuum gets round to it; until then it
  // guesses (e.g. hash-joins all enterprises for one project's participants). Refresh them now.
  await db.execute(sql.raw(`analyze ${SEEDED_TABLES.join(", ")}`));
  if (opts.credentialsFile) {
    writeCredentialsFile(opts.credentialsFile, result.credentials);
    log(`demo device credentials written to ${opts.credentialsFile}`);
  }
  log(`demo city seeded in ${(elapsed() / 1000).toFixed(1)} s`);
  return { ...result.counts, ms: elapsed() };
}
