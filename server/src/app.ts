import { existsSync } from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "./config.js";
import { auditRoutes } from "./platform/audit/audit.routes.js";
import { ActorCache } from "./platform/auth/actor-cache.js";
import { authRoutes } from "./platform/auth/auth.routes.js";
import { StreamGuard } from "./platform/auth/stream-guard.js";
import { systemClock, type Clock } from "./platform/clock.js";
import { systemContext } from "./platform/context.js";
import type { Database } from "./platform/db/client.js";
import { EventBus } from "./platform/events/bus.js";
import { installErrorHandler } from "./platform/http/error-handler.js";
import { installInputGuard } from "./platform/http/input-guard.js";
import { installRequestContext, markRoutesPublic } from "./platform/http/request-context.js";
import { loggingOptions } from "./platform/http/logging.js";
import { installSecurity } from "./platform/http/security.js";
import { jobRoutes } from "./platform/jobs/jobs.routes.js";
import { identityPlugin, userDirectory } from "./modules/identity/index.js";
import { iotPlugin, IotRuntime } from "./modules/iot/index.js";
import { attachWorkforce, workforcePlugin, workforceRuleDefinitions, type AccessPipeline } from "./modules/workforce/index.js";
import { ensureRuleDefaults, type RuleDefinition } from "./platform/rules/rules.js";
import { ruleRoutes } from "./platform/rules/rules.routes.js";
import { FileStore } from "./platform/files/store.js";
import { registryPlugin } from "./modules/registry/index.js";
import { casesPlugin, casesRuleDefinitions, ensureDefaultTemplates, enterpriseChangeNotices } from "./modules/cases/index.js";
import { safetyPlugin, safetyRuleDefinitions } from "./modules/safety/index.js";
import { qualityPlugin } from "./modules/quality/index.js";
import { testingPlugin, testingRuleDefinitions } from "./modules/testing/index.js";
import { cylindersPlugin, cylindersRuleDefinitions } from "./modules/gas/cylinders/index.js";
import { deliveryPlugin, deliveryRuleDefinitions } from "./modules/gas/delivery/index.js";
import { nearGasMain, pipelinesPlugin, pipelinesRuleDefinitions } from "./modules/gas/pipelines/index.js";
import { attachLeaks, leakPointsReferrer, leaksPlugin, leaksRuleDefinitions } from "./modules/gas/leaks/index.js";
import { reportsPlugin } from "./modules/reports/index.js";
import { dashboardPlugin } from "./modules/dashboard/index.js";
import { riskPlugin, riskRuleDefinitions } from "./modules/risk/index.js";

export interface AppDeps {
  config: Config;
  database: Database;
  events?: EventBus;
  /** The IoT runtime; built here (no network, no timers) when not given, as tests do. */
  iot?: IotRuntime;
  /** The time verbs stamp and judge by; tests pass a fixed clock. */
  clock?: Clock;
  /** Human-readable logs, request lines at debug: main.ts sets it when stdout is a terminal. */
  terminal?: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The process's IoT runtime (broker, ingest, dispatcher), for main.ts and tests. */
    iot: IotRuntime;
    /** The gate-event pipeline (workforce), for tests that wait for it. */
    gateEvents: AccessPipeline;
  }
}

/** Max upload size for Excel imports and attachments. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Builds the Fastify app from explicit dependencies; nothing global, so tests build as many as they like. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    ...loggingOptions(config.logLevel, deps.terminal ?? false),
    // Only behind a load balancer may X-Forwarded-For name the client (audit log, login records).
    trustProxy: config.http.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const events = deps.events ?? new EventBus((err, event) => app.log.error({ err, event: event.type }, "event handler failed"));

  installErrorHandler(app);
  await installSecurity(app, config);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "SiteCloud 建设工程智慧管理云平台 API", version: "1" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "sc_session" }, bearer: { type: "http", scheme: "bearer" } } },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, { routePrefix: "/api/docs" });
  });
  const actors = new ActorCache();
  await actors.start(database);
  app.addHook("onClose", () => actors.stop());
  // This process's own changes evict at once; other processes hear the database triggers' notification.
  for (const type of ["identity.user.updated", "identity.token.revoked"]) {
    events.on(type, (e) => actors.forgetUser(String(e.payload.userId)));
  }
  const clock = deps.clock ?? systemClock;
  const files = new FileStore(config.dataDir);
  installRequestContext(app, { db: database.db, users: userDirectory, config, events, actors, clock, files });
  installInputGuard(app);
  // Every threshold a module judges by, filed with its national default so a fresh database judges at once.
  const ruleDefinitions: RuleDefinition[] = [...workforceRuleDefinitions, ...casesRuleDefinitions, ...safetyRuleDefinitions, ...testingRuleDefinitions, ...cylindersRuleDefinitions, ...deliveryRuleDefinitions, ...pipelinesRuleDefinitions, ...leaksRuleDefinitions, ...riskRuleDefinitions];
  await ensureRuleDefaults(database.db, ruleDefinitions);
  await ensureDefaultTemplates(database.db);
  const iot = deps.iot ?? (await IotRuntime.create({ database, config, events, log: app.log }));
  app.decorate("iot", iot);
  app.addHook("onClose", () => iot.close());
  // A live event stream ends with its session or token: this process's changes at once, others' by notification.
  const streams = new StreamGuard(database.db, userDirectory, iot.hub, (err) => app.log.error({ err }, "event stream credential check failed"));
  await streams.start(database);
  app.addHook("onClose", () => streams.stop());
  for (const type of ["identity.user.updated", "identity.token.revoked"]) {
    events.on(type, (e) => streams.recheckUser(String(e.payload.userId)));
  }
  // Work no request starts (the gates' and detectors' readings) runs as the platform, in the city's context.
  const system = systemContext({ db: database.db, events, log: app.log, region: config.cityRegion, clock, files });
  const access = attachWorkforce(iot, system);
  app.decorate("gateEvents", access);
  attachLeaks(iot, system);

  app.get(
    "/api/health",
    { config: { public: true }, schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]) }) } } },
    async () => {
      await database.db.execute("select 1");
      return { status: "ok" as const, db: database.kind };
    },
  );

  await app.register(
    async (api) => {
      await api.register(authRoutes, { db: database.db, users: userDirectory, config, actors, streams });
      await api.register(auditRoutes);
      await api.register(jobRoutes);
      await api.register(ruleRoutes, { definitions: ruleDefinitions });
      // Inbox notices of enterprise change requests, in the request's own transaction (the registry calls no module).
      await api.register(registryPlugin, { enterpriseChangeFollowUps: enterpriseChangeNotices });
      await api.register(identityPlugin, { dataDir: config.dataDir });
      await api.register(iotPlugin, { runtime: iot });
      await api.register(workforcePlugin, { runtime: iot, access, files, db: database.db, events });
      await api.register(casesPlugin, { db: database.db, database, events });
      // The excavation gate asks the gas network which mains a site lies near (safety imports nothing of gas).
      await api.register(safetyPlugin, { config, files, db: database.db, events, gasMainsNear: nearGasMain });
      await api.register(qualityPlugin, { config, files });
      await api.register(testingPlugin, { db: database.db });
      // Gas safety: four modules (docs/architecture.md).
      const gas = { config, files, db: database.db, events, clock };
      await api.register(cylindersPlugin, gas);
      await api.register(deliveryPlugin, gas);
      await api.register(pipelinesPlugin, { ...gas, referrers: [leakPointsReferrer] });
      await api.register(leaksPlugin);
      // Briefings: every process runs the 07:00 schedule; the archive's unique (kind, period) files each once.
      await api.register(reportsPlugin, { city: config.cityName, schedule: { db: database.db, events, log: app.log, region: config.cityRegion, clock, files } });
      await api.register(dashboardPlugin, { database, hub: iot.hub });
      // The project risk index: rescored hourly and within a minute of an alarm or a case change.
      await api.register(riskPlugin, { database, region: config.cityRegion, clock, log: app.log });
    },
    { prefix: "/api/v1" },
  );

  await serveWeb(app, path.resolve(config.http.webDist));
  return app;
}

/** Serves the built web app at `/`, with client-side routes falling back to index.html. */
async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  const hasWeb = existsSync(path.join(dist, "index.html"));
  await app.register(async (web) => {
    markRoutesPublic(web);
    if (hasWeb) await web.register(fastifyStatic, { root: dist, wildcard: false });
    web.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith("/api/") || !hasWeb || req.method !== "GET") {
        return reply.status(404).send({ error: { code: "NOT_FOUND", message: `No route ${req.method} ${req.url.split("?")[0]}` } });
      }
      return reply.type("text/html").sendFile("index.html");
    });
  });
}
