CREATE TABLE "reports_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"trigger" text NOT NULL,
	"headline" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports_subscriptions" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_subscriptions_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reports_reports_period_uq" ON "reports_reports" USING btree ("kind","period_from","period_to");--> statement-breakpoint
CREATE INDEX "reports_reports_period_to_idx" ON "reports_reports" USING btree ("period_to");