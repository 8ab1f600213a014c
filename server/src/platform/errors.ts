/** Stable error codes; the web client branches on these, never on message text. */
export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "INTERNAL";

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** One field problem: `path` names the field (e.g. "creditCode" or "rows.12.idNumber"). */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

/** The one error type of the platform. Services throw it; the HTTP layer maps it to the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export const notFound = (entity: string, id?: string | number) =>
  new AppError("NOT_FOUND", id === undefined ? `${entity} not found` : `${entity} ${id} not found`);

export const forbidden = (message = "Not allowed") => new AppError("FORBIDDEN", message);

export const conflict = (message: string, details?: unknown) => new AppError("CONFLICT", message, details);

/** A validation error naming one or more fields. */
export const invalid = (issues: FieldIssue[], message?: string) =>
  new AppError("VALIDATION", message ?? issues.map((i) => `${i.path}: ${i.message}`).join("; "), { issues });

export const invalidField = (path: string, message: string, code?: string) => invalid([{ path, message, code }]);
