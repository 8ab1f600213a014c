CREATE TABLE "workforce_access_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid,
	"worker_id" uuid,
	"direction" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"similarity" double precision,
	"result" text NOT NULL,
	"subject" text,
	"snapshot_path" text,
	"dedup_key" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_attendance_days" (
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"day" date NOT NULL,
	"worker_id" uuid,
	"first_in" timestamp with time zone,
	"last_out" timestamp with time zone,
	"last_ts" timestamp with time zone NOT NULL,
	"last_direction" text NOT NULL,
	"passages" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_blacklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_payrolls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"month" text NOT NULL,
	"days" integer,
	"gross" numeric(12, 2) NOT NULL,
	"net" numeric(12, 2) NOT NULL,
	"paid_on" date,
	"bank_ref" text,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trade" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"project_id" uuid,
	"kind" text NOT NULL,
	"hours" double precision NOT NULL,
	"score" double precision,
	"passed" boolean NOT NULL,
	"trained_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_wage_accounts" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"bank_name" text NOT NULL,
	"account_name" text NOT NULL,
	"account_no" text NOT NULL,
	"opened_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_no" text NOT NULL,
	"person_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"team_id" uuid,
	"trade" text NOT NULL,
	"is_team_leader" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"contract_signed_on" date,
	"contract_start" date,
	"contract_end" date,
	"wage_standard" numeric(12, 2),
	"wage_unit" text,
	"bank_name" text,
	"bank_card" text,
	"photo_path" text,
	"entered_on" date,
	"exited_on" date,
	"exit_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workforce_blacklist" ADD CONSTRAINT "workforce_blacklist_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_payrolls" ADD CONSTRAINT "workforce_payrolls_worker_id_workforce_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workforce_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_teams" ADD CONSTRAINT "workforce_teams_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_teams" ADD CONSTRAINT "workforce_teams_employer_id_registry_enterprises_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_trainings" ADD CONSTRAINT "workforce_trainings_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_trainings" ADD CONSTRAINT "workforce_trainings_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_wage_accounts" ADD CONSTRAINT "workforce_wage_accounts_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_workers" ADD CONSTRAINT "workforce_workers_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_workers" ADD CONSTRAINT "workforce_workers_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_workers" ADD CONSTRAINT "workforce_workers_employer_id_registry_enterprises_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_workers" ADD CONSTRAINT "workforce_workers_team_id_workforce_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."workforce_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_access_events_dedup_uq" ON "workforce_access_events" USING btree ("dedup_key");--> statement-breakpoint
CREATE INDEX "workforce_access_events_project_ts_idx" ON "workforce_access_events" USING btree ("project_id","ts");--> statement-breakpoint
CREATE INDEX "workforce_access_events_person_ts_idx" ON "workforce_access_events" USING btree ("person_id","ts");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_attendance_days_pk" ON "workforce_attendance_days" USING btree ("project_id","person_id","day");--> statement-breakpoint
CREATE INDEX "workforce_attendance_days_day_idx" ON "workforce_attendance_days" USING btree ("day","project_id");--> statement-breakpoint
CREATE INDEX "workforce_blacklist_person_idx" ON "workforce_blacklist" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_payrolls_worker_month_uq" ON "workforce_payrolls" USING btree ("worker_id","month");--> statement-breakpoint
CREATE INDEX "workforce_payrolls_project_month_idx" ON "workforce_payrolls" USING btree ("project_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_teams_name_uq" ON "workforce_teams" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "workforce_trainings_person_idx" ON "workforce_trainings" USING btree ("person_id","trained_on");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_workers_no_uq" ON "workforce_workers" USING btree ("worker_no");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_workers_live_uq" ON "workforce_workers" USING btree ("person_id","project_id") WHERE status <> 'exited';--> statement-breakpoint
CREATE INDEX "workforce_workers_project_idx" ON "workforce_workers" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "workforce_workers_team_idx" ON "workforce_workers" USING btree ("team_id");