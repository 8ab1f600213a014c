CREATE TABLE "cases_board_counts" (
	"project_id" uuid NOT NULL,
	"state" text NOT NULL,
	"grade" text NOT NULL,
	"overdue" boolean NOT NULL,
	"stop_active" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "cases_board_counts_project_id_state_grade_overdue_stop_active_pk" PRIMARY KEY("project_id","state","grade","overdue","stop_active")
);
--> statement-breakpoint
CREATE INDEX "cases_cases_closed_idx" ON "cases_cases" USING btree ("closed_at","project_id") WHERE state = 'closed';--> statement-breakpoint
CREATE INDEX "cases_cases_photos_idx" ON "cases_cases" USING gin ("photo_ids");--> statement-breakpoint
CREATE INDEX "cases_events_photos_idx" ON "cases_events" USING gin ("photo_ids");