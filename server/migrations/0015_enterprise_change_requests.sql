CREATE TABLE "registry_enterprise_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"proposed" jsonb NOT NULL,
	"base" jsonb NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_enterprise_change_requests" ADD CONSTRAINT "registry_enterprise_change_requests_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_change_requests_enterprise_idx" ON "registry_enterprise_change_requests" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "registry_change_requests_state_idx" ON "registry_enterprise_change_requests" USING btree ("state","created_at");