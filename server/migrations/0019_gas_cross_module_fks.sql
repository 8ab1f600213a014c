ALTER TABLE "gas_anomalies" DROP CONSTRAINT "gas_anomalies_cylinder_id_gas_cylinders_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_anomalies" DROP CONSTRAINT "gas_anomalies_station_id_gas_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_anomalies" DROP CONSTRAINT "gas_anomalies_staff_id_gas_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_deliveries" DROP CONSTRAINT "gas_deliveries_cylinder_id_gas_cylinders_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_deliveries" DROP CONSTRAINT "gas_deliveries_station_id_gas_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_deliveries" DROP CONSTRAINT "gas_deliveries_staff_id_gas_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_safety_checks" DROP CONSTRAINT "gas_safety_checks_checker_id_gas_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_leak_points" DROP CONSTRAINT "gas_leak_points_device_id_iot_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "gas_leak_points" DROP CONSTRAINT "gas_leak_points_pipeline_id_gas_pipelines_id_fk";
