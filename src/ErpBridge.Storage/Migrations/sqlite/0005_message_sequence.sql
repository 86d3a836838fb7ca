-- Deliveries point at their message by an integer sequence instead of its MessageId, so that the index that keeps
-- one delivery per message and channel grows at its end: a commit then rewrites one page of it instead of a page per
-- message at scattered MessageIds. The ordering key, never used, goes with its index.
-- Item versions lose their index by MessageId: every delivered item moved its entry to a scattered position, and
-- only the nightly reconciliation reads them in that order, which a sort gives it.
-- Runs with foreign keys off (the runner checks them before it commits), as SQLite's documented table rebuild does.

CREATE TABLE messages_new (
    message_seq    INTEGER PRIMARY KEY,
    message_id     TEXT NOT NULL UNIQUE,
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

INSERT INTO messages_new (message_seq, message_id, message_type, document_type, source_system, client, sent_at, received_at, content_hash, correlation_id, payload)
SELECT rowid, message_id, message_type, document_type, source_system, client, sent_at, received_at, content_hash, correlation_id, payload
FROM messages ORDER BY rowid;

DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX ix_messages_received_at ON messages (received_at);

CREATE TABLE deliveries_new (
    delivery_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    message_seq     INTEGER NOT NULL REFERENCES messages (message_seq),
    message_id      TEXT NOT NULL,
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NULL,
    last_attempt_at TEXT NULL,
    last_error      TEXT NULL,
    claimed_by      TEXT NULL,
    claimed_until   TEXT NULL,
    UNIQUE (message_seq, channel)
);

INSERT INTO deliveries_new (delivery_id, message_seq, message_id, channel, status, attempts, created_at, next_attempt_at, last_attempt_at, last_error, claimed_by, claimed_until)
SELECT d.delivery_id, m.message_seq, d.message_id, d.channel, d.status, d.attempts, d.created_at, d.next_attempt_at, d.last_attempt_at, d.last_error, d.claimed_by, d.claimed_until
FROM deliveries AS d JOIN messages AS m ON m.message_id = d.message_id
ORDER BY d.delivery_id;

-- Delivery ids are never handed out twice: the new table goes on from where the old one's counter stood.
UPDATE sqlite_sequence SET seq = (SELECT MAX(seq) FROM sqlite_sequence WHERE name IN ('deliveries', 'deliveries_new'))
WHERE name = 'deliveries_new';

DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX ix_deliveries_channel_due ON deliveries (channel, status, next_attempt_at);

DROP INDEX ix_item_versions_message;
