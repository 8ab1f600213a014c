import type { CertificateKind, ParticipantRole, Post, ProjectStatus } from "@contracts/registry/enums";
import type { Db } from "../../platform/db/client.js";
import {
  registryCertificates,
  registryEnterprises,
  registryPersons,
  registryProjectParticipants,
  registryProjectPosts,
  registryProjects,
  registryQualifications,
} from "./schema.js";

/**
 * Registry rows for the project DB tests, inserted directly with drizzle (the enterprise and person
 * services are separate verbs with their own tests). Only test files import this.
 */

export const VALID_UNTIL = "2099-12-31";
export const EXPIRED_ON = "2001-01-01";

let seq = 0;
const next = () => `${process.pid % 1000}${++seq}`.padStart(8, "0");

/** An 18-character credit code that is unique per call (format only; the DB does not check the check character). */
export const creditCodeFor = (n: string) => `91330784${n.padStart(10, "0")}`.slice(0, 18);

export async function insertEnterprise(
  db: Db,
  opts: { name?: string; type?: string; status?: string; qualifiedUntil?: string | null } = {},
) {
  const n = next();
  const [e] = await db
    .insert(registryEnterprises)
    .values({ name: opts.name ?? `永康市测试${n}建设有限公司`, creditCode: creditCodeFor(n), type: opts.type ?? "contractor", legalRep: "张三", status: opts.status ?? "normal" })
    .returning();
  const until = opts.qualifiedUntil === undefined ? VALID_UNTIL : opts.qualifiedUntil;
  if (until) await db.insert(registryQualifications).values({ enterpriseId: e.id, category: "建筑工程施工总承包", grade: "一级", certNo: `D${n}`, expiresOn: until });
  return e;
}

/** `certs` lists [kind, expiresOn] pairs (a record would clash with the inherited `constructor` key). */
export async function insertPerson(db: Db, employerId: string | null, certs: [CertificateKind, string][] = [], name?: string) {
  const n = next();
  const [p] = await db
    .insert(registryPersons)
    .values({ name: name ?? `测试人员${n}`, idNumber: `330784${n.padStart(12, "0")}`, gender: "M", birthDate: "1990-01-01", employerId })
    .returning();
  const rows = certs.map(([kind, expiresOn]) => ({ personId: p.id, kind, certNo: `C${kind}${n}`, expiresOn }));
  if (rows.length > 0) await db.insert(registryCertificates).values(rows);
  return p;
}

/** A person holding valid 注册建造师 + 安全B证, fit to be project manager. */
export const insertManager = (db: Db, employerId: string, name?: string) => insertPerson(db, employerId, [["constructor", VALID_UNTIL], ["safety_b", VALID_UNTIL]], name);

export async function insertProject(
  db: Db,
  opts: Partial<typeof registryProjects.$inferInsert> & { status?: ProjectStatus } = {},
) {
  const n = next();
  const [p] = await db
    .insert(registryProjects)
    .values({ code: `YK-${n}`, name: `江南街道测试${n}工程`, type: "building", district: "江南街道", ...opts })
    .returning();
  return p;
}

export async function insertParticipant(db: Db, projectId: string, enterpriseId: string, role: ParticipantRole) {
  const [row] = await db.insert(registryProjectParticipants).values({ projectId, enterpriseId, role }).returning();
  return row;
}

export async function insertPost(db: Db, projectId: string, personId: string, enterpriseId: string, post: Post, endedOn: string | null = null) {
  const [row] = await db.insert(registryProjectPosts).values({ projectId, personId, enterpriseId, post, startedOn: "2024-01-01", endedOn }).returning();
  return row;
}

/** A multipart/form-data body with one file field, for `app.inject`. */
export function multipartFile(field: string, filename: string, content: Buffer, contentType: string) {
  const boundary = `----sitecloud${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
