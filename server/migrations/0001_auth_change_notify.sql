-- Every change to who a user is, or to their sessions and tokens, is announced on the channel
-- sc_auth_changed with the user's id, so each server process can drop what it cached for that user
-- (platform/auth/actor-cache.ts). Triggers catch changes made by any process or by hand in SQL.
CREATE OR REPLACE FUNCTION sc_auth_notify_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('sc_auth_changed', to_jsonb(COALESCE(NEW, OLD)) ->> TG_ARGV[0]);
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> TG_ARGV[0]) IS DISTINCT FROM (to_jsonb(NEW) ->> TG_ARGV[0]) THEN
    PERFORM pg_notify('sc_auth_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER auth_users_changed AFTER UPDATE OR DELETE ON auth_users FOR EACH ROW EXECUTE FUNCTION sc_auth_notify_change('id');
--> statement-breakpoint
CREATE TRIGGER auth_user_projects_changed AFTER INSERT OR UPDATE OR DELETE ON auth_user_projects FOR EACH ROW EXECUTE FUNCTION sc_auth_notify_change('user_id');
--> statement-breakpoint
CREATE TRIGGER auth_sessions_changed AFTER UPDATE OR DELETE ON auth_sessions FOR EACH ROW EXECUTE FUNCTION sc_auth_notify_change('user_id');
--> statement-breakpoint
CREATE TRIGGER auth_api_tokens_changed AFTER UPDATE OR DELETE ON auth_api_tokens FOR EACH ROW EXECUTE FUNCTION sc_auth_notify_change('user_id');
