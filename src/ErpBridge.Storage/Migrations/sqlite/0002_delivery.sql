-- Delivery: per-channel claims, leases on channels, and the newest version of each item delivered per channel.
DROP INDEX ix_deliveries_due;
CREATE INDEX ix_deliveries_channel_due ON deliveries (channel, status, next_attempt_at);

-- One worker delivers a channel at a time, so that per-item ordering holds across workers and nodes.
CREATE TABLE channel_leases (
    channel TEXT NOT NULL PRIMARY KEY,
    holder  TEXT NOT NULL,
    until   TEXT NOT NULL
);

-- item_key: 'inv:SKU@LOCATION' for stock, 'prod:SKU' for products. The newest (sent_at, received_at) wins:
-- an older state never overwrites a newer one on the platform.
CREATE TABLE item_versions (
    channel     TEXT NOT NULL,
    item_key    TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    received_at TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    PRIMARY KEY (channel, item_key)
) WITHOUT ROWID;
