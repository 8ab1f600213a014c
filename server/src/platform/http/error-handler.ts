import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { pgErrorOf, type PgError } from "../db/pg-errors.js";
import { AppError, STATUS_OF, type ErrorCode, type FieldIssue } from "../errors.js";

// PostgreSQL errors that bad input can still reach despite validation (races on unique keys, etc.).
const PG_CODES: Record<string, ErrorCode> = {
  "23505": "CONFLICT",
  "23503": "CONFLICT",
  "22P02": "VALIDATION",
  "22001": "VALIDATION",
  "22007": "VALIDATION",
  "22008": "VALIDATION",
  "22003": "VALIDATION",
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 415) return "UNSUPPORTED_MEDIA_TYPE";
  if (status === 429) return "RATE_LIMITED";
  return "VALIDATION";
}

/** Turns every error into `{error:{code,message,details}}`; only unexpected ones become a logged 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & PgError, req, reply) => {
    const send = (code: ErrorCode, message: string, details?: unknown) =>
      reply.status(STATUS_OF[code]).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });

    if (err instanceof AppError) {
      if (err.code === "RATE_LIMITED") {
        const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) reply.header("retry-after", String(retry));
      }
      return send(err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: FieldIssue[] = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, "").replace(/\//g, ".") || String(v.params?.missingProperty ?? ""),
        message: v.message ?? "invalid",
        in: err.validationContext,
      }));
      const fields = issues.map((i) => i.path || err.validationContext).join(", ");
      return send("VALIDATION", `Invalid ${err.validationContext}: ${fields}`, { issues });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, "response did not match its schema");
      return send("INTERNAL", "Internal error");
    }
    const pgErr = pgErrorOf(err);
    if (pgErr?.code && PG_CODES[pgErr.code]) {
      return send(PG_CODES[pgErr.code], pgErr.detail ?? "Conflicting or invalid data", { constraint: pgErr.constraint });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(codeForStatus(status), err.message);
    }
    req.log.error({ err }, "unhandled error");
    return send("INTERNAL", "Internal error");
  });
}
