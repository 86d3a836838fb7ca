-- Store orders held for the ERP, one row per order with its current revision, and each channel's polling cursor.
CREATE TABLE dbo.orders (
    order_id              NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
    channel               NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    platform_order_id     NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    order_number          NVARCHAR(64)  NOT NULL,
    revision              BIGINT        NOT NULL,
    content_hash          CHAR(64)      NOT NULL,
    cancelled             BIT           NOT NULL,
    canonical_xml         NVARCHAR(MAX) NOT NULL,
    platform_updated_at   DATETIME2(7)  NOT NULL,
    first_seen_at         DATETIME2(7)  NOT NULL,
    changed_at            DATETIME2(7)  NOT NULL,
    handover              NVARCHAR(16)  NOT NULL,
    state                 NVARCHAR(16)  NOT NULL,
    visible_at            DATETIME2(7)  NULL,
    fetched_revision      BIGINT        NULL,
    acknowledged_revision BIGINT        NULL,
    erp_document_number   NVARCHAR(64)  NULL,
    acknowledged_at       DATETIME2(7)  NULL,
    push_attempts         INT           NOT NULL CONSTRAINT df_orders_push_attempts DEFAULT 0,
    next_push_at          DATETIME2(7)  NULL,
    last_error            NVARCHAR(MAX) NULL
);

CREATE INDEX ix_orders_waiting ON dbo.orders (handover, state, changed_at) INCLUDE (channel, visible_at, next_push_at);
CREATE INDEX ix_orders_channel ON dbo.orders (channel, state);

CREATE TABLE dbo.order_cursors (
    channel       NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_order_cursors PRIMARY KEY,
    changed_since DATETIME2(7) NOT NULL,
    polled_at     DATETIME2(7) NOT NULL
);
