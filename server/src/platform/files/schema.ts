import { boolean, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who uploaded each photo of the PhotoShelf (platform/files/photos.ts), and for which party. A photo id
 * travels in request bodies; this row is what lets an attach tell the uploader's own photo from another
 * party's. Photos uploaded before this table existed have no row and cannot be attached again.
 */
export const platformPhotos = pgTable(
  "platform_photos",
  {
    /** The shelf (`cases`, `testing`, `gas-checks`): ids are unique within one. */
    kind: text().notNull(),
    id: text().notNull(),
    /** Null for the system actor. */
    uploadedBy: uuid(),
    /** The uploader's enterprise when it acts for one (enterprise, testing agency, gas company users). */
    enterpriseId: uuid(),
    /** Uploaded by the bureau side (admin, leader, inspector), which is one party. */
    cityWide: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);
