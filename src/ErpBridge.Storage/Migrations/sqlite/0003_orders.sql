-- Store orders held for the ERP, one row per order with its current revision, and each channel's polling cursor.
CREATE TABLE orders (
    order_id              TEXT    NOT NULL PRIMARY KEY,   -- '{channel}:{platform order id}'
    channel               TEXT    NOT NULL,
    platform_order_id     TEXT    NOT NULL,
    order_number          TEXT    NOT NULL,
    revision              INTEGER NOT NULL,
    content_hash          TEXT    NOT NULL,
    cancelled             INTEGER NOT NULL,
    canonical_xml         TEXT    NOT NULL,
    platform_updated_at   TEXT    NOT NULL,
    first_seen_at         TEXT    NOT NULL,
    changed_at            TEXT    NOT NULL,               -- when the current revision was stored
    handover              TEXT    NOT NULL,               -- Pull | Push
    state                 TEXT    NOT NULL,               -- Pending | Fetched | Pushing | Acknowledged | Failed
    visible_at            TEXT    NULL,                   -- Fetched/Pushing: hidden until then
    fetched_revision      INTEGER NULL,
    acknowledged_revision INTEGER NULL,
    erp_document_number   TEXT    NULL,
    acknowledged_at       TEXT    NULL,
    push_attempts         INTEGER NOT NULL DEFAULT 0,
    next_push_at          TEXT    NULL,
    last_error            TEXT    NULL
) WITHOUT ROWID;

CREATE INDEX ix_orders_waiting ON orders (handover, state, changed_at);
CREATE INDEX ix_orders_channel ON orders (channel, state);

CREATE TABLE order_cursors (
    channel       TEXT NOT NULL PRIMARY KEY,
    changed_since TEXT NOT NULL,
    polled_at     TEXT NOT NULL
) WITHOUT ROWID;
