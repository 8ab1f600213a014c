CREATE TABLE "safety_dangerous_work_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"revision" integer NOT NULL,
	"file_name" text NOT NULL,
	"path" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "safety_dangerous_works" ADD COLUMN "drafter_enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "safety_dangerous_works" ADD COLUMN "drafter_signed_revision" integer;--> statement-breakpoint
ALTER TABLE "safety_dangerous_work_files" ADD CONSTRAINT "safety_dangerous_work_files_work_id_safety_dangerous_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."safety_dangerous_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safety_work_files_work_idx" ON "safety_dangerous_work_files" USING btree ("work_id","kind","revision");--> statement-breakpoint
ALTER TABLE "safety_dangerous_works" ADD CONSTRAINT "safety_dangerous_works_drafter_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("drafter_enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;