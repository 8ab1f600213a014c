CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "auth_api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "auth_login_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "auth_login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "auth_user_projects" (
	"user_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "auth_user_projects_user_id_project_id_pk" PRIMARY KEY("user_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "auth_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"domain" text,
	"enterprise_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "platform_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"specialty" text,
	"level" text,
	"cert_no" text NOT NULL,
	"issued_on" date,
	"expires_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"type" text NOT NULL,
	"legal_rep" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"district" text,
	"contact_name" text,
	"contact_phone" text,
	"status" text DEFAULT 'normal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_enterprises_creditCode_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "registry_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"mobile" text,
	"employer_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_persons_idNumber_unique" UNIQUE("id_number")
);
--> statement-breakpoint
CREATE TABLE "registry_project_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_project_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"post" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"district" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"area_m_2" numeric(14, 2),
	"contract_value_wan" numeric(14, 2),
	"permit_no" text,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"status" text DEFAULT 'approved' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_projects_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "registry_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"category" text NOT NULL,
	"grade" text NOT NULL,
	"cert_no" text NOT NULL,
	"issued_on" date,
	"expires_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_api_tokens" ADD CONSTRAINT "auth_api_tokens_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_user_projects" ADD CONSTRAINT "auth_user_projects_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_certificates" ADD CONSTRAINT "registry_certificates_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_persons" ADD CONSTRAINT "registry_persons_employer_id_registry_enterprises_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_project_participants" ADD CONSTRAINT "registry_project_participants_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_project_participants" ADD CONSTRAINT "registry_project_participants_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_project_posts" ADD CONSTRAINT "registry_project_posts_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_project_posts" ADD CONSTRAINT "registry_project_posts_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_project_posts" ADD CONSTRAINT "registry_project_posts_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_qualifications" ADD CONSTRAINT "registry_qualifications_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "auth_login_failures_username_at_idx" ON "auth_login_failures" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "registry_certificates_person_idx" ON "registry_certificates" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_certificates_kind_no_uq" ON "registry_certificates" USING btree ("kind","cert_no");--> statement-breakpoint
CREATE INDEX "registry_enterprises_type_idx" ON "registry_enterprises" USING btree ("type");--> statement-breakpoint
CREATE INDEX "registry_enterprises_name_idx" ON "registry_enterprises" USING btree ("name");--> statement-breakpoint
CREATE INDEX "registry_enterprises_updated_idx" ON "registry_enterprises" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "registry_persons_employer_idx" ON "registry_persons" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "registry_persons_name_idx" ON "registry_persons" USING btree ("name");--> statement-breakpoint
CREATE INDEX "registry_persons_updated_idx" ON "registry_persons" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_participants_uq" ON "registry_project_participants" USING btree ("project_id","enterprise_id","role");--> statement-breakpoint
CREATE INDEX "registry_participants_enterprise_idx" ON "registry_project_participants" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "registry_posts_project_idx" ON "registry_project_posts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "registry_posts_person_idx" ON "registry_project_posts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "registry_projects_status_idx" ON "registry_projects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "registry_projects_district_idx" ON "registry_projects" USING btree ("district");--> statement-breakpoint
CREATE INDEX "registry_projects_type_idx" ON "registry_projects" USING btree ("type");--> statement-breakpoint
CREATE INDEX "registry_projects_updated_idx" ON "registry_projects" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "registry_qualifications_enterprise_idx" ON "registry_qualifications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_qualifications_cert_no_uq" ON "registry_qualifications" USING btree ("cert_no");