CREATE TABLE "platform_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"region" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "cases_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" text NOT NULL,
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"inspection_id" uuid,
	"source" text NOT NULL,
	"source_ref" text,
	"category" text NOT NULL,
	"grade" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone,
	"stop_work" text DEFAULT 'none' NOT NULL,
	"issuer_id" uuid,
	"issuer_name" text NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_cases_no_unique" UNIQUE("no")
);
--> statement-breakpoint
CREATE TABLE "cases_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text DEFAULT '' NOT NULL,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "cases_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"domain" text NOT NULL,
	"inspected_on" date NOT NULL,
	"template_id" uuid,
	"inspector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"inspector_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"score" integer,
	"summary" text DEFAULT '' NOT NULL,
	"plan_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases_inspector_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases_random_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"seed" text NOT NULL,
	"ratio_pct" integer NOT NULL,
	"domain" text NOT NULL,
	"targets" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "cases_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"items" jsonb NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"planned_on" text,
	"signoffs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"refused_reason" text,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_dangerous_work_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"work_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "safety_dangerous_works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"level" text NOT NULL,
	"level_clauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'identified' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"author_name" text,
	"gas_clearance" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_no" text NOT NULL,
	"model" text NOT NULL,
	"manufacturer" text DEFAULT '' NOT NULL,
	"rated_capacity_t" double precision NOT NULL,
	"owner_enterprise_id" uuid,
	"installer_enterprise_id" uuid,
	"installed_on" date,
	"inspection_valid_to" date,
	"use_registration_no" text,
	"device_id" uuid,
	"status" text DEFAULT 'in_use' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_equipment_operators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_expert_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"expert_ids" uuid[] NOT NULL,
	"held_on" date NOT NULL,
	"verdict" text NOT NULL,
	"opinion" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"specialty" text NOT NULL,
	"title" text NOT NULL,
	"years" integer NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "testing_agencies" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"qualification_no" text NOT NULL,
	"level" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_to" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testing_agencies_qualificationNo_unique" UNIQUE("qualification_no")
);
--> statement-breakpoint
CREATE TABLE "testing_commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" text NOT NULL,
	"project_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"sample_type" text NOT NULL,
	"spec" text DEFAULT '' NOT NULL,
	"strength_class" text,
	"lot_no" text,
	"part" text DEFAULT '' NOT NULL,
	"specimen_count" integer NOT NULL,
	"specimen_size_mm" integer,
	"witnessed" boolean DEFAULT false NOT NULL,
	"witness_person_id" uuid,
	"sampler_person_id" uuid,
	"sample_code" text,
	"sampled_at" timestamp with time zone,
	"sample_place" text,
	"sample_photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'commissioned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testing_commissions_no_unique" UNIQUE("no")
);
--> statement-breakpoint
CREATE TABLE "testing_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_no" text NOT NULL,
	"verify_code" text NOT NULL,
	"result_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conclusion" text NOT NULL,
	"signers" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"revisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testing_reports_reportNo_unique" UNIQUE("report_no"),
	CONSTRAINT "testing_reports_verifyCode_unique" UNIQUE("verify_code")
);
--> statement-breakpoint
CREATE TABLE "testing_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commission_id" uuid NOT NULL,
	"retest_of" uuid,
	"values" jsonb NOT NULL,
	"pass" boolean NOT NULL,
	"method" text NOT NULL,
	"figures" jsonb NOT NULL,
	"tested_on" date NOT NULL,
	"case_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_projects" ADD COLUMN "contract_signed_on" date;--> statement-breakpoint
ALTER TABLE "cases_cases" ADD CONSTRAINT "cases_cases_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_cases" ADD CONSTRAINT "cases_cases_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_cases" ADD CONSTRAINT "cases_cases_inspection_id_cases_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."cases_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_events" ADD CONSTRAINT "cases_events_case_id_cases_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_inspections" ADD CONSTRAINT "cases_inspections_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_inspections" ADD CONSTRAINT "cases_inspections_template_id_cases_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."cases_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_inspector_conflicts" ADD CONSTRAINT "cases_inspector_conflicts_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_acceptances" ADD CONSTRAINT "quality_acceptances_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_dangerous_work_events" ADD CONSTRAINT "safety_dangerous_work_events_work_id_safety_dangerous_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."safety_dangerous_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_dangerous_works" ADD CONSTRAINT "safety_dangerous_works_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_equipment" ADD CONSTRAINT "safety_equipment_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_equipment" ADD CONSTRAINT "safety_equipment_owner_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("owner_enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_equipment" ADD CONSTRAINT "safety_equipment_installer_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("installer_enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_equipment_operators" ADD CONSTRAINT "safety_equipment_operators_equipment_id_safety_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."safety_equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_equipment_operators" ADD CONSTRAINT "safety_equipment_operators_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_expert_reviews" ADD CONSTRAINT "safety_expert_reviews_work_id_safety_dangerous_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."safety_dangerous_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_experts" ADD CONSTRAINT "safety_experts_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_experts" ADD CONSTRAINT "safety_experts_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_agencies" ADD CONSTRAINT "testing_agencies_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_commissions" ADD CONSTRAINT "testing_commissions_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_commissions" ADD CONSTRAINT "testing_commissions_agency_id_registry_enterprises_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_commissions" ADD CONSTRAINT "testing_commissions_witness_person_id_registry_persons_id_fk" FOREIGN KEY ("witness_person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_commissions" ADD CONSTRAINT "testing_commissions_sampler_person_id_registry_persons_id_fk" FOREIGN KEY ("sampler_person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_reports" ADD CONSTRAINT "testing_reports_result_id_testing_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."testing_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_results" ADD CONSTRAINT "testing_results_commission_id_testing_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."testing_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_rules_version_uq" ON "platform_rules" USING btree ("code","region","version");--> statement-breakpoint
CREATE INDEX "cases_cases_board_idx" ON "cases_cases" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "cases_cases_project_idx" ON "cases_cases" USING btree ("project_id","state");--> statement-breakpoint
CREATE INDEX "cases_cases_enterprise_idx" ON "cases_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "cases_cases_deadline_idx" ON "cases_cases" USING btree ("deadline") WHERE state <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "cases_cases_source_uq" ON "cases_cases" USING btree ("source","source_ref") WHERE source_ref is not null and state <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_events_case_idx" ON "cases_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_inspections_project_idx" ON "cases_inspections" USING btree ("project_id","inspected_on");--> statement-breakpoint
CREATE INDEX "cases_inspections_date_idx" ON "cases_inspections" USING btree ("inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_conflicts_uq" ON "cases_inspector_conflicts" USING btree ("user_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "cases_notifications_user_idx" ON "cases_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_notifications_unread_idx" ON "cases_notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_templates_version_uq" ON "cases_templates" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_acceptances_uq" ON "quality_acceptances" USING btree ("project_id","milestone");--> statement-breakpoint
CREATE INDEX "quality_acceptances_state_idx" ON "quality_acceptances" USING btree ("state");--> statement-breakpoint
CREATE INDEX "safety_work_events_work_idx" ON "safety_dangerous_work_events" USING btree ("work_id","at");--> statement-breakpoint
CREATE INDEX "safety_works_project_idx" ON "safety_dangerous_works" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "safety_works_state_idx" ON "safety_dangerous_works" USING btree ("state","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_equipment_record_uq" ON "safety_equipment" USING btree ("record_no");--> statement-breakpoint
CREATE INDEX "safety_equipment_project_idx" ON "safety_equipment" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_operators_uq" ON "safety_equipment_operators" USING btree ("equipment_id","person_id","role");--> statement-breakpoint
CREATE INDEX "safety_operators_person_idx" ON "safety_equipment_operators" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "safety_reviews_work_idx" ON "safety_expert_reviews" USING btree ("work_id");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_experts_person_uq" ON "safety_experts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "testing_commissions_project_idx" ON "testing_commissions" USING btree ("project_id","sample_type");--> statement-breakpoint
CREATE INDEX "testing_commissions_agency_idx" ON "testing_commissions" USING btree ("agency_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "testing_commissions_sample_code_uq" ON "testing_commissions" USING btree ("sample_code") WHERE sample_code is not null;--> statement-breakpoint
CREATE INDEX "testing_reports_result_idx" ON "testing_reports" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "testing_results_commission_idx" ON "testing_results" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "testing_results_fail_idx" ON "testing_results" USING btree ("created_at") WHERE not pass;