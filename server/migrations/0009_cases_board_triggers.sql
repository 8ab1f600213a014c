-- The case board's counts (cases_board_counts) kept in step with cases_cases by statement-level triggers:
-- each statement adds its new rows and takes away its old ones, grouped by the board's key, in the same
-- transaction. drizzle-kit cannot express triggers, hence this hand-written migration.
CREATE OR REPLACE FUNCTION cases_board_apply(delta_rows jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO cases_board_counts AS b (project_id, state, grade, overdue, stop_active, n)
  SELECT (d->>'p')::uuid, d->>'s', d->>'g', (d->>'o')::boolean, (d->>'w')::boolean, (d->>'n')::int
  FROM jsonb_array_elements(delta_rows) d
  ON CONFLICT (project_id, state, grade, overdue, stop_active) DO UPDATE SET n = b.n + excluded.n;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_board_on_insert() RETURNS trigger AS $$
BEGIN
  PERFORM cases_board_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('p', project_id, 's', state, 'g', grade, 'o', overdue, 'w', stop_active, 'n', n))
    FROM (SELECT project_id, state, grade, overdue_at IS NOT NULL AS overdue, stop_work IN ('ordered', 'resume_applied') AS stop_active, count(*) AS n
          FROM new_rows GROUP BY 1, 2, 3, 4, 5) g), '[]'::jsonb));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_board_on_delete() RETURNS trigger AS $$
BEGIN
  PERFORM cases_board_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('p', project_id, 's', state, 'g', grade, 'o', overdue, 'w', stop_active, 'n', -n))
    FROM (SELECT project_id, state, grade, overdue_at IS NOT NULL AS overdue, stop_work IN ('ordered', 'resume_applied') AS stop_active, count(*) AS n
          FROM old_rows GROUP BY 1, 2, 3, 4, 5) g), '[]'::jsonb));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_board_on_update() RETURNS trigger AS $$
BEGIN
  PERFORM cases_board_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('p', project_id, 's', state, 'g', grade, 'o', overdue, 'w', stop_active, 'n', n))
    FROM (SELECT project_id, state, grade, overdue, stop_active, sum(d) AS n FROM (
            SELECT project_id, state, grade, overdue_at IS NOT NULL AS overdue, stop_work IN ('ordered', 'resume_applied') AS stop_active, 1 AS d FROM new_rows
            UNION ALL
            SELECT project_id, state, grade, overdue_at IS NOT NULL, stop_work IN ('ordered', 'resume_applied'), -1 FROM old_rows) x
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0) g), '[]'::jsonb));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_board_insert AFTER INSERT ON cases_cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cases_board_on_insert();
--> statement-breakpoint
CREATE TRIGGER cases_board_delete AFTER DELETE ON cases_cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cases_board_on_delete();
--> statement-breakpoint
CREATE TRIGGER cases_board_update AFTER UPDATE ON cases_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cases_board_on_update();
--> statement-breakpoint
-- Cases that exist already.
INSERT INTO cases_board_counts (project_id, state, grade, overdue, stop_active, n)
SELECT project_id, state, grade, overdue_at IS NOT NULL, stop_work IN ('ordered', 'resume_applied'), count(*)
FROM cases_cases GROUP BY 1, 2, 3, 4, 5;
