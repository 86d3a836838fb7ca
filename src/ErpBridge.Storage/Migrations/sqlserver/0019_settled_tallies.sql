-- Settled deliveries per channel and status (Delivered, Superseded, Discarded), kept by a trigger in the same
-- transaction as every statement that moves deliveries into, out of or (by retention) away from those statuses, so
-- that /status/deliveries reads one row where it would otherwise count every settled row of a channel. The other
-- statuses are the backlog and stay counted through their index ranges. Intake inserts Pending deliveries only and
-- fires nothing. A table with a trigger takes no OUTPUT without INTO: the claim outputs into a table variable.
CREATE TABLE dbo.delivery_tallies (
    channel NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    status  NVARCHAR(32) NOT NULL,
    tally   BIGINT       NOT NULL,
    CONSTRAINT pk_delivery_tallies PRIMARY KEY (channel, status)
);

INSERT INTO dbo.delivery_tallies (channel, status, tally)
SELECT channel, status, COUNT_BIG(*) FROM dbo.deliveries WHERE status IN (N'Delivered', N'Superseded', N'Discarded') GROUP BY channel, status;
GO
CREATE TRIGGER dbo.tr_deliveries_tally ON dbo.deliveries AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE dbo.delivery_tallies WITH (HOLDLOCK) AS t
    USING (
        SELECT c.channel, c.status, SUM(c.n) AS n FROM (
            SELECT i.channel, i.status, CAST(1 AS BIGINT) AS n FROM inserted AS i LEFT JOIN deleted AS d ON d.delivery_id = i.delivery_id
            WHERE (d.status IS NULL OR d.status <> i.status) AND i.status IN (N'Delivered', N'Superseded', N'Discarded')
            UNION ALL
            SELECT d.channel, d.status, CAST(-1 AS BIGINT) FROM deleted AS d LEFT JOIN inserted AS i ON i.delivery_id = d.delivery_id
            WHERE (i.status IS NULL OR i.status <> d.status) AND d.status IN (N'Delivered', N'Superseded', N'Discarded')
        ) AS c
        GROUP BY c.channel, c.status) AS s
    ON t.channel = s.channel AND t.status = s.status
    WHEN MATCHED THEN UPDATE SET tally = t.tally + s.n
    WHEN NOT MATCHED THEN INSERT (channel, status, tally) VALUES (s.channel, s.status, s.n);
END;
GO
-- The same for the item rows of delivered messages that settled on their own (Skipped, Discarded). Failed items are
-- dead letters and Resend ones wait for the next round: both stay counted through ix_delivery_items_state.
CREATE TABLE dbo.item_tallies (
    channel NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    state   NVARCHAR(16) NOT NULL,
    tally   BIGINT       NOT NULL,
    CONSTRAINT pk_item_tallies PRIMARY KEY (channel, state)
);

INSERT INTO dbo.item_tallies (channel, state, tally)
SELECT channel, state, COUNT_BIG(*) FROM dbo.delivery_items WHERE state IN (N'Skipped', N'Discarded') GROUP BY channel, state;
GO
CREATE TRIGGER dbo.tr_delivery_items_tally ON dbo.delivery_items AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE dbo.item_tallies WITH (HOLDLOCK) AS t
    USING (
        SELECT c.channel, c.state, SUM(c.n) AS n FROM (
            SELECT i.channel, i.state, CAST(1 AS BIGINT) AS n FROM inserted AS i
            LEFT JOIN deleted AS d ON d.delivery_id = i.delivery_id AND d.item_key = i.item_key
            WHERE (d.state IS NULL OR d.state <> i.state) AND i.state IN (N'Skipped', N'Discarded')
            UNION ALL
            SELECT d.channel, d.state, CAST(-1 AS BIGINT) FROM deleted AS d
            LEFT JOIN inserted AS i ON i.delivery_id = d.delivery_id AND i.item_key = d.item_key
            WHERE (i.state IS NULL OR i.state <> d.state) AND d.state IN (N'Skipped', N'Discarded')
        ) AS c
        GROUP BY c.channel, c.state) AS s
    ON t.channel = s.channel AND t.state = s.state
    WHEN MATCHED THEN UPDATE SET tally = t.tally + s.n
    WHEN NOT MATCHED THEN INSERT (channel, state, tally) VALUES (s.channel, s.state, s.n);
END;
