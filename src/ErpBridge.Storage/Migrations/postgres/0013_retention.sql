-- Retention: the purge deletes ALE audits that were sent (or only mark a document that is no IDoc) once they are old.
-- Those rows have no next attempt, so the due index orders them by nothing useful: this one finds the oldest first.
CREATE INDEX ix_idoc_audits_done ON idoc_audits (created_at) WHERE state IN ('Sent', 'NotIdoc');

-- Deleting a delivery checks that no audit row still points at it: an index by delivery keeps that check cheap
-- (IF NOT EXISTS: the PostgreSQL schema may carry SQLite's index of that name already).
CREATE INDEX IF NOT EXISTS ix_delivery_audit_delivery ON delivery_audit (delivery_id, audit_id);
