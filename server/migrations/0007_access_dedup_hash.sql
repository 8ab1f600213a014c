DROP INDEX "workforce_access_events_person_ts_idx";--> statement-breakpoint
DROP INDEX "workforce_access_events_dedup_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_access_events_dedup_uq" ON "workforce_access_events" USING btree ((md5("dedup_key")::uuid));