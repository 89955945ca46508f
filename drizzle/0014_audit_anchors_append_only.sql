-- Hand-written: the anchors are evidence like the audit log itself, so the database refuses to
-- change or remove one (the same protection as 0001 gives audit_log). What gets past this (a
-- superuser disabling the trigger) is caught by `ariadne audit verify`: every anchor is recorded by
-- an audit entry, and a removed anchor no longer matches the entry that names it.
CREATE OR REPLACE FUNCTION audit_anchors_forbid_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_anchors is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_anchors_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchors_forbid_change();
