CREATE TABLE "iot_alarm_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alarm_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"severity" text,
	"value" double precision,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "iot_alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"rule_id" uuid,
	"rule_code" text NOT NULL,
	"rule_name" text NOT NULL,
	"metric" text,
	"severity" text NOT NULL,
	"value" double precision,
	"peak_value" double precision,
	"threshold" double precision,
	"count" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acked_at" timestamp with time zone,
	"acked_by" text,
	"cleared_at" timestamp with time zone,
	"cleared_by" text,
	"assignee_id" uuid,
	"assignee_name" text
);
--> statement-breakpoint
CREATE TABLE "iot_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"operator_id" uuid,
	"operator_name" text,
	"alarm_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"acked_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "iot_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"type" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"model" text,
	"vendor" text,
	"location" text,
	"report_interval_s" integer DEFAULT 60 NOT NULL,
	"equipment_ref" text,
	"stream_url" text,
	"secret_hash" text NOT NULL,
	"secret_rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"last_seen_at" timestamp with time zone,
	"rejected_count" bigint DEFAULT 0 NOT NULL,
	"rejections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_rejected_at" timestamp with time zone,
	"last_rejected_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iot_latest" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "iot_latest_device_id_metric_pk" PRIMARY KEY("device_id","metric")
);
--> statement-breakpoint
CREATE TABLE "iot_rollup_1h" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"energy_sum" double precision,
	CONSTRAINT "iot_rollup_1h_device_id_metric_bucket_pk" PRIMARY KEY("device_id","metric","bucket")
);
--> statement-breakpoint
CREATE TABLE "iot_rollup_1m" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"energy_sum" double precision,
	CONSTRAINT "iot_rollup_1m_device_id_metric_bucket_pk" PRIMARY KEY("device_id","metric","bucket")
);
--> statement-breakpoint
CREATE TABLE "iot_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"device_type" text NOT NULL,
	"region" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"aggregation" text DEFAULT 'last' NOT NULL,
	"window_s" integer DEFAULT 0 NOT NULL,
	"direction" text DEFAULT 'above' NOT NULL,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hysteresis" double precision DEFAULT 0 NOT NULL,
	"period" text DEFAULT 'all' NOT NULL,
	"missed_intervals" integer,
	"action" text,
	"source" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"effective_from" timestamp with time zone DEFAULT now() NOT NULL,
	"effective_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
ALTER TABLE "iot_alarm_events" ADD CONSTRAINT "iot_alarm_events_alarm_id_iot_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."iot_alarms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_alarms" ADD CONSTRAINT "iot_alarms_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_alarms" ADD CONSTRAINT "iot_alarms_device_id_iot_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."iot_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_alarms" ADD CONSTRAINT "iot_alarms_rule_id_iot_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."iot_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_commands" ADD CONSTRAINT "iot_commands_device_id_iot_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."iot_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_devices" ADD CONSTRAINT "iot_devices_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iot_alarm_events_alarm_idx" ON "iot_alarm_events" USING btree ("alarm_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "iot_alarms_active_uq" ON "iot_alarms" USING btree ("device_id","rule_code") WHERE cleared_at is null;--> statement-breakpoint
CREATE INDEX "iot_alarms_project_idx" ON "iot_alarms" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "iot_alarms_started_idx" ON "iot_alarms" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "iot_alarms_open_idx" ON "iot_alarms" USING btree ("severity") WHERE cleared_at is null or acked_at is null;--> statement-breakpoint
CREATE INDEX "iot_commands_device_idx" ON "iot_commands" USING btree ("device_id","created_at");--> statement-breakpoint
CREATE INDEX "iot_commands_project_idx" ON "iot_commands" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "iot_commands_open_idx" ON "iot_commands" USING btree ("status") WHERE status in ('pending', 'sent');--> statement-breakpoint
CREATE UNIQUE INDEX "iot_devices_code_uq" ON "iot_devices" USING btree ("code");--> statement-breakpoint
CREATE INDEX "iot_devices_project_idx" ON "iot_devices" USING btree ("project_id","type");--> statement-breakpoint
CREATE INDEX "iot_devices_last_seen_idx" ON "iot_devices" USING btree ("last_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "iot_rules_version_uq" ON "iot_rules" USING btree ("code","region","version");