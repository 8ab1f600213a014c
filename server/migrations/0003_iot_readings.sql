-- Raw device readings, partitioned by day (UTC) so that retention drops whole partitions instead of
-- deleting rows. drizzle-kit cannot express partitioning, hence this hand-written migration; the
-- table's shape for queries is in server/src/modules/iot/readings.table.ts.
-- The primary key makes storage idempotent: a redelivered reading (same device, metric, ts) is stored once.
CREATE TABLE iot_readings (
  device_id uuid NOT NULL,
  metric text NOT NULL,
  ts timestamptz NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, metric, ts)
) PARTITION BY RANGE (ts);
--> statement-breakpoint
-- Creates the partition holding one UTC day if it does not exist yet; safe to call from many processes at once.
CREATE OR REPLACE FUNCTION iot_ensure_reading_partition(day date) RETURNS void AS $$
DECLARE
  part text := 'iot_readings_' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass(part) IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(7240041);
  -- Another process may have created it while we waited for the lock, in a transaction our snapshot
  -- predates: creating it again then fails with duplicate_table, which means it exists.
  BEGIN
    EXECUTE format('CREATE TABLE %I PARTITION OF iot_readings FOR VALUES FROM (%L) TO (%L)',
      part, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
  EXCEPTION WHEN duplicate_table THEN
    NULL;
  END;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Drops every daily partition that ends before `cutoff` (retention); returns the names dropped.
CREATE OR REPLACE FUNCTION iot_drop_reading_partitions(cutoff date) RETURNS SETOF text AS $$
DECLARE
  part text;
BEGIN
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'iot_readings'::regclass AND c.relname ~ '^iot_readings_\d{8}$'
      AND to_date(substr(c.relname, 14), 'YYYYMMDD') + 1 <= cutoff
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE %I', part);
    RETURN NEXT part;
  END LOOP;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Every process caches devices by code for MQTT authentication and ingest; a change to what the cache
-- holds is announced on sc_iot_device with the code (old and new). Ingest's own updates (last seen,
-- online, rejection counts) touch none of these columns, so they announce nothing.
CREATE OR REPLACE FUNCTION iot_device_notify_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('sc_iot_device', COALESCE(NEW.code, OLD.code));
  IF TG_OP = 'UPDATE' AND OLD.code IS DISTINCT FROM NEW.code THEN
    PERFORM pg_notify('sc_iot_device', OLD.code);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER iot_devices_changed AFTER UPDATE OF code, secret_hash, enabled, report_interval_s, project_id, type OR DELETE ON iot_devices
  FOR EACH ROW EXECUTE FUNCTION iot_device_notify_change();
