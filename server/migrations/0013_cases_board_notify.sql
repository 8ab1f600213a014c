-- Every change to a board count is announced on sc_cases_board at commit, so each server process can keep the
-- city's board in memory between changes (modules/cases/case.board-cache.ts). A statement that moves no count
-- (a description edit) announces nothing; PostgreSQL folds a transaction's identical notifications into one.
CREATE OR REPLACE FUNCTION cases_board_apply(delta_rows jsonb) RETURNS void AS $$
BEGIN
  IF jsonb_array_length(delta_rows) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO cases_board_counts AS b (project_id, state, grade, overdue, stop_active, n)
  SELECT (d->>'p')::uuid, d->>'s', d->>'g', (d->>'o')::boolean, (d->>'w')::boolean, (d->>'n')::int
  FROM jsonb_array_elements(delta_rows) d
  ON CONFLICT (project_id, state, grade, overdue, stop_active) DO UPDATE SET n = b.n + excluded.n;
  PERFORM pg_notify('sc_cases_board', '');
END
$$ LANGUAGE plpgsql;
