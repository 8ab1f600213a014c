-- Cases may now stand outside any construction project (gas: a pipeline, a leak, a station; then the
-- responsible enterprise is required). The board's counts key such cases under the nil uuid, which no
-- project has: city-wide readers count them, project-scoped readers never see them.
CREATE OR REPLACE FUNCTION cases_board_on_insert() RETURNS trigger AS $$
BEGIN
  PERFORM cases_board_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('p', project_id, 's', state, 'g', grade, 'o', overdue, 'w', stop_active, 'n', n))
    FROM (SELECT coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid) AS project_id, state, grade, overdue_at IS NOT NULL AS overdue, stop_work IN ('ordered', 'resume_applied') AS stop_active, count(*) AS n
          FROM new_rows GROUP BY 1, 2, 3, 4, 5) g), '[]'::jsonb));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_board_on_delete() RETURNS trigger AS $$
BEGIN
  PERFORM cases_board_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('p', project_id, 's', state, 'g', grade, 'o', overdue, 'w', stop_active, 'n', -n))
    FROM (SELECT coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid) AS project_id, state, grade, overdue_at IS NOT NULL AS overdue, stop_work IN ('ordered', 'resume_applied') AS stop_active, count(*) AS n
          FROM old_rows GROUP BY 1, 2, 3, 4, 5) g), '[]'::jsonb));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_board_on_update() RETURNS trigger AS $$
BEGIN
  PERFORM cases_board_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('p', project_id, 's', state, 'g', grade, 'o', overdue, 'w', stop_active, 'n', n))
    FROM (SELECT project_id, state, grade, overdue, stop_active, sum(d) AS n FROM (
            SELECT coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid) AS project_id, state, grade, overdue_at IS NOT NULL AS overdue, stop_work IN ('ordered', 'resume_applied') AS stop_active, 1 AS d FROM new_rows
            UNION ALL
            SELECT coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid) AS project_id, state, grade, overdue_at IS NOT NULL, stop_work IN ('ordered', 'resume_applied'), -1 FROM old_rows) x
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0) g), '[]'::jsonb));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
