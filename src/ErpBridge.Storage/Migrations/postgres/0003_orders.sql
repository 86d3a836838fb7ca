-- Store orders held for the ERP, one row per order with its current revision, and each channel's polling cursor.
CREATE TABLE orders (
    order_id              text COLLATE "C" NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
    channel               text COLLATE "C" NOT NULL,
    platform_order_id     text COLLATE "C" NOT NULL,
    order_number          text NOT NULL,
    revision              bigint NOT NULL,
    content_hash          text NOT NULL,
    cancelled             boolean NOT NULL,
    canonical_xml         text NOT NULL,
    platform_updated_at   text NOT NULL,
    first_seen_at         text NOT NULL,
    changed_at            text NOT NULL,
    handover              text NOT NULL,
    state                 text NOT NULL,
    visible_at            text NULL,
    fetched_revision      bigint NULL,
    acknowledged_revision bigint NULL,
    erp_document_number   text NULL,
    acknowledged_at       text NULL,
    push_attempts         integer NOT NULL DEFAULT 0,
    next_push_at          text NULL,
    last_error            text NULL
);

CREATE INDEX ix_orders_waiting ON orders (handover, state, changed_at) INCLUDE (channel, visible_at, next_push_at);
CREATE INDEX ix_orders_channel ON orders (channel, state);

CREATE TABLE order_cursors (
    channel       text COLLATE "C" NOT NULL CONSTRAINT pk_order_cursors PRIMARY KEY,
    changed_since text NOT NULL,
    polled_at     text NOT NULL
);
