/**
 * The one way the web talks to the API: same-origin fetch with the session cookie, JSON in and out,
 * and every failure turned into an `ApiError` carrying the server's stable `code` (the UI branches on
 * codes, never on message text).
 */

export const API_BASE = "/api/v1";

/** One field problem as the server names it: `path` is dotted (`qualifications.0.certNo`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field issues from `details.issues`, the ones that have a path. */
  fieldIssues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.flatMap((i: unknown) => {
      const { path, message } = (i ?? {}) as { path?: unknown; message?: unknown };
      return typeof path === "string" && path && typeof message === "string" ? [{ path, message }] : [];
    });
  }

  /** Reads the `{error:{code,message,details}}` envelope; tolerates proxies that answer HTML. */
  static async parse(res: Response): Promise<ApiError> {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // not JSON: fall through to a generic error with the HTTP status
    }
    const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    if (err && typeof err.code === "string") {
      return new ApiError(res.status, err.code, typeof err.message === "string" ? err.message : err.code, err.details);
    }
    return new ApiError(res.status, res.status === 401 ? "UNAUTHENTICATED" : "HTTP_" + res.status, `${res.status} ${res.statusText}`);
  }
}

type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x,y` with empty values dropped; arrays go comma-separated as the list filters expect. */
export function toQueryString(params: QueryParams = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === "") continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(","));
    } else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Full URL of an API path, e.g. for `<a href>` downloads that should carry the current filters. */
export const apiUrl = (path: string, params?: QueryParams) => `${API_BASE}${path}${toQueryString(params)}`;

let onUnauthenticated: (() => void) | null = null;

/** Lets the app decide what a 401 means (go to the login page); set once by the providers. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON (undefined for 204). Throws `ApiError` on any non-2xx. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const isForm = opts.body instanceof FormData;
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined && !isForm) headers["content-type"] = "application/json";
  const res = await fetch(apiUrl(path, opts.query), {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    credentials: "same-origin",
    headers,
    body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  if (!res.ok) {
    const err = await ApiError.parse(res);
    if (res.status === 401 && path !== "/auth/login") onUnauthenticated?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Splits a dotted server path into an antd NamePath: `certificates.0.certNo` → ["certificates", 0, "certNo"]. */
export function toNamePath(path: string): (string | number)[] {
  return path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
