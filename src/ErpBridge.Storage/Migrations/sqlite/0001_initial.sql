-- Messages as accepted, their deliveries per channel, and the audit trail of delivery status changes.
-- Times are UTC, stored as ISO 8601 text (yyyy-MM-ddTHH:mm:ss.fffffffZ) so that they sort as text.
CREATE TABLE messages (
    message_id     TEXT NOT NULL PRIMARY KEY,
    message_type   TEXT NOT NULL,
    document_type  TEXT NULL,
    source_system  TEXT NOT NULL,
    client         TEXT NOT NULL,
    sent_at        TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    payload        TEXT NOT NULL
);

CREATE INDEX ix_messages_received_at ON messages (received_at);

CREATE TABLE deliveries (
    delivery_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT NOT NULL REFERENCES messages (message_id),
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL,
    ordering_key    TEXT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NULL,
    last_attempt_at TEXT NULL,
    last_error      TEXT NULL,
    claimed_by      TEXT NULL,
    claimed_until   TEXT NULL,
    UNIQUE (message_id, channel)
);

CREATE INDEX ix_deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX ix_deliveries_ordering ON deliveries (channel, ordering_key, delivery_id);

CREATE TABLE delivery_audit (
    audit_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries (delivery_id),
    message_id  TEXT NOT NULL,
    channel     TEXT NOT NULL,
    from_status TEXT NULL,
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL,
    detail      TEXT NULL
);

CREATE INDEX ix_delivery_audit_delivery ON delivery_audit (delivery_id, audit_id);
