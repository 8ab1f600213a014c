/**
 * The routes reachable without a session (`config: { public: true }`), as `METHOD /openapi/path`, each for
 * its reason (docs/operations.md, "Security model"). The security tests hold the app to exactly this list.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  "GET /api/health",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  // Devices and gates, authenticated by their own secret inside the handler.
  "POST /api/v1/ingest/{deviceCode}/telemetry",
  "POST /api/v1/ingest/{deviceCode}/events",
  "POST /api/v1/integrations/hikvision/{gateCode}/events",
  "GET /api/v1/integrations/gates/{gateCode}/roster",
  "GET /api/v1/integrations/gates/{gateCode}/roster/{workerNo}/photo",
  // Anti-forgery look-ups anyone may make by scanning a QR code.
  "GET /api/v1/public/cylinders/{code}",
  "GET /api/v1/public/reports/{code}",
]);

export const isPublicRoute = (method: string, template: string) =>
  PUBLIC_ROUTES.has(`${method} ${template}`) || (method === "HEAD" && PUBLIC_ROUTES.has(`GET ${template}`));

export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface OpenApiOperation {
  parameters?: { in: "path" | "query" | "header"; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  nullable?: boolean;
}
