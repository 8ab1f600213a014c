import { z } from "zod";

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
  SEED: z.enum(["auto", "never"]).default("auto"),
  SEED_SCALE: z.coerce.number().positive().max(100).default(1),
  WEB_DIST: z.string().default("./web/dist"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});

function toConfig(env: z.infer<typeof Env>) {
  return {
    env: env.NODE_ENV,
    http: { port: env.PORT, host: env.HOST, webDist: env.WEB_DIST, trustProxy: env.TRUST_PROXY },
    db: env.DATABASE_URL ? { kind: "postgres" as const, url: env.DATABASE_URL } : { kind: "pglite" as const, dataDir: env.DATA_DIR },
    auth: {
      adminPassword: env.ADMIN_PASSWORD,
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
      cookieSecure: env.COOKIE_SECURE,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginLockMs: env.LOGIN_LOCK_MINUTES * 60_000,
    },
    logLevel: env.LOG_LEVEL,
    seed: { mode: env.SEED, scale: env.SEED_SCALE },
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
