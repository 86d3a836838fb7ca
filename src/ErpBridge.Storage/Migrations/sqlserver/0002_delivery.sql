-- Delivery: per-channel claims, leases on channels, and the newest version of each item delivered per channel.
DROP INDEX ix_deliveries_due ON dbo.deliveries;
CREATE INDEX ix_deliveries_channel_due ON dbo.deliveries (channel, status, next_attempt_at) INCLUDE (claimed_until);

-- One worker delivers a channel at a time, so that per-item ordering holds across workers and nodes.
CREATE TABLE dbo.channel_leases (
    channel NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_channel_leases PRIMARY KEY,
    holder  NVARCHAR(200) NOT NULL,
    until   DATETIME2(7)  NOT NULL
);

-- item_key: 'inv:SKU@LOCATION' for stock, 'prod:SKU' for products. The newest (sent_at, received_at) wins:
-- an older state never overwrites a newer one on the platform.
CREATE TABLE dbo.item_versions (
    channel     NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    item_key    NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    sent_at     DATETIME2(7)  NOT NULL,
    received_at DATETIME2(7)  NOT NULL,
    message_id  NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_item_versions PRIMARY KEY (channel, item_key)
);
