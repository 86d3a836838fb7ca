-- The ordering key was never used; it goes with its index. Item versions lose their index by MessageId: every
-- delivered item moved its entry, and only the nightly reconciliation reads them in that order, which a sort gives
-- it. (On SQLite this migration also keys deliveries by an integer message sequence so that its index grows at its
-- end; PostgreSQL's tables are heaps whose indexes hold row pointers, so its keys stay as they are.)
DROP INDEX ix_deliveries_ordering;
ALTER TABLE deliveries DROP COLUMN ordering_key;
DROP INDEX ix_item_versions_message;
