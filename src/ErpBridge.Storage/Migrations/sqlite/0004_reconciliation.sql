-- Reconciliation runs: the store's levels as read page by page, the ERP's view, what is in flight, and the findings.
CREATE TABLE reconciliation_runs (
    run_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    channel      TEXT    NOT NULL,
    status       TEXT    NOT NULL,               -- Running | Completed | Failed
    phase        TEXT    NOT NULL,               -- ReadingStore | BuildingErpView | Comparing | CheckingOrders | Healing | Done
    trigger_by   TEXT    NOT NULL,
    heal         INTEGER NOT NULL,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT    NULL,
    page_token   TEXT    NULL,                   -- the next page of the store's stock to read
    pages        INTEGER NOT NULL DEFAULT 0,
    levels_read  INTEGER NOT NULL DEFAULT 0,
    error        TEXT    NULL
);

CREATE INDEX ix_reconciliation_runs_channel ON reconciliation_runs (channel, run_id);

CREATE TABLE reconciliation_levels (
    run_id   INTEGER NOT NULL,
    side     TEXT    NOT NULL,                   -- Store | Erp | InFlight
    item_key TEXT    NOT NULL,
    sku      TEXT    NOT NULL,
    location TEXT    NOT NULL,
    quantity INTEGER NOT NULL,
    detail   TEXT    NULL,
    PRIMARY KEY (run_id, side, item_key)
) WITHOUT ROWID;

CREATE TABLE reconciliation_items (
    run_id         INTEGER NOT NULL,
    item_key       TEXT    NOT NULL,             -- inv:SKU@LOCATION, or order:{order id}
    class          TEXT    NOT NULL,
    sku            TEXT    NULL,
    location       TEXT    NULL,
    erp_quantity   INTEGER NULL,
    store_quantity INTEGER NULL,
    detail         TEXT    NULL,
    healed_by      TEXT    NULL,                 -- the corrective message
    PRIMARY KEY (run_id, item_key)
) WITHOUT ROWID;

CREATE INDEX ix_reconciliation_items_class ON reconciliation_items (run_id, class, item_key);
CREATE INDEX ix_item_versions_message ON item_versions (channel, message_id);
