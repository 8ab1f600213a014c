CREATE INDEX "cases_cases_open_idx" ON "cases_cases" USING btree ("state","grade","overdue_at","project_id") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_cases_closed_idx" ON "cases_cases" USING btree ("closed_at","project_id") WHERE state = 'closed';--> statement-breakpoint
CREATE INDEX "cases_cases_stop_work_idx" ON "cases_cases" USING btree ("project_id") WHERE stop_work in ('ordered', 'resume_applied');--> statement-breakpoint
CREATE INDEX "cases_cases_photos_idx" ON "cases_cases" USING gin ("photo_ids");--> statement-breakpoint
CREATE INDEX "cases_events_photos_idx" ON "cases_events" USING gin ("photo_ids");