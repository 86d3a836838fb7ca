-- Reconciliation runs: the store's levels as read page by page, the ERP's view, what is in flight, and the findings.
CREATE TABLE dbo.reconciliation_runs (
    run_id       BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_reconciliation_runs PRIMARY KEY,
    channel      NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    status       NVARCHAR(16)  NOT NULL,
    phase        NVARCHAR(32)  NOT NULL,
    trigger_by   NVARCHAR(64)  NOT NULL,
    heal         BIT           NOT NULL,
    started_at   DATETIME2(7)  NOT NULL,
    finished_at  DATETIME2(7)  NULL,
    page_token   NVARCHAR(MAX) NULL,
    pages        INT           NOT NULL CONSTRAINT df_reconciliation_runs_pages DEFAULT 0,
    levels_read  BIGINT        NOT NULL CONSTRAINT df_reconciliation_runs_levels DEFAULT 0,
    error        NVARCHAR(MAX) NULL
);

CREATE INDEX ix_reconciliation_runs_channel ON dbo.reconciliation_runs (channel, run_id);

CREATE TABLE dbo.reconciliation_levels (
    run_id   BIGINT        NOT NULL,
    side     NVARCHAR(16)  NOT NULL,
    item_key NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    sku      NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    location NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    quantity BIGINT        NOT NULL,
    detail   NVARCHAR(400) NULL,
    CONSTRAINT pk_reconciliation_levels PRIMARY KEY (run_id, side, item_key)
);

CREATE TABLE dbo.reconciliation_items (
    run_id         BIGINT        NOT NULL,
    item_key       NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    class          NVARCHAR(32)  NOT NULL,
    sku            NVARCHAR(255) NULL,
    location       NVARCHAR(128) NULL,
    erp_quantity   BIGINT        NULL,
    store_quantity BIGINT        NULL,
    detail         NVARCHAR(400) NULL,
    healed_by      NVARCHAR(128) NULL,
    CONSTRAINT pk_reconciliation_items PRIMARY KEY (run_id, item_key)
);

CREATE INDEX ix_reconciliation_items_class ON dbo.reconciliation_items (run_id, class, item_key);
CREATE INDEX ix_item_versions_message ON dbo.item_versions (channel, message_id);
