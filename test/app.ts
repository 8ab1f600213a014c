import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { InspectorDomain, Role } from "@contracts/platform/auth";
import { buildApp } from "../server/src/app";
import { loadConfig, type Config } from "../server/src/config";
import { authSessions } from "../server/src/platform/auth/schema";
import { authUserProjects, authUsers } from "../server/src/modules/identity/schema";
import { hashPassword, newToken, sha256 } from "../server/src/platform/auth/secrets";
import { systemClock } from "../server/src/platform/clock";
import type { Actor, ServiceContext } from "../server/src/platform/context";
import type { Database } from "../server/src/platform/db/client";
import { EventBus } from "../server/src/platform/events/bus";
import { FileStore } from "../server/src/platform/files/store";
import { createTestDatabase } from "./setup/db";

export const TEST_PASSWORD = "correct-horse-battery";

/** A multipart body with one file part (field `file` unless named), as a browser's upload sends it. */
export function multipart(fileName: string, content: Buffer, field = "file"): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----sitecloud-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

let passwordHash: Promise<string> | undefined;

export function testConfig(overrides: Record<string, string> = {}): Config {
  // Throttling off: a test file logs in and reads public pages far faster than a person; security tests turn it on.
  return loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST: "./no-web-in-tests", RATE_LIMIT_PUBLIC_PER_MIN: "0", RATE_LIMIT_LOGIN_PER_MIN: "0", ...overrides });
}

export interface TestUser {
  id: string;
  username: string;
  /** `cookie` header value of a live session for this user. */
  cookie: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Database["db"];
  /** Creates a user (password TEST_PASSWORD) with a live session. */
  user(role: Role, scope?: { domain?: InspectorDomain; enterpriseId?: string; projectIds?: string[]; username?: string }): Promise<TestUser>;
  /** A context as the app builds one for a request of `actor` (its region, file store; the system clock), for calling verbs directly. */
  context(actor: Actor, overrides?: Partial<ServiceContext>): ServiceContext;
  /** `app.inject` as the given user. */
  as(user: TestUser | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let seq = 0;

/** A fresh database (PGlite or PostgreSQL, per the tier) and an app built on it. */
export async function createTestApp(configOverrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(configOverrides);
  const app = await buildApp({ config, database });
  await app.ready();
  const db = database.db;
  const files = new FileStore(config.dataDir);
  return {
    app,
    database,
    db,
    async user(role, scope = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const username = scope.username ?? `${role}_${++seq}_${Math.random().toString(36).slice(2, 6)}`;
      const [u] = await db
        .insert(authUsers)
        .values({ username, displayName: username, passwordHash: await passwordHash, role, domain: scope.domain ?? null, enterpriseId: scope.enterpriseId ?? null })
        .returning({ id: authUsers.id });
      if (scope.projectIds?.length) await db.insert(authUserProjects).values(scope.projectIds.map((projectId) => ({ userId: u.id, projectId })));
      const token = newToken();
      await db.insert(authSessions).values({ tokenHash: sha256(token), userId: u.id, expiresAt: new Date(Date.now() + 3600_000) });
      return { id: u.id, username, cookie: `sc_session=${token}` };
    },
    context(actor, overrides = {}) {
      return { db, actor, events: new EventBus(), log: app.log, requestId: null, ip: null, region: config.cityRegion, clock: systemClock, files, ...overrides };
    },
    as(user, opts) {
      return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(user ? { cookie: user.cookie } : {}) } });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
