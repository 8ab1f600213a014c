import { z } from "zod";

/** A stored photo's id as an upload returns it: `<yyyy-mm>-<uuid>.<jpg|png>` (one URL segment, one file). */
export const PHOTO_ID = /^\d{4}-\d{2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png)$/;

/** The answer to a photo upload. */
export const PhotoDto = z.object({ id: z.string() });
export type PhotoDto = z.infer<typeof PhotoDto>;

/** `GET …/photos/:id`. */
export const PhotoParams = z.object({ id: z.string().regex(PHOTO_ID, "photo id") });
export type PhotoParams = z.infer<typeof PhotoParams>;

/** Photo ids in a request body, naming the upload route they come from. */
export const PhotoIds = (uploadRoute: string) => z.array(z.string().regex(PHOTO_ID, `photo id (from POST ${uploadRoute})`)).max(20);
