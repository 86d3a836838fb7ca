-- Delivery: per-channel claims, leases on channels, and the newest version of each item delivered per channel.
DROP INDEX ix_deliveries_due;
CREATE INDEX ix_deliveries_channel_due ON deliveries (channel, status, next_attempt_at) INCLUDE (claimed_until);

-- One worker delivers a channel at a time, so that per-item ordering holds across workers and nodes.
CREATE TABLE channel_leases (
    channel text COLLATE "C" NOT NULL CONSTRAINT pk_channel_leases PRIMARY KEY,
    holder  text NOT NULL,
    until   text NOT NULL
);

-- item_key: 'inv:SKU@LOCATION' for stock, 'prod:SKU' for products. The newest (sent_at, received_at) wins:
-- an older state never overwrites a newer one on the platform.
CREATE TABLE item_versions (
    channel     text COLLATE "C" NOT NULL,
    item_key    text COLLATE "C" NOT NULL,
    sent_at     text NOT NULL,
    received_at text NOT NULL,
    message_id  text COLLATE "C" NOT NULL,
    CONSTRAINT pk_item_versions PRIMARY KEY (channel, item_key)
);
