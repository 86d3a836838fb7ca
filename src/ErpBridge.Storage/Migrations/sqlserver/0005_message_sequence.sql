-- The ordering key was never used; it goes with its index. (On SQLite this migration also keys deliveries by an
-- integer message sequence so that its index grows at its end; SQL Server's log records rows, not whole pages, so
-- its keys stay as they are.)
DROP INDEX ix_deliveries_ordering ON dbo.deliveries;
ALTER TABLE dbo.deliveries DROP COLUMN ordering_key;
