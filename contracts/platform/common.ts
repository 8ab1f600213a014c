import { z } from "zod";

/** `?page=&pageSize=&q=` shared by every list endpoint. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Sort parameter `field` or `-field` (descending), restricted to the fields a list allows. */
export const sortParam = <const T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .string()
    .regex(new RegExp(`^-?(${fields.join("|")})$`), `must be one of ${fields.join(", ")} (prefix - for descending)`)
    .optional();

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

export const ErrorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** ISO date (YYYY-MM-DD) as used for certificate expiry, planned dates and so on. */
export const IsoDate = z.iso.date();

/** A list filter given as `a,b,c` or repeated params. */
export const csvEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(z.enum(values)).optional(),
  );

export const JobDto = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(["running", "succeeded", "failed"]),
  total: z.number().int(),
  done: z.number().int(),
  result: z.unknown().nullable(),
  error: z.unknown().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobDto = z.infer<typeof JobDto>;

/** The answer to `POST …/import`: the job to poll at `GET /api/v1/jobs/:id`. */
export const ImportAcceptedDto = z.object({ jobId: z.uuid() });
export type ImportAcceptedDto = z.infer<typeof ImportAcceptedDto>;
