-- ALE audits back to SAP: one row per received document whose outcome is known, written once, holding the audit IDoc
-- (ALEAUD01) exactly as it is sent on every retry until the ERP takes it.
-- state: 'Pending', 'Sending' (claimed until next_attempt_at), 'Sent', 'Failed' (refused for good), 'NotIdoc'
-- (no IDoc control record: nothing to confirm; the row only keeps the document from being looked at again).
CREATE TABLE idoc_audits (
    message_id       text COLLATE "C" NOT NULL CONSTRAINT pk_idoc_audits PRIMARY KEY,
    source_system    text NOT NULL,
    endpoint         text NULL,
    audit_message_id text NULL,
    idoc_status      text NULL,
    document         text NULL,
    state            text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    created_at       text NOT NULL,
    next_attempt_at  text NULL,
    sent_at          text NULL,
    erp_idoc_number  text NULL,
    last_error       text NULL
);

CREATE INDEX ix_idoc_audits_due ON idoc_audits (state, next_attempt_at);

-- Finding documents whose outcome is known looks at one source system's documents received in a recent window.
CREATE INDEX ix_messages_source_received ON messages (source_system, received_at) WHERE document_type IS NOT NULL;
