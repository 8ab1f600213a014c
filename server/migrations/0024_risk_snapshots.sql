CREATE TABLE "risk_snapshots" (
	"project_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" integer NOT NULL,
	"level" text NOT NULL,
	"factors" jsonb NOT NULL,
	"rule_version" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_snapshots_project_id_day_pk" PRIMARY KEY("project_id","day")
);
--> statement-breakpoint
ALTER TABLE "risk_snapshots" ADD CONSTRAINT "risk_snapshots_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_snapshots_day_score_idx" ON "risk_snapshots" USING btree ("day","score");