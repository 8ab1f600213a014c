import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { isCityWide } from "../../platform/auth/actor.js";
import type { CreateDeviceInput, DeviceDto, DeviceWithSecretDto, UpdateDeviceInput } from "@contracts/iot/devices";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { sha256 } from "../../platform/auth/secrets.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict, notFound } from "../../platform/errors.js";
import { assertProjectVisible, enterpriseOf } from "../registry/index.js";
import { getDevice } from "./device.queries.js";
import { deviceScope } from "./device.scope.js";
import { iotDevices as D } from "./schema.js";

/** Write side of the device registry: register, edit, rotate the secret, enable/disable. */

/** A fresh device secret (the MQTT password); only its SHA-256 is stored. */
export const newDeviceSecret = () => randomBytes(24).toString("base64url");

export const duplicateDeviceCode = (code: string) =>
  conflict(`设备编号 ${code} 已存在 (device code already exists)`, { issues: [{ path: "code", message: "设备编号已存在 (already exists)" }] });

type DeviceRow = typeof D.$inferSelect;

/** The row as the audit log keeps it: never the secret's hash. */
/** HTTP Digest's HA1 of a device (RFC 7616, MD5; realm "sitecloud"), for gates that can only push with Digest. */
const digestHa1Of = (code: string, secret: string) => createHash("md5").update(`${code}:sitecloud:${secret}`).digest("hex");

function auditable(row: DeviceRow): Omit<DeviceRow, "secretHash" | "digestHa1"> {
  const { secretHash: _hidden, digestHa1: _alsoHidden, ...rest } = row;
  return rest;
}

/** Locks a device row for a write; out of scope behaves as absent. */
async function lockDevice(tx: Executor, ctx: ServiceContext, id: string): Promise<DeviceRow> {
  const [row] = await tx
    .select()
    .from(D)
    .where(and(eq(D.id, id), deviceScope(ctx.actor)))
    .for("update");
  if (!row) throw notFound("device", id);
  return row;
}

/**
 * The owner of a device not on a site must be a gas company (企业类型 gas) the actor may act for: the
 * bureau for any, a user bound to an enterprise for its own only; anything else answers as absent.
 * @throws AppError NOT_FOUND naming the enterprise.
 */
async function assertOwnerEnterprise(ctx: ServiceContext, enterpriseId: string): Promise<void> {
  const mayActFor = isCityWide(ctx.actor) || ctx.actor.enterpriseId === enterpriseId;
  const owner = mayActFor ? await enterpriseOf(ctx.db, enterpriseId) : undefined;
  if (owner?.type !== "gas") throw notFound("enterprise", enterpriseId);
}

/**
 * Registers a device on a project — or, for a gas detector, owned by a gas company off-site (the detection
 * vehicle) — and answers it with its secret, the only time the secret is shown.
 * @throws AppError FORBIDDEN without `iot.device.manage`; NOT_FOUND for a project or owner out of scope; CONFLICT naming `code`.
 */
export async function createDevice(ctx: ServiceContext, input: CreateDeviceInput): Promise<DeviceWithSecretDto> {
  requirePermission(ctx.actor, "iot.device.manage");
  if (input.projectId) await assertProjectVisible(ctx.db, ctx.actor, input.projectId);
  else if (input.enterpriseId) await assertOwnerEnterprise(ctx, input.enterpriseId);
  const secret = newDeviceSecret();
  const id = await ctx.db
    .transaction(async (tx) => {
      const [taken] = await tx.select({ id: D.id }).from(D).where(eq(D.code, input.code));
      if (taken) throw duplicateDeviceCode(input.code);
      const [row] = await tx
        .insert(D)
        .values({ ...input, secretHash: sha256(secret), digestHa1: digestHa1Of(input.code, secret) })
        .returning();
      await recordAudit(tx, ctx, { action: "iot.device.created", entity: "device", entityId: row.id, after: auditable(row) });
      return row.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicateDeviceCode(input.code) : err;
    });
  ctx.events.publish("iot.device.created", { deviceId: id, projectId: input.projectId ?? null, enterpriseId: input.enterpriseId ?? null });
  return { ...(await getDevice(ctx.db, ctx.actor, id, { scoped: false })), secret };
}

/**
 * Edits a device's descriptive data and reporting interval.
 * @throws AppError FORBIDDEN; NOT_FOUND out of scope.
 */
export async function updateDevice(ctx: ServiceContext, id: string, input: UpdateDeviceInput): Promise<DeviceDto> {
  requirePermission(ctx.actor, "iot.device.manage");
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await lockDevice(tx, ctx, id);
    if (Object.keys(input).length === 0) return false;
    const [after] = await tx
      .update(D)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(D.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "iot.device.updated", entity: "device", entityId: id, before: auditable(before), after: auditable(after) });
    return true;
  });
  if (changed) ctx.events.publish("iot.device.updated", { deviceId: id, fields: Object.keys(input) });
  return getDevice(ctx.db, ctx.actor, id, { scoped: false });
}

/**
 * Issues a new secret; the old one stops working at once (the trigger on secret_hash tells every
 * process's device cache).
 * @throws AppError FORBIDDEN; NOT_FOUND out of scope.
 */
export async function rotateDeviceSecret(ctx: ServiceContext, id: string): Promise<DeviceWithSecretDto> {
  requirePermission(ctx.actor, "iot.device.manage");
  const secret = newDeviceSecret();
  await ctx.db.transaction(async (tx) => {
    const before = await lockDevice(tx, ctx, id);
    await tx
      .update(D)
      .set({ secretHash: sha256(secret), digestHa1: digestHa1Of(before.code, secret), secretRotatedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(D.id, id));
    await recordAudit(tx, ctx, { action: "iot.device.secretRotated", entity: "device", entityId: id, before: { secretRotatedAt: before.secretRotatedAt }, after: { rotated: true } });
  });
  ctx.events.publish("iot.device.secretRotated", { deviceId: id });
  return { ...(await getDevice(ctx.db, ctx.actor, id, { scoped: false })), secret };
}

/**
 * Enables or disables a device; a disabled device is refused by the broker and the HTTP ingest.
 * @throws AppError FORBIDDEN; NOT_FOUND out of scope.
 */
export async function setDeviceEnabled(ctx: ServiceContext, id: string, input: { enabled: boolean; reason?: string }): Promise<DeviceDto> {
  requirePermission(ctx.actor, "iot.device.manage");
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await lockDevice(tx, ctx, id);
    if (before.enabled === input.enabled) return false;
    await tx.update(D).set({ enabled: input.enabled, updatedAt: sql`now()` }).where(eq(D.id, id));
    await recordAudit(tx, ctx, {
      action: input.enabled ? "iot.device.enabled" : "iot.device.disabled",
      entity: "device",
      entityId: id,
      before: { enabled: before.enabled },
      after: { enabled: input.enabled, reason: input.reason ?? null },
    });
    return true;
  });
  if (changed) ctx.events.publish("iot.device.enabledChanged", { deviceId: id, enabled: input.enabled });
  return getDevice(ctx.db, ctx.actor, id, { scoped: false });
}
