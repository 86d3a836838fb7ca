-- Retention: the purge deletes ALE audits that were sent (or only mark a document that is no IDoc) once they are old.
-- Those rows have no next attempt, so the due index orders them by nothing useful: this one finds the oldest first.
CREATE INDEX ix_idoc_audits_done ON idoc_audits (created_at) WHERE state IN ('Sent', 'NotIdoc');
