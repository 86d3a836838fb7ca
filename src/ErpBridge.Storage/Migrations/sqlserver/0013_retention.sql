-- Retention: the purge deletes ALE audits that were sent (or only mark a document that is no IDoc) once they are old.
-- Those rows have no next attempt, so the due index orders them by nothing useful: this one finds the oldest first.
CREATE INDEX ix_idoc_audits_done ON dbo.idoc_audits (created_at) WHERE state IN (N'Sent', N'NotIdoc');

-- Deleting a delivery checks that no audit row still points at it; without an index by delivery that check reads the
-- whole audit table for every purge batch (SQLite has this index since migration 0001).
CREATE INDEX ix_delivery_audit_delivery ON dbo.delivery_audit (delivery_id);
