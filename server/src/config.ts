import { z } from "zod";

/** 永康市: the city this platform serves unless CITY_REGION names another. */
export const DEFAULT_CITY_REGION = "330784";

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Every environment variable the server reads; documented in README.md and .env.example. */
const Env = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  LOG_LEVEL: LogLevel.default("info"),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  COOKIE_SECURE: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed logins from one client address, over all usernames, before the address is locked. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  SEED: z.enum(["auto", "never"]).default("auto"),
  SEED_SCALE: z.coerce.number().positive().max(100).default(1),
  WEB_DIST: z.string().default("./web/dist"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** Requests a minute one client address may make to /api/v1/public/* (0: unthrottled); codes are sequential. */
  RATE_LIMIT_PUBLIC_PER_MIN: z.coerce.number().int().min(0).max(100_000).default(30),
  /** Login attempts a minute from one client address, on top of the per-username lock (0: unthrottled). */
  RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(0).max(100_000).default(10),
  /** Unset: 1883, or the next free port when 1883 is taken; set: exactly this port or start-up stops. */
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MQTT_URL: z.url({ protocol: /^mqtts?$/ }).optional(),
  /** Which client id an ingest process uses on an external broker (its persistent session). */
  INGEST_ID: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** 6-digit administrative code of the city whose rule overrides apply (永康市 330784). */
  CITY_REGION: z.string().regex(/^\d{6}$/, "a 6-digit administrative code").default(DEFAULT_CITY_REGION),
  /** The city's name as printed on briefings (永康市建设工程监管周报); unset: the name of CITY_REGION. */
  CITY_NAME: z.string().trim().min(1).max(20).optional(),
  SPRAY_OFF_AFTER_MIN: z.coerce.number().min(0).max(24 * 60).default(15),
  SIMULATE: z.enum(["0", "1"]).default("1").transform((v) => v === "1"),
});

/** Names of the regions the platform ships rules and maps for; another city sets CITY_NAME. */
const REGION_NAMES: Record<string, string> = { "330784": "永康市", "330700": "金华市" };

function toConfig(env: z.infer<typeof Env>) {
  return {
    env: env.NODE_ENV,
    /** Local files of this process (PGlite data, the demo devices' credentials). */
    dataDir: env.DATA_DIR,
    http: {
      port: env.PORT,
      host: env.HOST,
      webDist: env.WEB_DIST,
      trustProxy: env.TRUST_PROXY,
      rateLimit: { publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MIN, loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MIN },
    },
    db: env.DATABASE_URL ? { kind: "postgres" as const, url: env.DATABASE_URL } : { kind: "pglite" as const, dataDir: env.DATA_DIR },
    auth: {
      adminPassword: env.ADMIN_PASSWORD,
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
      cookieSecure: env.COOKIE_SECURE,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      loginLockMs: env.LOGIN_LOCK_MINUTES * 60_000,
    },
    logLevel: env.LOG_LEVEL,
    /** The city's administrative code: city rows of the rule tables override the national ones. */
    cityRegion: env.CITY_REGION,
    cityName: env.CITY_NAME ?? REGION_NAMES[env.CITY_REGION] ?? "本市",
    seed: { mode: env.SEED, scale: env.SEED_SCALE },
    iot: {
      mqttPort: env.MQTT_PORT ?? 1883,
      /** MQTT_PORT was set: a taken port is an error rather than a reason to take the next one. */
      mqttPortExplicit: env.MQTT_PORT !== undefined,
      mqttUrl: env.MQTT_URL ?? null,
      ingestId: env.INGEST_ID ?? null,
      rawRetentionDays: env.RAW_RETENTION_DAYS,
      sprayOffAfterMs: env.SPRAY_OFF_AFTER_MIN * 60_000,
      simulate: env.SIMULATE,
    },
  };
}

export type Config = Readonly<ReturnType<typeof toConfig>>;

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return Object.freeze(toConfig(parsed.data));
}
