CREATE TABLE "gas_cylinder_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cylinder_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"station_id" uuid,
	"staff_id" uuid,
	"customer_id" uuid,
	"actor_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "gas_cylinders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"type" text NOT NULL,
	"spec" text NOT NULL,
	"nominal_fill_kg" numeric(6, 2) NOT NULL,
	"maker" text DEFAULT '' NOT NULL,
	"serial_no" text DEFAULT '' NOT NULL,
	"manufactured_on" date NOT NULL,
	"design_life_years" integer DEFAULT 8 NOT NULL,
	"last_inspected_on" date,
	"next_inspection_on" date NOT NULL,
	"scrap_on" date NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"lost_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"customer_id" uuid,
	"last_fill_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_fill_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"station_id" uuid,
	"station_code" text NOT NULL,
	"cylinder_id" uuid,
	"cylinder_code" text NOT NULL,
	"allowed" boolean NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_fills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cylinder_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"filler_id" uuid,
	"filled_at" timestamp with time zone NOT NULL,
	"net_weight_kg" numeric(6, 2) NOT NULL,
	"allowed_fill_kg" numeric(6, 2) NOT NULL,
	"pre_check_ok" boolean NOT NULL,
	"post_check_ok" boolean NOT NULL,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"station_id" uuid,
	"role" text NOT NULL,
	"certificate_no" text,
	"certificate_valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"licence_no" text,
	"address" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gas_stations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "gas_anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedup_key" text NOT NULL,
	"cylinder_id" uuid,
	"customer_id" uuid,
	"station_id" uuid,
	"staff_id" uuid,
	"detected_at" timestamp with time zone NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_note" text,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"phone" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"contract_no" text,
	"last_check_on" date,
	"next_check_due" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cylinder_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"station_id" uuid,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"staff_id" uuid,
	"customer_id" uuid,
	"lat" double precision,
	"lng" double precision,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_safety_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"checker_id" uuid,
	"alarm_fitted" boolean NOT NULL,
	"hose_ok" boolean NOT NULL,
	"valve_ok" boolean NOT NULL,
	"passed" boolean NOT NULL,
	"next_due_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_patrol_hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"patrol_id" uuid,
	"pipeline_id" uuid,
	"kind" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_patrol_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pressure_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"pipeline_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"interval_days" integer NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_patrols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"enterprise_id" uuid NOT NULL,
	"patroller_id" uuid,
	"patroller_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"track" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_length_m" double precision DEFAULT 0 NOT NULL,
	"covered_length_m" double precision DEFAULT 0 NOT NULL,
	"coverage_pct" double precision DEFAULT 0 NOT NULL,
	"coverage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gas_pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"pressure_class" text NOT NULL,
	"material" text NOT NULL,
	"diameter_mm" integer,
	"laid_on" date,
	"coordinates" jsonb NOT NULL,
	"length_m" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"min_lng" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gas_pipelines_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "gas_site_links" (
	"project_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"distance_m" double precision NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gas_site_links_project_id_pipeline_id_pk" PRIMARY KEY("project_id","pipeline_id")
);
--> statement-breakpoint
CREATE TABLE "gas_detector_readings" (
	"device_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"ch4_ppm" double precision NOT NULL,
	"background_ppm" double precision NOT NULL,
	CONSTRAINT "gas_detector_readings_device_id_ts_pk" PRIMARY KEY("device_id","ts")
);
--> statement-breakpoint
CREATE TABLE "gas_leak_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"device_id" uuid,
	"detected_at" timestamp with time zone NOT NULL,
	"last_detected_at" timestamp with time zone NOT NULL,
	"readings" integer DEFAULT 1 NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"ppm" double precision NOT NULL,
	"background_ppm" double precision NOT NULL,
	"state" text DEFAULT 'suspect' NOT NULL,
	"level" text DEFAULT 'suspect' NOT NULL,
	"recheck_ppm" double precision,
	"recheck_at" timestamp with time zone,
	"recheck_enclosed" boolean,
	"recheck_by" text,
	"recheck_note" text,
	"pipeline_id" uuid,
	"pipeline_distance_m" double precision,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases_cases" ALTER COLUMN "project_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "iot_devices" ALTER COLUMN "project_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "iot_devices" ADD COLUMN "enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "testing_commissions" ADD COLUMN "batch_tonnes" numeric(8, 2);--> statement-breakpoint
ALTER TABLE "gas_cylinders" ADD CONSTRAINT "gas_cylinders_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_cylinders" ADD CONSTRAINT "gas_cylinders_station_id_gas_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."gas_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_fills" ADD CONSTRAINT "gas_fills_cylinder_id_gas_cylinders_id_fk" FOREIGN KEY ("cylinder_id") REFERENCES "public"."gas_cylinders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_fills" ADD CONSTRAINT "gas_fills_station_id_gas_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."gas_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_fills" ADD CONSTRAINT "gas_fills_filler_id_gas_staff_id_fk" FOREIGN KEY ("filler_id") REFERENCES "public"."gas_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_staff" ADD CONSTRAINT "gas_staff_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_staff" ADD CONSTRAINT "gas_staff_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_staff" ADD CONSTRAINT "gas_staff_station_id_gas_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."gas_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_stations" ADD CONSTRAINT "gas_stations_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_anomalies" ADD CONSTRAINT "gas_anomalies_cylinder_id_gas_cylinders_id_fk" FOREIGN KEY ("cylinder_id") REFERENCES "public"."gas_cylinders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_anomalies" ADD CONSTRAINT "gas_anomalies_customer_id_gas_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."gas_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_anomalies" ADD CONSTRAINT "gas_anomalies_station_id_gas_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."gas_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_anomalies" ADD CONSTRAINT "gas_anomalies_staff_id_gas_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."gas_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_customers" ADD CONSTRAINT "gas_customers_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_deliveries" ADD CONSTRAINT "gas_deliveries_cylinder_id_gas_cylinders_id_fk" FOREIGN KEY ("cylinder_id") REFERENCES "public"."gas_cylinders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_deliveries" ADD CONSTRAINT "gas_deliveries_station_id_gas_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."gas_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_deliveries" ADD CONSTRAINT "gas_deliveries_staff_id_gas_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."gas_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_deliveries" ADD CONSTRAINT "gas_deliveries_customer_id_gas_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."gas_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_safety_checks" ADD CONSTRAINT "gas_safety_checks_customer_id_gas_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."gas_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_safety_checks" ADD CONSTRAINT "gas_safety_checks_checker_id_gas_staff_id_fk" FOREIGN KEY ("checker_id") REFERENCES "public"."gas_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_patrol_hazards" ADD CONSTRAINT "gas_patrol_hazards_patrol_id_gas_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."gas_patrols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_patrol_hazards" ADD CONSTRAINT "gas_patrol_hazards_pipeline_id_gas_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."gas_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_patrol_plans" ADD CONSTRAINT "gas_patrol_plans_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_patrols" ADD CONSTRAINT "gas_patrols_plan_id_gas_patrol_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."gas_patrol_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_patrols" ADD CONSTRAINT "gas_patrols_patroller_id_registry_persons_id_fk" FOREIGN KEY ("patroller_id") REFERENCES "public"."registry_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_pipelines" ADD CONSTRAINT "gas_pipelines_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_site_links" ADD CONSTRAINT "gas_site_links_project_id_registry_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."registry_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_site_links" ADD CONSTRAINT "gas_site_links_pipeline_id_gas_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."gas_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_leak_points" ADD CONSTRAINT "gas_leak_points_device_id_iot_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."iot_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gas_leak_points" ADD CONSTRAINT "gas_leak_points_pipeline_id_gas_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."gas_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gas_cylinder_events_cylinder_idx" ON "gas_cylinder_events" USING btree ("cylinder_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "gas_cylinders_code_uq" ON "gas_cylinders" USING btree ("code");--> statement-breakpoint
CREATE INDEX "gas_cylinders_station_idx" ON "gas_cylinders" USING btree ("station_id","status");--> statement-breakpoint
CREATE INDEX "gas_cylinders_enterprise_idx" ON "gas_cylinders" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "gas_cylinders_next_inspection_idx" ON "gas_cylinders" USING btree ("next_inspection_on") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "gas_cylinders_customer_idx" ON "gas_cylinders" USING btree ("customer_id") WHERE customer_id is not null;--> statement-breakpoint
CREATE INDEX "gas_fill_checks_station_idx" ON "gas_fill_checks" USING btree ("station_code","at");--> statement-breakpoint
CREATE INDEX "gas_fill_checks_refused_idx" ON "gas_fill_checks" USING btree ("at") WHERE not allowed;--> statement-breakpoint
CREATE UNIQUE INDEX "gas_fills_cylinder_at_uq" ON "gas_fills" USING btree ("cylinder_id","filled_at");--> statement-breakpoint
CREATE INDEX "gas_fills_station_idx" ON "gas_fills" USING btree ("station_id","filled_at");--> statement-breakpoint
CREATE INDEX "gas_fills_enterprise_idx" ON "gas_fills" USING btree ("enterprise_id","filled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gas_staff_person_role_uq" ON "gas_staff" USING btree ("person_id","role");--> statement-breakpoint
CREATE INDEX "gas_staff_enterprise_idx" ON "gas_staff" USING btree ("enterprise_id","role");--> statement-breakpoint
CREATE INDEX "gas_stations_enterprise_idx" ON "gas_stations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gas_anomalies_open_uq" ON "gas_anomalies" USING btree ("dedup_key") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "gas_anomalies_dedup_idx" ON "gas_anomalies" USING btree ("dedup_key");--> statement-breakpoint
CREATE INDEX "gas_anomalies_enterprise_idx" ON "gas_anomalies" USING btree ("enterprise_id","state","detected_at");--> statement-breakpoint
CREATE INDEX "gas_anomalies_kind_idx" ON "gas_anomalies" USING btree ("kind","detected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gas_customers_code_uq" ON "gas_customers" USING btree ("enterprise_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "gas_customers_id_number_uq" ON "gas_customers" USING btree ("enterprise_id","id_number");--> statement-breakpoint
CREATE INDEX "gas_customers_next_check_idx" ON "gas_customers" USING btree ("next_check_due") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "gas_deliveries_step_uq" ON "gas_deliveries" USING btree ("cylinder_id","step","at");--> statement-breakpoint
CREATE INDEX "gas_deliveries_enterprise_idx" ON "gas_deliveries" USING btree ("enterprise_id","at");--> statement-breakpoint
CREATE INDEX "gas_deliveries_customer_idx" ON "gas_deliveries" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "gas_deliveries_staff_idx" ON "gas_deliveries" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "gas_safety_checks_customer_idx" ON "gas_safety_checks" USING btree ("customer_id","checked_on");--> statement-breakpoint
CREATE INDEX "gas_safety_checks_photos_idx" ON "gas_safety_checks" USING gin ("photo_ids");--> statement-breakpoint
CREATE INDEX "gas_patrol_hazards_enterprise_idx" ON "gas_patrol_hazards" USING btree ("enterprise_id","found_at");--> statement-breakpoint
CREATE INDEX "gas_patrols_enterprise_idx" ON "gas_patrols" USING btree ("enterprise_id","started_at");--> statement-breakpoint
CREATE INDEX "gas_patrols_plan_idx" ON "gas_patrols" USING btree ("plan_id","started_at");--> statement-breakpoint
CREATE INDEX "gas_pipelines_enterprise_idx" ON "gas_pipelines" USING btree ("enterprise_id","pressure_class");--> statement-breakpoint
CREATE INDEX "gas_pipelines_bbox_idx" ON "gas_pipelines" USING btree ("min_lat","max_lat","min_lng","max_lng");--> statement-breakpoint
CREATE INDEX "gas_site_links_pipeline_idx" ON "gas_site_links" USING btree ("pipeline_id");--> statement-breakpoint
CREATE INDEX "gas_detector_readings_ts_idx" ON "gas_detector_readings" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "gas_leak_points_enterprise_idx" ON "gas_leak_points" USING btree ("enterprise_id","state","detected_at");--> statement-breakpoint
CREATE INDEX "gas_leak_points_device_idx" ON "gas_leak_points" USING btree ("device_id","detected_at");--> statement-breakpoint
ALTER TABLE "iot_devices" ADD CONSTRAINT "iot_devices_enterprise_id_registry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."registry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases_cases" ADD CONSTRAINT "cases_cases_subject_ck" CHECK (project_id is not null or enterprise_id is not null);--> statement-breakpoint
ALTER TABLE "iot_devices" ADD CONSTRAINT "iot_devices_owner_ck" CHECK (project_id is not null or enterprise_id is not null);