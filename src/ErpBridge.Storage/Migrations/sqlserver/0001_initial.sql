-- Messages as accepted, their deliveries per channel, and the audit trail of delivery status changes.
-- Times are UTC in datetime2(7). Ids and channel names compare as binary (case-sensitive), as on SQLite.
CREATE TABLE dbo.messages (
    message_id     NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_messages PRIMARY KEY,
    message_type   NVARCHAR(32)  NOT NULL,
    document_type  NVARCHAR(64)  NULL,
    source_system  NVARCHAR(64)  NOT NULL,
    client         NVARCHAR(128) NOT NULL,
    sent_at        DATETIME2(7)  NOT NULL,
    received_at    DATETIME2(7)  NOT NULL,
    content_hash   CHAR(64)      NOT NULL,
    correlation_id NVARCHAR(64)  NOT NULL,
    payload        NVARCHAR(MAX) NOT NULL
);

CREATE INDEX ix_messages_received_at ON dbo.messages (received_at);

CREATE TABLE dbo.deliveries (
    delivery_id     BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_deliveries PRIMARY KEY,
    message_id      NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT fk_deliveries_messages REFERENCES dbo.messages (message_id),
    channel         NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    status          NVARCHAR(32)  NOT NULL,
    ordering_key    NVARCHAR(400) NULL,
    attempts        INT           NOT NULL CONSTRAINT df_deliveries_attempts DEFAULT 0,
    created_at      DATETIME2(7)  NOT NULL,
    next_attempt_at DATETIME2(7)  NULL,
    last_attempt_at DATETIME2(7)  NULL,
    last_error      NVARCHAR(MAX) NULL,
    claimed_by      NVARCHAR(128) NULL,
    claimed_until   DATETIME2(7)  NULL,
    CONSTRAINT uq_deliveries_message_channel UNIQUE (message_id, channel)
);

CREATE INDEX ix_deliveries_due ON dbo.deliveries (status, next_attempt_at);
CREATE INDEX ix_deliveries_ordering ON dbo.deliveries (channel, ordering_key, delivery_id);

CREATE TABLE dbo.delivery_audit (
    audit_id    BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_delivery_audit PRIMARY KEY,
    delivery_id BIGINT        NOT NULL CONSTRAINT fk_delivery_audit_deliveries REFERENCES dbo.deliveries (delivery_id),
    message_id  NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    channel     NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    from_status NVARCHAR(32)  NULL,
    to_status   NVARCHAR(32)  NOT NULL,
    at          DATETIME2(7)  NOT NULL,
    detail      NVARCHAR(MAX) NULL
);

CREATE INDEX ix_delivery_audit_message ON dbo.delivery_audit (message_id, audit_id);
