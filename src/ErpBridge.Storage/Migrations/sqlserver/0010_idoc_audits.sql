-- ALE audits back to SAP: one row per received document whose outcome is known, written once, holding the audit IDoc
-- (ALEAUD01) exactly as it is sent on every retry until the ERP takes it.
-- state: 'Pending', 'Sending' (claimed until next_attempt_at), 'Sent', 'Failed' (refused for good), 'NotIdoc'
-- (no IDoc control record: nothing to confirm; the row only keeps the document from being looked at again).
CREATE TABLE dbo.idoc_audits (
    message_id       NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_idoc_audits PRIMARY KEY,
    source_system    NVARCHAR(64)  NOT NULL,
    endpoint         NVARCHAR(64)  NULL,
    audit_message_id NVARCHAR(128) NULL,
    idoc_status      NVARCHAR(2)   NULL,
    document         NVARCHAR(MAX) NULL,
    state            NVARCHAR(16)  NOT NULL,
    attempts         INT           NOT NULL CONSTRAINT df_idoc_audits_attempts DEFAULT 0,
    created_at       DATETIME2(7)  NOT NULL,
    next_attempt_at  DATETIME2(7)  NULL,
    sent_at          DATETIME2(7)  NULL,
    erp_idoc_number  NVARCHAR(35)  NULL,
    last_error       NVARCHAR(MAX) NULL
);

CREATE INDEX ix_idoc_audits_due ON dbo.idoc_audits (state, next_attempt_at);

-- Finding documents whose outcome is known looks at one source system's documents received in a recent window.
CREATE INDEX ix_messages_source_received ON dbo.messages (source_system, received_at) WHERE document_type IS NOT NULL;
