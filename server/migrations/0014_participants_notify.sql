-- An enterprise user's case board sums the counts of the projects its enterprise takes part in, so a change of a
-- project's participants changes that board: announced on the board channel like a count change (0013).
CREATE OR REPLACE FUNCTION registry_participants_notify_board() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('sc_cases_board', '');
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER registry_participants_board AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON registry_project_participants
  FOR EACH STATEMENT EXECUTE FUNCTION registry_participants_notify_board();
