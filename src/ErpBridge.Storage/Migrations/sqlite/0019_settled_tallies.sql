-- Settled deliveries per channel and status (Delivered, Superseded, Discarded), kept by triggers in the same
-- transaction as every statement that moves a delivery into, out of or (by retention) away from those statuses, so
-- that /status/deliveries reads one row where it would otherwise count every settled row of a channel. The other
-- statuses are the backlog and stay counted through their index ranges. Intake inserts Pending deliveries only and
-- fires nothing.
CREATE TABLE delivery_tallies (
    channel TEXT    NOT NULL,
    status  TEXT    NOT NULL,
    tally   INTEGER NOT NULL,
    PRIMARY KEY (channel, status)
) WITHOUT ROWID;

INSERT INTO delivery_tallies (channel, status, tally)
SELECT channel, status, COUNT(*) FROM deliveries WHERE status IN ('Delivered', 'Superseded', 'Discarded') GROUP BY channel, status;

-- Two triggers, so that a change runs only the statement it needs: a completion adds, a resend of items takes away.
CREATE TRIGGER tr_deliveries_tally_settle AFTER UPDATE OF status ON deliveries
WHEN new.status IN ('Delivered', 'Superseded', 'Discarded') AND old.status IS NOT new.status
BEGIN
    INSERT INTO delivery_tallies (channel, status, tally) VALUES (new.channel, new.status, 1)
    ON CONFLICT (channel, status) DO UPDATE SET tally = tally + 1;
END;

CREATE TRIGGER tr_deliveries_tally_unsettle AFTER UPDATE OF status ON deliveries
WHEN old.status IN ('Delivered', 'Superseded', 'Discarded') AND old.status IS NOT new.status
BEGIN
    UPDATE delivery_tallies SET tally = tally - 1 WHERE channel = old.channel AND status = old.status;
END;

CREATE TRIGGER tr_deliveries_tally_delete AFTER DELETE ON deliveries
WHEN old.status IN ('Delivered', 'Superseded', 'Discarded')
BEGIN
    UPDATE delivery_tallies SET tally = tally - 1 WHERE channel = old.channel AND status = old.status;
END;

-- The same for the item rows of delivered messages that settled on their own (Skipped, Discarded). Failed items are
-- dead letters and Resend ones wait for the next round: both stay counted through ix_delivery_items_state.
CREATE TABLE item_tallies (
    channel TEXT    NOT NULL,
    state   TEXT    NOT NULL,
    tally   INTEGER NOT NULL,
    PRIMARY KEY (channel, state)
) WITHOUT ROWID;

INSERT INTO item_tallies (channel, state, tally)
SELECT channel, state, COUNT(*) FROM delivery_items WHERE state IN ('Skipped', 'Discarded') GROUP BY channel, state;

CREATE TRIGGER tr_delivery_items_tally_insert AFTER INSERT ON delivery_items
WHEN new.state IN ('Skipped', 'Discarded')
BEGIN
    INSERT INTO item_tallies (channel, state, tally) VALUES (new.channel, new.state, 1)
    ON CONFLICT (channel, state) DO UPDATE SET tally = tally + 1;
END;

CREATE TRIGGER tr_delivery_items_tally_settle AFTER UPDATE OF state ON delivery_items
WHEN new.state IN ('Skipped', 'Discarded') AND old.state IS NOT new.state
BEGIN
    INSERT INTO item_tallies (channel, state, tally) VALUES (new.channel, new.state, 1)
    ON CONFLICT (channel, state) DO UPDATE SET tally = tally + 1;
END;

CREATE TRIGGER tr_delivery_items_tally_unsettle AFTER UPDATE OF state ON delivery_items
WHEN old.state IN ('Skipped', 'Discarded') AND old.state IS NOT new.state
BEGIN
    UPDATE item_tallies SET tally = tally - 1 WHERE channel = old.channel AND state = old.state;
END;

CREATE TRIGGER tr_delivery_items_tally_delete AFTER DELETE ON delivery_items
WHEN old.state IN ('Skipped', 'Discarded')
BEGIN
    UPDATE item_tallies SET tally = tally - 1 WHERE channel = old.channel AND state = old.state;
END;
